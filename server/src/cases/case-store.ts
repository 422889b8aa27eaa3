// Cases and their join tokens in SQLite. A join token is stored only as its sha-256.
import type { ChecklistTemplateId } from '../../../protocol/checklist.ts';
import type { CaseKind, Decision } from '../../../protocol/http.ts';
import type { Db } from '../storage/database.ts';
import { caseWhere, type CaseFilter } from './case-query.ts';

export interface CaseRecord {
  id: string;
  kind: CaseKind;
  title: string;
  customerName: string | null;
  assessorId: string;
  createdBy: string;
  createdAt: string;
  /** The guided-capture checklist the customer is taken through, if any. */
  checklist: ChecklistTemplateId | null;
  /** The preview tour the customer is shown, if any. */
  tour: string | null;
  /** The operator's claim, policy or booking reference, if any. */
  reference: string | null;
  closedAt: string | null;
  archivedAt: string | null;
  joinExpiresAt: string;
  evidenceCount: number;
  decision: Decision | null;
}

export interface JoinTokenRecord {
  id: string;
  caseId: string;
  expiresAt: string;
  revokedAt: string | null;
  consentedAt: string | null;
  locationAllowed: boolean;
}

interface CaseRow {
  id: string;
  kind: CaseKind;
  title: string;
  customer_name: string | null;
  assessor_id: string;
  created_by: string;
  created_at: string;
  checklist: ChecklistTemplateId | null;
  tour: string | null;
  reference: string | null;
  closed_at: string | null;
  archived_at: string | null;
  join_expires_at: string | null;
  evidence_count: number;
  decision: Decision | null;
}

interface TokenRow {
  id: string;
  case_id: string;
  expires_at: string;
  revoked_at: string | null;
  consented_at: string | null;
  location_allowed: number;
}

const CASE_SELECT = `
  SELECT c.*,
    (SELECT max(expires_at) FROM join_tokens t WHERE t.case_id = c.id AND t.revoked_at IS NULL) AS join_expires_at,
    (SELECT count(*) FROM evidence e WHERE e.case_id = c.id) AS evidence_count,
    (SELECT decision FROM outcomes o WHERE o.case_id = c.id ORDER BY o.at DESC, o.rowid DESC LIMIT 1) AS decision
  FROM cases c`;

export interface CaseStore {
  insert(record: Omit<CaseRecord, 'joinExpiresAt' | 'evidenceCount' | 'decision' | 'closedAt' | 'archivedAt'>): void;
  byId(id: string): CaseRecord | null;
  /** Cases matching a search (case-query.ts), newest first. */
  search(filter: CaseFilter): CaseRecord[];
  /** Sets the fields given; the caller ledgers the change in the same transaction. */
  update(id: string, fields: { title?: string; customerName?: string | null; reference?: string | null }): void;
  setClosed(id: string, at: string | null): void;
  setArchived(id: string, at: string | null): void;
  setAssessor(id: string, assessorId: string): void;
  /** How many open (not closed) cases each assessor has. */
  openCounts(): Map<string, number>;
  /** Revokes the case's earlier tokens and stores a new one. */
  replaceJoinToken(input: { id: string; caseId: string; tokenHash: string; createdAt: string; expiresAt: string }): void;
  tokenByHash(tokenHash: string): JoinTokenRecord | null;
  tokenById(id: string): JoinTokenRecord | null;
  recordConsent(tokenId: string, at: string, locationAllowed: boolean): void;
}

export function createCaseStore(db: Db): CaseStore {
  const toCase = (row: CaseRow): CaseRecord => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    customerName: row.customer_name,
    assessorId: row.assessor_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    checklist: row.checklist,
    tour: row.tour,
    reference: row.reference,
    closedAt: row.closed_at,
    archivedAt: row.archived_at,
    joinExpiresAt: row.join_expires_at ?? row.created_at,
    evidenceCount: row.evidence_count,
    decision: row.decision,
  });
  const byIdStmt = db.prepare<[string], CaseRow>(`${CASE_SELECT} WHERE c.id = ?`);
  const tokenStmt = db.prepare<[string], TokenRow>('SELECT * FROM join_tokens WHERE token_hash = ?');
  const tokenByIdStmt = db.prepare<[string], TokenRow>('SELECT * FROM join_tokens WHERE id = ?');
  const toToken = (row: TokenRow): JoinTokenRecord => ({
    id: row.id,
    caseId: row.case_id,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    consentedAt: row.consented_at,
    locationAllowed: row.location_allowed === 1,
  });
  return {
    insert(record) {
      db.prepare(
        'INSERT INTO cases (id, kind, title, customer_name, assessor_id, created_by, created_at, checklist, tour, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(record.id, record.kind, record.title, record.customerName, record.assessorId, record.createdBy, record.createdAt, record.checklist, record.tour, record.reference);
    },
    byId(id) {
      const row = byIdStmt.get(id);
      return row ? toCase(row) : null;
    },
    search(filter) {
      const { where, params } = caseWhere(filter);
      return db.prepare<unknown[], CaseRow>(`${CASE_SELECT} ${where} ORDER BY c.created_at DESC, c.rowid DESC`).all(...params).map(toCase);
    },
    update(id, fields) {
      const columns = { title: 'title', customerName: 'customer_name', reference: 'reference' } as const;
      for (const key of Object.keys(columns) as (keyof typeof columns)[]) {
        if (fields[key] !== undefined) db.prepare(`UPDATE cases SET ${columns[key]} = ? WHERE id = ?`).run(fields[key], id);
      }
    },
    setClosed(id, at) {
      db.prepare('UPDATE cases SET closed_at = ? WHERE id = ?').run(at, id);
    },
    setArchived(id, at) {
      db.prepare('UPDATE cases SET archived_at = ? WHERE id = ?').run(at, id);
    },
    setAssessor(id, assessorId) {
      db.prepare('UPDATE cases SET assessor_id = ? WHERE id = ?').run(assessorId, id);
    },
    openCounts() {
      const rows = db.prepare<[], { assessor_id: string; n: number }>('SELECT assessor_id, count(*) AS n FROM cases WHERE closed_at IS NULL GROUP BY assessor_id').all();
      return new Map(rows.map((r) => [r.assessor_id, r.n]));
    },
    replaceJoinToken(input) {
      db.prepare('UPDATE join_tokens SET revoked_at = ? WHERE case_id = ? AND revoked_at IS NULL').run(input.createdAt, input.caseId);
      db.prepare('INSERT INTO join_tokens (id, token_hash, case_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
        input.id, input.tokenHash, input.caseId, input.createdAt, input.expiresAt,
      );
    },
    tokenByHash(tokenHash) {
      const row = tokenStmt.get(tokenHash);
      return row ? toToken(row) : null;
    },
    tokenById(id) {
      const row = tokenByIdStmt.get(id);
      return row ? toToken(row) : null;
    },
    recordConsent(tokenId, at, locationAllowed) {
      db.prepare('UPDATE join_tokens SET consented_at = coalesce(consented_at, ?), location_allowed = ? WHERE id = ?').run(
        at, locationAllowed ? 1 : 0, tokenId,
      );
    },
  };
}
