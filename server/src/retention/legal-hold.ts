// Puts or lifts an S3 Object Lock legal hold on every blob a case's ledger still requires, then appends
// a signed `retention.legal-hold` entry saying so. The holds go first: the entry records what was done,
// and a run cut short is simply run again (putting a hold that is on, or lifting one that is off, is a
// no-op). While the latest entry is on, `npm run retention` skips the case (retention-plan.ts).
import { RETENTION_LEGAL_HOLD } from '../../../protocol/ledger.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import { purgeCoverage } from '../ledger/tombstones.ts';
import type { BlobStore, LegalHoldStatus } from '../storage/blob-store.ts';

export interface LegalHoldDeps {
  ledger: Pick<LedgerStore, 'list' | 'append'>;
  blobs: Pick<BlobStore, 'legalHold'>;
}

export interface LegalHoldRequest {
  caseId: string;
  status: LegalHoldStatus;
  reason: string | null;
}

export interface LegalHoldResult {
  blobs: number;
  entrySeq: number;
}

/** A request the command refuses before touching the store or the ledger; the message says why. */
export class LegalHoldRefused extends Error {}

export const LOCAL_STORE_REFUSAL = 'the blob store is the local folder, whose files cannot carry an Object Lock legal hold; legal holds need an S3 bucket with Object Lock (SIGHTLINE_BLOB_STORE, docs/DEPLOY.md "Object Lock")';

export async function setLegalHold(deps: LegalHoldDeps, request: LegalHoldRequest): Promise<LegalHoldResult> {
  const hold = deps.blobs.legalHold;
  if (!hold) {
    throw new LegalHoldRefused(LOCAL_STORE_REFUSAL);
  }
  const entries = await deps.ledger.list(request.caseId);
  if (entries.length === 0) throw new LegalHoldRefused(`no case ${request.caseId}`);
  const blobs = [...purgeCoverage(entries).required().keys()];
  for (const [done, sha256] of blobs.entries()) {
    try {
      await hold(sha256, request.status);
    } catch (error) {
      const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new Error(`the store refused the legal hold on blob ${sha256} (${done} of ${blobs.length} done, no ledger entry written): ${why}`, { cause: error });
    }
  }
  const entry = await deps.ledger.append({
    caseId: request.caseId,
    actor: { type: 'system', id: 'legal-hold' },
    type: RETENTION_LEGAL_HOLD,
    payload: { status: request.status, reason: request.reason, blobs: blobs.length },
  });
  return { blobs: blobs.length, entrySeq: entry.seq };
}
