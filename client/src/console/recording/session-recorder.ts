// Records one live session with MediaRecorder in timeslices; each chunk is hashed (sha-256) and handed
// to the uploader, which keeps it in IndexedDB until the server acknowledged it. The recording is
// created on the server with a client-chosen uploadId, so a retried create makes it once.
import { ApiRequestError } from '../../ui/api.ts';
import { randomId } from '../../ui/ids.ts';
import { backoffDelay, isRetryable, sleep } from '../../ui/retry.ts';
import { Emitter } from '../../call/emitter.ts';
import type { StoredRecording } from './chunk-store.ts';
import type { ChunkUploader } from './chunk-uploader.ts';
import { mixSessionStream, pickRecordingMimeType, type MixedStream } from './mixed-stream.ts';
import { recordingApi, sha256Hex } from './recording-api.ts';

export type RecorderState = 'recording' | 'stopped' | 'failed';

type SessionRecorderEvents = {
  state: (state: RecorderState, detail: string | null) => void;
};

export interface SessionRecorderOptions {
  caseId: string;
  /** The customer's stream: its video and voice. */
  remote: MediaStream;
  /** The assessor's microphone, when there is one. */
  mic: MediaStream | null;
  uploader: ChunkUploader;
  /** @default 3000 */
  timesliceMs?: number;
}

export class SessionRecorder extends Emitter<SessionRecorderEvents> {
  private readonly recorder: MediaRecorder;
  private readonly mixed: MixedStream;
  private readonly startedAtMs = Date.now();
  private readonly created: Promise<StoredRecording>;
  /** Chunks are hashed and stored one after another, in the order MediaRecorder made them. */
  private chain: Promise<unknown> = Promise.resolve();
  private count = 0;
  state: RecorderState = 'recording';

  constructor(private readonly options: SessionRecorderOptions) {
    super();
    const mimeType = pickRecordingMimeType();
    if (!mimeType) throw new Error('This browser cannot record video (no WebM or MP4 support in MediaRecorder).');
    this.mixed = mixSessionStream(options.remote, options.mic);
    this.recorder = new MediaRecorder(this.mixed.stream, { mimeType, videoBitsPerSecond: 1_000_000, audioBitsPerSecond: 64_000 });
    const timesliceMs = options.timesliceMs ?? 3000;
    this.created = this.create(this.recorder.mimeType || mimeType, timesliceMs);
    this.created.catch((error: unknown) => this.fail(error));
    this.recorder.ondataavailable = (event) => {
      if (event.data.size === 0) return;
      const n = this.count++;
      const at = Date.now();
      this.chain = this.chain.then(() => this.keep(n, event.data, at)).catch((error: unknown) => this.fail(error));
    };
    this.recorder.onstop = () => {
      this.mixed.close();
      this.chain = this.chain
        .then(() => this.created)
        .then((meta) => this.options.uploader.finish(meta))
        .then(() => this.setState('stopped', null), (error: unknown) => this.fail(error));
    };
    this.recorder.onerror = () => this.fail(new Error('The browser stopped recording.'));
    this.recorder.start(timesliceMs);
  }

  get recordingId(): Promise<string> {
    return this.created.then((meta) => meta.recordingId);
  }

  stop(): void {
    if (this.recorder.state !== 'inactive') this.recorder.stop();
  }

  /**
   * Creates the recording on the server, retrying for as long as the failure is worth retrying (a
   * network drop at the start of a call must not cost the recording); chunks made meanwhile wait in
   * order, in memory, and are stored and uploaded once the recording exists.
   */
  private async create(mimeType: string, chunkMs: number): Promise<StoredRecording> {
    const startedAt = new Date(this.startedAtMs).toISOString();
    const body = { mimeType, startedAt, chunkMs, uploadId: randomId() };
    for (let attempt = 1; ; attempt++) {
      try {
        const recording = await recordingApi.create(this.options.caseId, body);
        const meta: StoredRecording = { recordingId: recording.id, caseId: this.options.caseId, startedAt, chunkCount: 0, durationMs: 0, stopped: false, hashes: [] };
        await this.options.uploader.begin(meta);
        return meta;
      } catch (error) {
        if (!(error instanceof ApiRequestError && isRetryable(error.status))) throw error;
        await sleep(backoffDelay(attempt, Math.random()));
      }
    }
  }

  private async keep(n: number, blob: Blob, at: number): Promise<void> {
    const meta = await this.created;
    const sha256 = await sha256Hex(await blob.arrayBuffer());
    meta.hashes[n] = sha256;
    meta.chunkCount = n + 1;
    meta.durationMs = at - this.startedAtMs;
    await this.options.uploader.add({ recordingId: meta.recordingId, n, sha256, size: blob.size, blob }, { ...meta, hashes: [...meta.hashes] });
  }

  private fail(error: unknown): void {
    this.stop();
    this.setState('failed', error instanceof Error ? error.message : 'Recording failed.');
  }

  private setState(state: RecorderState, detail: string | null): void {
    if (this.state === 'failed') return;
    this.state = state;
    this.emit('state', state, detail);
  }
}
