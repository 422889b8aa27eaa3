// What the uploader knows about one recording it uploads, and the progress the console shows for it.
// Pure, so the progress a state gives is unit tested.
import type { StoredRecording } from './chunk-store.ts';

export type UploadState = 'uploading' | 'uploaded' | 'failing' | 'error' | 'sealed';

export interface UploadProgress {
  /** The recording's client-made id: stable from its first moment. */
  localId: string;
  /** The server's id; null until the server created the recording. */
  recordingId: string | null;
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

export interface Track {
  /** The recording's row as IndexedDB holds it (replaced only once a write committed). */
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
  /** The row's writes, one after another, so none overwrites a newer one. */
  writes: Promise<unknown>;
  release: () => void;
}

export function newTrack(meta: StoredRecording, release: () => void): Track {
  return {
    meta, acked: new Set(), pending: new Map(), refused: new Map(), failing: false, blocked: false, error: null,
    attempt: 0, resync: false, running: false, sealed: false, lastLatencyMs: null, writes: Promise.resolve(), release,
  };
}

export function progressOf(track: Track): UploadProgress {
  let pendingBytes = 0;
  for (const size of track.pending.values()) pendingBytes += size;
  const state: UploadState = track.sealed ? 'sealed' : track.blocked || track.refused.size > 0 ? 'error' : track.failing ? 'failing' : track.pending.size > 0 ? 'uploading' : 'uploaded';
  return {
    localId: track.meta.localId,
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
