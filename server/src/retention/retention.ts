// Runs the retention policy over one data dir: plans, appends one signed `retention.purged` tombstone
// per closed case (each in its own transaction), and only after every tombstone has committed deletes
// the blob files no unpurged case names. A crash in between leaves files that are listed as purged but
// still present, which verifies; a file is never gone without its tombstone.
import { RETENTION_PURGED, type RetentionPurgedPayload } from '../../../protocol/corrections.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { Db } from '../storage/database.ts';
import { planRetention, type CaseHeld, type CasePurge } from './retention-plan.ts';
import { readRetentionCases } from './retention-store.ts';

export interface RetentionDeps {
  db: Db;
  ledger: LedgerStore;
  blobs: BlobStore;
}

export interface RetentionOptions {
  olderThanDays: number;
  now: Date;
  dryRun: boolean;
}

export interface RetentionResult {
  dryRun: boolean;
  cases: Array<CasePurge & { tombstoneSeq: number | null }>;
  /** Cases old enough to purge that were skipped: a legal hold is on (npm run legal-hold). */
  held: CaseHeld[];
  /** Blob files deleted (or, in a dry run, that would be), with their total size. */
  deletedBlobs: string[];
  bytes: number;
  /** Purged blobs kept because another, unpurged case still names them. */
  sharedBlobs: number;
}

export async function runRetention(deps: RetentionDeps, options: RetentionOptions): Promise<RetentionResult> {
  const plan = planRetention(await readRetentionCases(deps.db), options.now, options.olderThanDays);
  const cases: RetentionResult['cases'] = [];
  for (const purge of plan.purges) {
    if (options.dryRun) {
      cases.push({ ...purge, tombstoneSeq: null });
      continue;
    }
    const payload: RetentionPurgedPayload = {
      purgedBlobs: purge.purgedBlobs,
      reason: 'retention',
      olderThanDays: options.olderThanDays,
      outcomeAt: purge.outcomeAt,
    };
    const entry = await deps.ledger.append({ caseId: purge.caseId, actor: { type: 'system', id: 'retention' }, type: RETENTION_PURGED, payload });
    cases.push({ ...purge, tombstoneSeq: entry.seq });
  }

  let bytes = 0;
  const deletedBlobs: string[] = [];
  for (const sha256 of plan.deletable) {
    const size = await deps.blobs.size(sha256);
    if (size === null) continue;
    if (!options.dryRun) await deps.blobs.remove(sha256);
    bytes += size;
    deletedBlobs.push(sha256);
  }
  const purgedTotal = new Set(plan.purges.flatMap((p) => p.purgedBlobs)).size;
  return { dryRun: options.dryRun, cases, held: plan.held, deletedBlobs, bytes, sharedBlobs: purgedTotal - plan.deletable.length };
}
