// The case list's search as one parameterised SQL WHERE clause: words in the title, customer name or
// reference (LIKE on lower-cased text, so it ignores case on PostgreSQL as SQLite's LIKE does, with % and _
// taken literally), status, kind, assessor, creation day range, archived.
import type { CaseKind } from '../../../protocol/http.ts';

export interface CaseFilter {
  q?: string;
  status: 'open' | 'closed' | 'all';
  kind?: CaseKind;
  assessorId?: string;
  /** Only the cases this user is invited to (case_participants). */
  participantId?: string;
  /** First and last day of creation, YYYY-MM-DD (UTC), both included. */
  from?: string;
  to?: string;
  /** Archived cases are left out unless true. */
  archived: boolean;
}

/** `%`, `_` and the escape character itself match only themselves. */
export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function caseWhere(filter: CaseFilter): { where: string; params: string[] } {
  const clauses: string[] = [];
  const params: string[] = [];
  // Every word must appear somewhere, so "golf 1234" finds the Golf with reference CLM-1234.
  for (const word of (filter.q ?? '').split(/\s+/).filter(Boolean)) {
    clauses.push(`(lower(c.title) LIKE ? ESCAPE '\\' OR lower(c.customer_name) LIKE ? ESCAPE '\\' OR lower(c.reference) LIKE ? ESCAPE '\\')`);
    // ASCII only, as SQLite's lower() does.
    const pattern = likePattern(word.replace(/[A-Z]/g, (c) => c.toLowerCase()));
    params.push(pattern, pattern, pattern);
  }
  if (filter.status === 'open') clauses.push('c.closed_at IS NULL');
  if (filter.status === 'closed') clauses.push('c.closed_at IS NOT NULL');
  if (filter.kind) {
    clauses.push('c.kind = ?');
    params.push(filter.kind);
  }
  if (filter.assessorId) {
    clauses.push('c.assessor_id = ?');
    params.push(filter.assessorId);
  }
  if (filter.participantId) {
    clauses.push('c.id IN (SELECT case_id FROM case_participants WHERE user_id = ?)');
    params.push(filter.participantId);
  }
  if (filter.from) {
    clauses.push('c.created_at >= ?');
    params.push(`${filter.from}T00:00:00.000Z`);
  }
  if (filter.to) {
    clauses.push('c.created_at <= ?');
    params.push(`${filter.to}T23:59:59.999Z`);
  }
  if (!filter.archived) clauses.push('c.archived_at IS NULL');
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** A YYYY-MM-DD that names a real day (2026-02-30 does not). */
export function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}
