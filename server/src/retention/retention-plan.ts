// Which cases the retention policy purges now, and which blob files may then be deleted. Pure: a case
// is closed when its latest outcome is at least N days old; its blobs still required by its ledger
// are purged unless its latest `retention.legal-hold` entry is on; a file is deleted only when no
// case that keeps its blobs still names it.
import type { LedgerEntry } from '../../../protocol/http.ts';
import { RETENTION_LEGAL_HOLD, RetentionLegalHoldPayload } from '../../../protocol/ledger.ts';
import { purgeCoverage } from '../ledger/tombstones.ts';

export interface RetentionCase {
  caseId: string;
  /** Time of the case's latest outcome; null when it has none (never closed). */
  outcomeAt: string | null;
  entries: ReadonlyArray<Pick<LedgerEntry, 'seq' | 'type' | 'payload' | 'blobs'>>;
}

export interface CasePurge {
  caseId: string;
  outcomeAt: string;
  /** Every blob the case's ledger still requires; the tombstone lists them all. */
  purgedBlobs: string[];
}

/** A case retention would purge but does not: a legal hold is on. */
export interface CaseHeld {
  caseId: string;
  outcomeAt: string;
  /** The seq of the `retention.legal-hold` entry that put the hold on. */
  holdSeq: number;
}

export interface RetentionPlan {
  purges: CasePurge[];
  held: CaseHeld[];
  /** The purged blobs no other, unpurged case still names: their files can go. */
  deletable: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The seq of the entry that put the case's legal hold on, or null when none is on (never put, or lifted since). */
export function legalHoldOn(entries: RetentionCase['entries']): number | null {
  let on: number | null = null;
  for (const entry of entries) {
    if (entry.type !== RETENTION_LEGAL_HOLD) continue;
    const parsed = RetentionLegalHoldPayload.safeParse(entry.payload);
    // A hold entry that does not parse is read as on: when in doubt, keep the evidence.
    on = !parsed.success || parsed.data.status === 'on' ? entry.seq : null;
  }
  return on;
}

export function planRetention(cases: readonly RetentionCase[], now: Date, olderThanDays: number): RetentionPlan {
  const cutoff = now.getTime() - olderThanDays * DAY_MS;
  const purges: CasePurge[] = [];
  const held: CaseHeld[] = [];
  const kept = new Set<string>();
  for (const item of cases) {
    const required = [...purgeCoverage(item.entries).required().keys()];
    const closed = item.outcomeAt !== null && Date.parse(item.outcomeAt) <= cutoff;
    const holdSeq = legalHoldOn(item.entries);
    if (closed && required.length > 0 && item.outcomeAt !== null) {
      if (holdSeq === null) {
        purges.push({ caseId: item.caseId, outcomeAt: item.outcomeAt, purgedBlobs: required });
        continue;
      }
      held.push({ caseId: item.caseId, outcomeAt: item.outcomeAt, holdSeq });
    }
    for (const sha256 of required) kept.add(sha256);
  }
  const deletable = new Set<string>();
  for (const purge of purges) for (const sha256 of purge.purgedBlobs) if (!kept.has(sha256)) deletable.add(sha256);
  return { purges, held, deletable: [...deletable] };
}
