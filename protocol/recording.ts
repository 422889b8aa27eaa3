// The live-session recording upload: the console's MediaRecorder sends numbered chunks, each with its
// sha-256, resumably; a final seal lists every chunk hash. Each schema and its type carry one name.
import { z } from 'zod';
import { text } from './text.ts';

/** Chunk numbers run 0, 1, 2, … below this bound (over 27 hours of 1-second timeslices). */
export const MAX_RECORDING_CHUNKS = 100_000;

/** Header carrying the sha-256 (hex) of a chunk's bytes on `PUT …/chunks/:n`. */
export const CHUNK_SHA256_HEADER = 'X-Chunk-Sha256';

export const Sha256Hex = text().regex(/^[0-9a-f]{64}$/, 'a sha-256 as 64 lowercase hex digits');
export type Sha256Hex = z.infer<typeof Sha256Hex>;

export const ChunkNumber = z.number().int().min(0).max(MAX_RECORDING_CHUNKS - 1);
export type ChunkNumber = z.infer<typeof ChunkNumber>;

/**
 * What MediaRecorder reports as its `mimeType`: the video/webm or video/mp4 family, optionally with
 * codecs (`video/webm;codecs=vp8,opus`, `video/mp4; codecs="avc1.42E01E, mp4a.40.2"`). The value is
 * sent back as the media's Content-Type, so only header-safe characters pass.
 */
export const RecordingMimeType = text()
  .trim()
  .max(200)
  .regex(/^video\/(webm|mp4)(\s*;\s*codecs=("?)[A-Za-z0-9.,_+\- ]{1,150}\3)?$/i, 'a video/webm or video/mp4 type, optionally with codecs')
  .transform((mime) => mime.replace(/^video\/(webm|mp4)/i, (base) => base.toLowerCase()));
export type RecordingMimeType = z.infer<typeof RecordingMimeType>;

export const CreateRecordingBody = z.object({
  mimeType: RecordingMimeType,
  /** When the console's MediaRecorder started, by the console's clock, ISO 8601. */
  startedAt: text().datetime({ offset: true }),
  /** The MediaRecorder timeslice in ms, when the console uses a fixed one. */
  chunkMs: z.number().int().min(100).max(600_000).optional(),
  /** Client-chosen id that makes a retried create return the same recording. */
  uploadId: text().min(8).max(64).optional(),
});
export type CreateRecordingBody = z.infer<typeof CreateRecordingBody>;

export const RecordingChunk = z.object({
  n: ChunkNumber,
  sha256: Sha256Hex,
  size: z.number().int().min(0),
});
export type RecordingChunk = z.infer<typeof RecordingChunk>;

/** The answer to a chunk upload; `stored` is false when the same chunk was already held. */
export const ChunkReceipt = RecordingChunk.extend({ stored: z.boolean() });
export type ChunkReceipt = z.infer<typeof ChunkReceipt>;

/** A recording without its chunk list: what case detail, lists and console events carry. */
export const RecordingSummary = z.object({
  id: text(),
  caseId: text(),
  mimeType: text(),
  /** The console's clock at the recorder's start. */
  startedAt: text(),
  /** The server's clock when the recording was created. */
  createdAt: text(),
  chunkMs: z.number().int().nullable(),
  /** How many chunks the server holds. */
  chunkCount: z.number().int(),
  /** Bytes held, in all chunks. */
  bytes: z.number().int(),
  /** Bytes the media URL serves now: the chunks held without a gap from chunk 0 (all of them once sealed). */
  playableBytes: z.number().int(),
  sealed: z.boolean(),
  sealedAt: text().nullable(),
  durationMs: z.number().int().nullable(),
  mediaUrl: text(),
});
export type RecordingSummary = z.infer<typeof RecordingSummary>;

export const RecordingView = RecordingSummary.extend({
  /** Every chunk held, by number. */
  chunks: z.array(RecordingChunk),
  /** Numbers below the highest chunk held that the server does not hold (gaps to fill on reconnect). */
  missing: z.array(z.number().int()),
});
export type RecordingView = z.infer<typeof RecordingView>;

/** The answer to creating a recording (201) and to sealing one (200). */
export const RecordingResponse = z.object({ recording: RecordingView });
export type RecordingResponse = z.infer<typeof RecordingResponse>;

export const RecordingList = z.object({ recordings: z.array(RecordingSummary) });
export type RecordingList = z.infer<typeof RecordingList>;

export const SealRecordingBody = z
  .object({
    chunkCount: z.number().int().min(1).max(MAX_RECORDING_CHUNKS),
    durationMs: z.number().int().min(0).max(7 * 24 * 3600_000),
    /** Every chunk the recorder made, n = 0 … chunkCount − 1 in order, each with its sha-256. */
    chunks: z.array(z.object({ n: ChunkNumber, sha256: Sha256Hex })).max(MAX_RECORDING_CHUNKS),
  })
  .refine((body) => body.chunks.length === body.chunkCount && body.chunks.every((chunk, i) => chunk.n === i), {
    message: 'chunks must list n = 0 … chunkCount − 1, in order, once each',
    path: ['chunks'],
  });
export type SealRecordingBody = z.infer<typeof SealRecordingBody>;
