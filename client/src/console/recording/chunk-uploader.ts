// Uploads a case's recordings from IndexedDB: creates each on the server (retried with its uploadId,
// so it is made once), then sends its chunks in order, resumably: a chunk leaves IndexedDB only once
// the server acknowledged it; network failures back off and, before the next try, ask the server which
// chunks it holds; a stopped recording is sealed once every chunk is acknowledged. Recordings left
// behind by a crashed tab are picked up by `resume()`. No React here: the UI listens to events.
import type { RecordingView } from '../../../../protocol/recording.ts';
import { ApiRequestError, messageOf } from '../../lib/api.ts';
import { backoffDelay, isRetryable, sleep } from '../../lib/retry.ts';
import { Emitter } from '../../lib/emitter.ts';
import type { ChunkStore, StoredChunk, StoredRecording } from './chunk-store.ts';
import { holdLock } from './lock.ts';
import { recordingApi } from './recording-api.ts';
import { newTrack, progressOf, type Track, type UploadProgress } from './upload-track.ts';
import { i18next } from '../../i18n/i18n.ts';

export type { UploadProgress, UploadState } from './upload-track.ts';

type ChunkUploaderEvents = {
  progress: (progress: UploadProgress) => void;
  sealed: (recording: RecordingView) => void;
  /** A recording stopped before it made a chunk: there is nothing to upload, and it was forgotten. */
  discarded: (localId: string) => void;
  /** Something the assessor must hear about: a conflict, a refused seal. */
  problem: (message: string) => void;
  /** The server refused this recording for good (its create or a chunk): nothing more of it will be uploaded. */
  blocked: (localId: string) => void;
};

const lockName = (localId: string): string => `sightline-recording-${localId}`;

const withHash = (hashes: readonly string[], n: number, sha256: string): string[] => {
  const next = [...hashes];
  next[n] = sha256;
  return next;
};

/** The server's id of a recording the pump created before any chunk, resync or seal. */
const serverId = (track: Track): string => {
  if (track.meta.recordingId === null) throw new Error(`recording ${track.meta.localId} is not created on the server yet`);
  return track.meta.recordingId;
};

export class ChunkUploader extends Emitter<ChunkUploaderEvents> {
  private readonly tracks = new Map<string, Track>();
  private wake = new AbortController();
  private disposed = false;
  private readonly onOnline = (): void => this.retryNow();

  constructor(private readonly deps: { caseId: string; store: ChunkStore }) {
    super();
    window.addEventListener('online', this.onOnline);
  }

  /**
   * Starts tracking a recording this tab is making: its row goes to IndexedDB before any network, then
   * the pump creates it on the server, retrying for as long as the failure is worth retrying.
   */
  async begin(meta: StoredRecording): Promise<void> {
    const release = (await holdLock(lockName(meta.localId))) ?? (() => undefined);
    try {
      await this.deps.store.putRecording(meta);
    } catch (error) {
      release();
      throw error;
    }
    const track = newTrack(meta, release);
    this.tracks.set(meta.localId, track);
    // Begun after dispose (the case view closed at the recorder's start): its chunks are still kept,
    // and the lock is free for the uploader that resumes it.
    if (this.disposed) track.release();
    this.report(track);
    void this.pump(track);
  }

  /** Keeps a new chunk in IndexedDB with the recording's progress (created on the server or not), then queues its upload. */
  async add(chunk: StoredChunk, durationMs: number): Promise<void> {
    const track = this.tracks.get(chunk.localId);
    if (!track) throw new Error(`recording ${chunk.localId} was not begun`);
    await this.save(track, (meta) => ({ ...meta, chunkCount: chunk.n + 1, durationMs, hashes: withHash(meta.hashes, chunk.n, chunk.sha256) }), chunk);
    track.pending.set(chunk.n, chunk.size);
    this.report(track);
    void this.pump(track);
  }

  /** The recorder stopped: seal once every chunk is acknowledged. */
  async finish(localId: string): Promise<void> {
    const track = this.tracks.get(localId);
    if (!track) return;
    await this.save(track, (meta) => ({ ...meta, stopped: true }));
    this.report(track);
    void this.pump(track);
  }

  /**
   * Picks up this case's recordings left in IndexedDB by a tab that closed or crashed. One the server
   * never created is created now (its uploadId makes that idempotent). One that was never stopped is
   * sealed with the chunks it had made: its tab is gone, nothing more will come.
   */
  async resume(): Promise<void> {
    for (const meta of await this.deps.store.recordings(this.deps.caseId)) {
      if (this.tracks.has(meta.localId) || this.disposed) continue;
      const release = await holdLock(lockName(meta.localId));
      if (!release) continue; // another tab is still making or uploading it
      const track = newTrack({ ...meta, stopped: true }, release);
      for (const n of await this.deps.store.chunkNumbers(meta.localId)) track.pending.set(n, (await this.deps.store.getChunk(meta.localId, n))?.size ?? 0);
      for (let n = 0; n < meta.chunkCount; n++) if (!track.pending.has(n)) track.acked.add(n);
      track.resync = true;
      this.tracks.set(meta.localId, track);
      this.report(track);
      void this.pump(track);
    }
  }

  /** Ends the backoff wait of every recording: try again now (the network is back). */
  retryNow(): void {
    this.wake.abort();
    this.wake = new AbortController();
  }

  progress(): UploadProgress[] {
    return [...this.tracks.values()].map(progressOf);
  }

  dispose(): void {
    this.disposed = true;
    window.removeEventListener('online', this.onOnline);
    this.retryNow();
    for (const track of this.tracks.values()) track.release();
    this.removeAllListeners();
  }

  /**
   * Writes the recording's next row (with a chunk, in the same transaction, when given) and only then
   * adopts it. Writes run one after another, each from the row the one before left.
   */
  private save(track: Track, next: (meta: StoredRecording) => StoredRecording, chunk?: StoredChunk): Promise<void> {
    const write = track.writes.then(async () => {
      const meta = next(track.meta);
      await (chunk ? this.deps.store.putChunk(chunk, meta) : this.deps.store.putRecording(meta));
      track.meta = meta;
    });
    // The caller hears of a failed write; the writes after it still run.
    track.writes = write.catch(() => undefined);
    return write;
  }

  private async pump(track: Track): Promise<void> {
    if (track.running) return;
    track.running = true;
    try {
      while (!this.disposed && !track.sealed && !track.blocked) {
        try {
          if (!(await this.step(track))) return;
        } catch (error) {
          if (!(error instanceof ApiRequestError) || !isRetryable(error.status)) {
            track.blocked = true;
            track.error = messageOf(error);
            this.report(track);
            this.emit('problem', i18next.t('casework:recording.uploadStopped', { error: track.error }));
            this.emit('blocked', track.meta.localId);
            return;
          }
          track.failing = true;
          track.error = error.message;
          track.attempt += 1;
          track.resync = true;
          this.report(track);
          await sleep(backoffDelay(track.attempt, Math.random()), this.wake.signal).catch(() => undefined);
        }
      }
    } finally {
      track.running = false;
    }
  }

  /** Does the next piece of work; false when there is nothing left to do for now. */
  private async step(track: Track): Promise<boolean> {
    if (track.meta.recordingId === null) {
      if (track.meta.stopped && track.meta.chunkCount === 0) {
        await this.discard(track);
        return false;
      }
      await this.create(track);
      return true;
    }
    if (track.resync) await this.resync(track);
    const next = [...track.pending.keys()].filter((n) => !track.refused.has(n)).sort((a, b) => a - b)[0];
    if (next !== undefined) {
      await this.send(track, next);
      return true;
    }
    if (track.meta.stopped && track.refused.size === 0 && this.complete(track)) await this.seal(track);
    return false;
  }

  /** Creates the recording on the server with its uploadId (a repeat answers with the same recording), then keeps its id in the row. */
  private async create(track: Track): Promise<void> {
    const body = track.meta.create;
    if (!body) throw new Error(`recording ${track.meta.localId} has no server id and nothing to create one with`);
    const recording = await recordingApi.create(this.deps.caseId, body, AbortSignal.timeout(20_000));
    await this.save(track, (meta) => ({ ...meta, recordingId: recording.id }));
    track.failing = false;
    track.attempt = 0;
    if (track.refused.size === 0) track.error = null;
    this.report(track);
  }

  private async send(track: Track, n: number): Promise<void> {
    const recordingId = serverId(track);
    const chunk = await this.deps.store.getChunk(track.meta.localId, n);
    if (!chunk) {
      track.pending.delete(n);
      return;
    }
    const started = performance.now();
    try {
      await recordingApi.putChunk(this.deps.caseId, recordingId, n, chunk.sha256, chunk.blob, AbortSignal.timeout(60_000));
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'recording_sealed') {
        track.resync = true;
        return;
      }
      if (error instanceof ApiRequestError && (error.code === 'chunk_conflict' || error.code === 'chunk_hash_mismatch')) {
        track.refused.set(n, error.message);
        track.error = i18next.t('casework:recording.chunkRefused', { n, code: error.code, message: error.message });
        this.report(track);
        this.emit('problem', track.error);
        return;
      }
      throw error;
    }
    track.lastLatencyMs = Math.round(performance.now() - started);
    track.acked.add(n);
    track.pending.delete(n);
    track.failing = false;
    track.attempt = 0;
    if (track.refused.size === 0) track.error = null;
    await this.deps.store.deleteChunk(track.meta.localId, n);
    this.report(track);
  }

  /** Learns which chunks the server holds: those leave IndexedDB, the rest are (re)sent. */
  private async resync(track: Track): Promise<void> {
    const view = await recordingApi.view(this.deps.caseId, serverId(track), AbortSignal.timeout(10_000));
    track.resync = false;
    for (const chunk of view.chunks) {
      const ours = track.meta.hashes[chunk.n];
      if (ours !== undefined && ours !== chunk.sha256) continue; // the PUT will surface the conflict
      track.meta.hashes[chunk.n] = chunk.sha256;
      track.acked.add(chunk.n);
      if (track.pending.delete(chunk.n)) await this.deps.store.deleteChunk(track.meta.localId, chunk.n);
    }
    if (view.sealed) await this.done(track, view);
    this.report(track);
  }

  private complete(track: Track): boolean {
    const { chunkCount, hashes } = track.meta;
    for (let n = 0; n < chunkCount; n++) if (!track.acked.has(n) || hashes[n] === undefined) return false;
    return true;
  }

  private async seal(track: Track): Promise<void> {
    const { chunkCount, durationMs, hashes } = track.meta;
    if (chunkCount === 0) {
      await this.discard(track);
      return;
    }
    const chunks = hashes.slice(0, chunkCount).map((sha256, n) => ({ n, sha256 }));
    const view = await recordingApi.seal(this.deps.caseId, serverId(track), { chunkCount, durationMs: Math.max(0, Math.round(durationMs)), chunks });
    await this.done(track, view);
  }

  /** Forgets a recording that stopped before its first chunk. */
  private async discard(track: Track): Promise<void> {
    await this.deps.store.forget(track.meta.localId);
    track.release();
    this.tracks.delete(track.meta.localId);
    this.emit('discarded', track.meta.localId);
  }

  private async done(track: Track, view: RecordingView): Promise<void> {
    track.sealed = true;
    track.failing = false;
    track.error = null;
    await this.deps.store.forget(track.meta.localId);
    track.release();
    this.report(track);
    this.emit('sealed', view);
  }

  private report(track: Track): void {
    this.emit('progress', progressOf(track));
  }
}
