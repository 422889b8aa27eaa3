// Which cases the retention policy purges now, and which blob files may then be deleted. Pure: a case
// is closed when its latest outcome is at least N days old; its blobs still required by its ledger
// are purged; a file is deleted only when no case that keeps its blobs still names it.
import type { LedgerEntry } from '../../../protocol/http.ts';
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

export interface RetentionPlan {
  purges: CasePurge[];
  /** The purged blobs no other, unpurged case still names: their files can go. */
  deletable: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function planRetention(cases: readonly RetentionCase[], now: Date, olderThanDays: number): RetentionPlan {
  const cutoff = now.getTime() - olderThanDays * DAY_MS;
  const purges: CasePurge[] = [];
  const kept = new Set<string>();
  for (const item of cases) {
    const required = [...purgeCoverage(item.entries).required().keys()];
    const closed = item.outcomeAt !== null && Date.parse(item.outcomeAt) <= cutoff;
    if (closed && required.length > 0 && item.outcomeAt !== null) purges.push({ caseId: item.caseId, outcomeAt: item.outcomeAt, purgedBlobs: required });
    else for (const sha256 of required) kept.add(sha256);
  }
  const deletable = new Set<string>();
  for (const purge of purges) for (const sha256 of purge.purgedBlobs) if (!kept.has(sha256)) deletable.add(sha256);
  return { purges, deletable: [...deletable] };
}
