// Uploads a case's recording chunks from IndexedDB, in order, resumably: a chunk leaves IndexedDB only
// once the server acknowledged it; network failures back off and, before the next try, ask the server
// which chunks it holds; a stopped recording is sealed once every chunk is acknowledged. Recordings
// left behind by a crashed tab are picked up by `resume()`. No React here: the UI listens to events.
import type { RecordingView } from '../../../../protocol/recording.ts';
import { ApiRequestError, messageOf } from '../../ui/api.ts';
import { backoffDelay, isRetryable, sleep } from '../../ui/retry.ts';
import { Emitter } from '../../call/emitter.ts';
import type { ChunkStore, StoredChunk, StoredRecording } from './chunk-store.ts';
import { holdLock } from './lock.ts';
import { recordingApi } from './recording-api.ts';

export type UploadState = 'uploading' | 'uploaded' | 'failing' | 'error' | 'sealed';

export interface UploadProgress {
  recordingId: string;
  /** Chunks the recorder made. */
  recorded: number;
  /** Chunks the server acknowledged. */
  acknowledged: number;
  /** Chunks waiting in IndexedDB, and their bytes. */
  pending: number;
  pendingBytes: number;
  stopped: boolean;
  state: UploadState;
  /** Why uploads are failing or stuck (a 409 chunk_conflict names its chunk). */
  error: string | null;
  /** Round trip of the last acknowledged chunk upload. */
  lastLatencyMs: number | null;
}

type ChunkUploaderEvents = {
  progress: (progress: UploadProgress) => void;
  sealed: (recording: RecordingView) => void;
  /** Something the assessor must hear about: a conflict, a refused seal. */
  problem: (message: string) => void;
};

interface Track {
  meta: StoredRecording;
  acked: Set<number>;
  /** Chunk number → size, for chunks still in IndexedDB. */
  pending: Map<number, number>;
  /** Chunks the server refused for good (409 chunk_conflict, 422): kept in IndexedDB, shown in red. */
  refused: Map<number, string>;
  failing: boolean;
  blocked: boolean;
  error: string | null;
  attempt: number;
  resync: boolean;
  running: boolean;
  sealed: boolean;
  lastLatencyMs: number | null;
  release: () => void;
}

export class ChunkUploader extends Emitter<ChunkUploaderEvents> {
  private readonly tracks = new Map<string, Track>();
  private wake = new AbortController();
  private disposed = false;
  private readonly onOnline = (): void => this.retryNow();

  constructor(private readonly deps: { caseId: string; store: ChunkStore }) {
    super();
    window.addEventListener('online', this.onOnline);
  }

  /** Starts tracking a recording this tab is making. */
  async begin(meta: StoredRecording): Promise<void> {
    const release = (await holdLock(`sightline-recording-${meta.recordingId}`)) ?? (() => undefined);
    await this.deps.store.putRecording(meta);
    this.tracks.set(meta.recordingId, this.newTrack(meta, release));
  }

  /** Keeps a new chunk in IndexedDB (with the recording's progress), then queues its upload. */
  async add(chunk: StoredChunk, meta: StoredRecording): Promise<void> {
    const track = this.tracks.get(chunk.recordingId);
    if (!track) throw new Error(`recording ${chunk.recordingId} was not begun`);
    await this.deps.store.putChunk(chunk, meta);
    track.meta = meta;
    track.pending.set(chunk.n, chunk.size);
    this.report(track);
    void this.pump(track);
  }

  /** The recorder stopped: seal once every chunk is acknowledged. */
  async finish(meta: StoredRecording): Promise<void> {
    const track = this.tracks.get(meta.recordingId);
    if (!track) return;
    track.meta = { ...meta, stopped: true };
    await this.deps.store.putRecording(track.meta);
    this.report(track);
    void this.pump(track);
  }

  /**
   * Picks up this case's recordings left in IndexedDB by a tab that closed or crashed. One that was
   * never stopped is sealed with the chunks it had made: its tab is gone, nothing more will come.
   */
  async resume(): Promise<void> {
    for (const meta of await this.deps.store.recordings(this.deps.caseId)) {
      if (this.tracks.has(meta.recordingId) || this.disposed) continue;
      const release = await holdLock(`sightline-recording-${meta.recordingId}`);
      if (!release) continue; // another tab is still making or uploading it
      const track = this.newTrack({ ...meta, stopped: true }, release);
      for (const n of await this.deps.store.chunkNumbers(meta.recordingId)) track.pending.set(n, (await this.deps.store.getChunk(meta.recordingId, n))?.size ?? 0);
      for (let n = 0; n < meta.chunkCount; n++) if (!track.pending.has(n)) track.acked.add(n);
      track.resync = true;
      this.tracks.set(meta.recordingId, track);
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
    return [...this.tracks.values()].map((t) => this.snapshot(t));
  }

  dispose(): void {
    this.disposed = true;
    window.removeEventListener('online', this.onOnline);
    this.retryNow();
    for (const track of this.tracks.values()) track.release();
    this.removeAllListeners();
  }

  private newTrack(meta: StoredRecording, release: () => void): Track {
    return { meta, acked: new Set(), pending: new Map(), refused: new Map(), failing: false, blocked: false, error: null, attempt: 0, resync: false, running: false, sealed: false, lastLatencyMs: null, release };
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
            this.emit('problem', `Recording upload stopped: ${track.error}`);
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
    if (track.resync) await this.resync(track);
    const next = [...track.pending.keys()].filter((n) => !track.refused.has(n)).sort((a, b) => a - b)[0];
    if (next !== undefined) {
      await this.send(track, next);
      return true;
    }
    if (track.meta.stopped && track.refused.size === 0 && this.complete(track)) await this.seal(track);
    return false;
  }

  private async send(track: Track, n: number): Promise<void> {
    const { recordingId } = track.meta;
    const chunk = await this.deps.store.getChunk(recordingId, n);
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
        track.error = `Chunk ${n} was refused (${error.code}): ${error.message}`;
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
    await this.deps.store.deleteChunk(recordingId, n);
    this.report(track);
  }

  /** Learns which chunks the server holds: those leave IndexedDB, the rest are (re)sent. */
  private async resync(track: Track): Promise<void> {
    const view = await recordingApi.view(this.deps.caseId, track.meta.recordingId, AbortSignal.timeout(10_000));
    track.resync = false;
    for (const chunk of view.chunks) {
      const ours = track.meta.hashes[chunk.n];
      if (ours !== undefined && ours !== chunk.sha256) continue; // the PUT will surface the conflict
      track.meta.hashes[chunk.n] = chunk.sha256;
      track.acked.add(chunk.n);
      if (track.pending.delete(chunk.n)) await this.deps.store.deleteChunk(track.meta.recordingId, chunk.n);
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
    const { recordingId, chunkCount, durationMs, hashes } = track.meta;
    if (chunkCount === 0) {
      await this.deps.store.forget(recordingId);
      return;
    }
    const chunks = hashes.slice(0, chunkCount).map((sha256, n) => ({ n, sha256 }));
    const view = await recordingApi.seal(this.deps.caseId, recordingId, { chunkCount, durationMs: Math.max(0, Math.round(durationMs)), chunks });
    await this.done(track, view);
  }

  private async done(track: Track, view: RecordingView): Promise<void> {
    track.sealed = true;
    track.failing = false;
    track.error = null;
    await this.deps.store.forget(track.meta.recordingId);
    track.release();
    this.report(track);
    this.emit('sealed', view);
  }

  private snapshot(track: Track): UploadProgress {
    let pendingBytes = 0;
    for (const size of track.pending.values()) pendingBytes += size;
    const state: UploadState = track.sealed ? 'sealed' : track.blocked || track.refused.size > 0 ? 'error' : track.failing ? 'failing' : track.pending.size > 0 ? 'uploading' : 'uploaded';
    return {
      recordingId: track.meta.recordingId,
      recorded: track.meta.chunkCount,
      acknowledged: track.acked.size,
      pending: track.pending.size,
      pendingBytes,
      stopped: track.meta.stopped,
      state,
      error: track.error,
      lastLatencyMs: track.lastLatencyMs,
    };
  }

  private report(track: Track): void {
    this.emit('progress', this.snapshot(track));
  }
}
