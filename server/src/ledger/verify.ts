// Recomputes a case's hash chain and the hash of every blob it names; reports the first broken link.
// A blob that a later `retention.purged` tombstone lists may be missing (or present): it is not checked.
import type { VerifyResult } from '../../../protocol/http.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { findChainBreak } from './chain.ts';
import { keyringCheck } from './key-trust.ts';
import type { Keyring } from './keyring.ts';
import type { LedgerStore } from './ledger-store.ts';
import { purgeCoverage } from './tombstones.ts';

/** Each entry is checked with the keyring key it names (one that names none: the oldest key). */
export async function verifyCase(caseId: string, ledger: LedgerStore, blobs: BlobStore, keyring: Pick<Keyring, 'list'>): Promise<VerifyResult> {
  const entries = await ledger.list(caseId);
  const headHash = entries.at(-1)?.hash ?? null;
  const chainBreak = findChainBreak(caseId, entries, keyringCheck(await keyring.list(), 'the ledger\'s keyring'));
  if (chainBreak) {
    return { ok: false, entries: entries.length, blobs: 0, headHash, firstBroken: { seq: chainBreak.seq, blob: null, reason: chainBreak.reason } };
  }
  const coverage = purgeCoverage(entries);
  const checked = new Set<string>();
  for (const entry of entries) {
    for (const sha256 of entry.blobs) {
      if (checked.has(sha256) || coverage.covers(entry.seq, sha256)) continue;
      checked.add(sha256);
      const actual = await blobs.hashOf(sha256);
      if (actual !== sha256) {
        const reason = actual === null ? 'blob is missing' : `blob content hashes to ${actual}`;
        return { ok: false, entries: entries.length, blobs: checked.size, headHash, firstBroken: { seq: entry.seq, blob: sha256, reason } };
      }
    }
  }
  return { ok: true, entries: entries.length, blobs: checked.size, headHash, firstBroken: null };
}
