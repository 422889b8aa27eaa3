// Records one live session with MediaRecorder in timeslices. The recording's row and each chunk (with
// its sha-256) go to IndexedDB as soon as they exist, before and without any network; the uploader
// creates the recording on the server (with the client-chosen uploadId as its local id, so a retried
// or resumed create makes it once) and uploads the chunks when it can.
import { randomId } from '../../lib/ids.ts';
import { Emitter } from '../../lib/emitter.ts';
import type { ChunkUploader } from './chunk-uploader.ts';
import { mixSessionStream, pickRecordingMimeType, type MixedStream } from './mixed-stream.ts';
import { sha256Hex } from './recording-api.ts';

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
  /** Made here, before any network: the key of the recording's row and chunks, and its uploadId. */
  readonly localId = randomId();
  private readonly recorder: MediaRecorder;
  private readonly mixed: MixedStream;
  private readonly startedAtMs = Date.now();
  /** Settles once the recording's row is in IndexedDB. */
  private readonly begun: Promise<void>;
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
    this.recorder.ondataavailable = (event) => {
      if (event.data.size === 0) return;
      const n = this.count++;
      const at = Date.now();
      this.chain = this.chain.then(() => this.keep(n, event.data, at)).catch((error: unknown) => this.fail(error));
    };
    this.recorder.onstop = () => {
      this.mixed.close();
      this.chain = this.chain
        .then(() => this.begun)
        .then(() => this.options.uploader.finish(this.localId))
        .then(() => this.setState('stopped', null), (error: unknown) => this.fail(error));
    };
    this.recorder.onerror = () => this.fail(new Error('The browser stopped recording.'));
    this.recorder.start(timesliceMs);
    const startedAt = new Date(this.startedAtMs).toISOString();
    const create = { mimeType: this.recorder.mimeType || mimeType, startedAt, chunkMs: timesliceMs, uploadId: this.localId };
    this.begun = options.uploader.begin({ localId: this.localId, recordingId: null, create, caseId: options.caseId, startedAt, chunkCount: 0, durationMs: 0, stopped: false, hashes: [] });
    this.begun.catch((error: unknown) => this.fail(error));
  }

  stop(): void {
    if (this.recorder.state !== 'inactive') this.recorder.stop();
  }

  private async keep(n: number, blob: Blob, at: number): Promise<void> {
    const sha256 = await sha256Hex(await blob.arrayBuffer());
    await this.begun;
    await this.options.uploader.add({ localId: this.localId, n, sha256, size: blob.size, blob }, at - this.startedAtMs);
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
