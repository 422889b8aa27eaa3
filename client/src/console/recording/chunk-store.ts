// Keeps each recording chunk in IndexedDB from the moment it is hashed until the server acknowledged
// it, with one row per recording saying how far it got — so a crashed tab's chunks survive a reload.
// Rows and chunks are keyed by the recording's client-made id, so they are kept from the recording's
// first moment, before the server has heard of it.
import type { CreateRecordingBody } from '../../../../protocol/recording.ts';
import { CHUNKS, RECORDINGS, upgradeSchema } from './chunk-store-schema.ts';

export interface StoredChunk {
  localId: string;
  n: number;
  sha256: string;
  size: number;
  blob: Blob;
}

export interface StoredRecording {
  /** Made by the console when the recorder starts (it is also the create request's uploadId). */
  localId: string;
  /** The server's id; null until the server created the recording. */
  recordingId: string | null;
  /**
   * What creates the recording on the server: a repeat with the same uploadId answers with the same
   * recording, so a resumed tab can send it again. Null for a row a version-1 console left, which
   * the server had created before the row was stored.
   */
  create: CreateRecordingBody | null;
  caseId: string;
  startedAt: string;
  /** Chunks the recorder has made so far (n = 0 … chunkCount − 1). */
  chunkCount: number;
  /** Time from the start to the last chunk, by the console's clock. */
  durationMs: number;
  /** True once the recorder stopped: nothing more will come. */
  stopped: boolean;
  /** Every chunk hash the recorder made, by number, so a resumed upload can still seal. */
  hashes: string[];
}

const DB_NAME = 'sightline-console';
const DB_VERSION = 2;

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

const committed = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });

const allChunks = (localId: string): IDBKeyRange => IDBKeyRange.bound([localId, 0], [localId, Number.MAX_SAFE_INTEGER]);

export class ChunkStore {
  private db: Promise<IDBDatabase> | null = null;

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = (event) => {
        if (request.transaction) upgradeSchema(request.result, request.transaction, event.oldVersion);
      };
      request.onsuccess = () => {
        const db = request.result;
        // A newer console in another tab is upgrading the schema: let it, and reopen on the next use.
        db.onversionchange = () => {
          db.close();
          this.db = null;
        };
        resolve(db);
      };
      request.onerror = () => {
        this.db = null;
        reject(request.error ?? new Error('IndexedDB could not be opened'));
      };
    });
    return this.db;
  }

  /** Stores a chunk and the recording's new progress in one transaction. */
  async putChunk(chunk: StoredChunk, recording: StoredRecording): Promise<void> {
    const tx = (await this.open()).transaction([CHUNKS, RECORDINGS], 'readwrite');
    tx.objectStore(CHUNKS).put(chunk);
    tx.objectStore(RECORDINGS).put(recording);
    await committed(tx);
  }

  async putRecording(recording: StoredRecording): Promise<void> {
    const tx = (await this.open()).transaction(RECORDINGS, 'readwrite');
    tx.objectStore(RECORDINGS).put(recording);
    await committed(tx);
  }

  async getChunk(localId: string, n: number): Promise<StoredChunk | undefined> {
    const tx = (await this.open()).transaction(CHUNKS, 'readonly');
    return (await done(tx.objectStore(CHUNKS).get([localId, n]))) as StoredChunk | undefined;
  }

  /** Numbers of the chunks of one recording still held here. */
  async chunkNumbers(localId: string): Promise<number[]> {
    const tx = (await this.open()).transaction(CHUNKS, 'readonly');
    const keys = await done(tx.objectStore(CHUNKS).getAllKeys(allChunks(localId)));
    return keys.map((key) => (Array.isArray(key) ? Number(key[1]) : NaN)).filter((n) => Number.isInteger(n));
  }

  async deleteChunk(localId: string, n: number): Promise<void> {
    const tx = (await this.open()).transaction(CHUNKS, 'readwrite');
    tx.objectStore(CHUNKS).delete([localId, n]);
    await committed(tx);
  }

  async recordings(caseId: string): Promise<StoredRecording[]> {
    const tx = (await this.open()).transaction(RECORDINGS, 'readonly');
    const all = (await done(tx.objectStore(RECORDINGS).getAll())) as StoredRecording[];
    return all.filter((r) => r.caseId === caseId);
  }

  /** Forgets a recording: sealed (its chunks are all on the server), or stopped before any chunk. */
  async forget(localId: string): Promise<void> {
    const tx = (await this.open()).transaction([CHUNKS, RECORDINGS], 'readwrite');
    tx.objectStore(CHUNKS).delete(allChunks(localId));
    tx.objectStore(RECORDINGS).delete(localId);
    await committed(tx);
  }
}
