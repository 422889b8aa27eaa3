// Keeps each recording chunk in IndexedDB from the moment it is hashed until the server acknowledged
// it, with one row per recording saying how far it got — so a crashed tab's chunks survive a reload.
export interface StoredChunk {
  recordingId: string;
  n: number;
  sha256: string;
  size: number;
  blob: Blob;
}

export interface StoredRecording {
  recordingId: string;
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
const CHUNKS = 'recording-chunks';
const RECORDINGS = 'recordings';

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

export class ChunkStore {
  private db: Promise<IDBDatabase> | null = null;

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(CHUNKS, { keyPath: ['recordingId', 'n'] });
        request.result.createObjectStore(RECORDINGS, { keyPath: 'recordingId' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
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

  async getChunk(recordingId: string, n: number): Promise<StoredChunk | undefined> {
    const tx = (await this.open()).transaction(CHUNKS, 'readonly');
    return (await done(tx.objectStore(CHUNKS).get([recordingId, n]))) as StoredChunk | undefined;
  }

  /** Numbers of the chunks of one recording still held here. */
  async chunkNumbers(recordingId: string): Promise<number[]> {
    const tx = (await this.open()).transaction(CHUNKS, 'readonly');
    const range = IDBKeyRange.bound([recordingId, 0], [recordingId, Number.MAX_SAFE_INTEGER]);
    const keys = await done(tx.objectStore(CHUNKS).getAllKeys(range));
    return keys.map((key) => (Array.isArray(key) ? Number(key[1]) : NaN)).filter((n) => Number.isInteger(n));
  }

  async deleteChunk(recordingId: string, n: number): Promise<void> {
    const tx = (await this.open()).transaction(CHUNKS, 'readwrite');
    tx.objectStore(CHUNKS).delete([recordingId, n]);
    await committed(tx);
  }

  async recordings(caseId: string): Promise<StoredRecording[]> {
    const tx = (await this.open()).transaction(RECORDINGS, 'readonly');
    const all = (await done(tx.objectStore(RECORDINGS).getAll())) as StoredRecording[];
    return all.filter((r) => r.caseId === caseId);
  }

  /** Forgets a sealed recording: its chunks are all on the server. */
  async forget(recordingId: string): Promise<void> {
    const tx = (await this.open()).transaction([CHUNKS, RECORDINGS], 'readwrite');
    tx.objectStore(CHUNKS).delete(IDBKeyRange.bound([recordingId, 0], [recordingId, Number.MAX_SAFE_INTEGER]));
    tx.objectStore(RECORDINGS).delete(recordingId);
    await committed(tx);
  }
}
