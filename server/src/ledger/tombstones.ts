// Which blobs a case's ledger says were purged on purpose: a blob named by an entry is expected to be
// missing exactly when a later `retention.purged` entry lists it. Pure; shared by the server's
// verifyCase, the exporter, the retention command and the offline verifier.
import { RETENTION_PURGED, RetentionPurgedPayload } from '../../../protocol/corrections.ts';
import type { LedgerEntry } from '../../../protocol/http.ts';

type EntryLike = Pick<LedgerEntry, 'seq' | 'type' | 'payload' | 'blobs'>;

export interface PurgeCoverage<E extends EntryLike = EntryLike> {
  /** True when a tombstone after entry `seq` lists `sha256`. */
  covers(seq: number, sha256: string): boolean;
  /** Blobs that at least one entry names without a later tombstone: these must exist. */
  required(): Map<string, E>;
}

/** A tombstone's purged blobs, or null for any other entry (or a malformed payload, which covers nothing). */
export function purgedBlobsOf(entry: Pick<LedgerEntry, 'type' | 'payload'>): string[] | null {
  if (entry.type !== RETENTION_PURGED) return null;
  const parsed = RetentionPurgedPayload.safeParse(entry.payload);
  return parsed.success ? parsed.data.purgedBlobs : null;
}

export function purgeCoverage<E extends EntryLike>(entries: readonly E[]): PurgeCoverage<E> {
  // For each blob, the highest seq of a tombstone listing it.
  const lastPurge = new Map<string, number>();
  for (const entry of entries) {
    for (const sha256 of purgedBlobsOf(entry) ?? []) lastPurge.set(sha256, Math.max(entry.seq, lastPurge.get(sha256) ?? 0));
  }
  const covers = (seq: number, sha256: string): boolean => (lastPurge.get(sha256) ?? 0) > seq;
  return {
    covers,
    required() {
      const named = new Map<string, E>();
      for (const entry of entries) {
        for (const sha256 of entry.blobs) if (!covers(entry.seq, sha256) && !named.has(sha256)) named.set(sha256, entry);
      }
      return named;
    },
  };
}

/**
 * Every blob the entries name, once, in order of first mention — except one a later `retention.purged`
 * tombstone lists (unless another entry after that tombstone names it again): an export holds no such file.
 */
export function blobsNamed(entries: readonly LedgerEntry[]): string[] {
  return [...purgeCoverage(entries).required().keys()];
}
