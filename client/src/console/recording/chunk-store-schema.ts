// The recording store's IndexedDB schema and its upgrades. Version 1 keyed rows and chunks by the
// server's recording id; version 2 keys them by the console's local id, so a recording is kept from
// its first moment. A version-1 row keeps its server id and takes it as its local id too, so the chunks
// a version-1 tab left are still uploaded (and its Web Lock keeps the same name).
import { z } from 'zod';
import type { StoredChunk, StoredRecording } from './chunk-store.ts';

export const CHUNKS = 'recording-chunks';
export const RECORDINGS = 'recordings';

const V1Recording = z.object({
  recordingId: z.string().min(1),
  caseId: z.string(),
  startedAt: z.string(),
  chunkCount: z.number().int().min(0),
  durationMs: z.number(),
  stopped: z.boolean(),
  hashes: z.array(z.string()),
});

const V1Chunk = z.object({
  recordingId: z.string().min(1),
  n: z.number().int().min(0),
  sha256: z.string(),
  size: z.number().int().min(0),
  blob: z.instanceof(Blob),
});

/** A version-1 recording row as a version-2 one; null for a value no version-1 console wrote. */
export function recordingFromV1(value: unknown): StoredRecording | null {
  const parsed = V1Recording.safeParse(value);
  if (!parsed.success) return null;
  const { recordingId, ...progress } = parsed.data;
  return { localId: recordingId, recordingId, create: null, ...progress };
}

/** A version-1 chunk as a version-2 one; null for a value no version-1 console wrote. */
export function chunkFromV1(value: unknown): StoredChunk | null {
  const parsed = V1Chunk.safeParse(value);
  if (!parsed.success) return null;
  const { recordingId, ...chunk } = parsed.data;
  return { localId: recordingId, ...chunk };
}

/** Runs inside `onupgradeneeded`: brings any older schema (or none) to the current one. */
export function upgradeSchema(db: IDBDatabase, tx: IDBTransaction, oldVersion: number): void {
  if (oldVersion < 2) {
    rekey(db, tx, CHUNKS, ['localId', 'n'], chunkFromV1);
    rekey(db, tx, RECORDINGS, 'localId', recordingFromV1);
  }
}

/**
 * An object store's key path cannot change: read every value, replace the store, write each value
 * back in its new shape — all in the upgrade transaction, so an interrupted upgrade leaves version 1.
 */
function rekey(db: IDBDatabase, tx: IDBTransaction, name: string, keyPath: string | string[], migrate: (value: unknown) => object | null): void {
  if (!db.objectStoreNames.contains(name)) {
    db.createObjectStore(name, { keyPath });
    return;
  }
  const old = tx.objectStore(name).getAll();
  old.onsuccess = () => {
    db.deleteObjectStore(name);
    const store = db.createObjectStore(name, { keyPath });
    for (const value of old.result) {
      const migrated = migrate(value);
      if (migrated) store.put(migrated);
    }
  };
}
