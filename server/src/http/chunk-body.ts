// Receives one recording chunk — the raw request body — into a temp file of the blob store, hashing
// as it streams and stopping at the size limit. Nothing here is stored or ledgered yet.
import type { Request } from 'express';
import { HttpError } from '../errors.ts';
import type { ReceivedChunk } from '../recording/recording-service.ts';
import { streamToTempFile } from './upload.ts';

const CHUNK_TYPES = /^(application\/octet-stream|video\/webm|video\/mp4)\s*(;|$)/i;

const tooLarge = (maxBytes: number) =>
  new HttpError(413, 'chunk_too_large', `the chunk is larger than the limit of ${Math.round(maxBytes / 1024 / 1024)} MB (SIGHTLINE_MAX_CHUNK_MB)`);

/** Refuses, before a byte is read, a body of the wrong type or declared larger than the limit. */
export function checkChunkHeaders(req: Request, maxBytes: number): void {
  const type = req.headers['content-type'];
  if (type !== undefined && !CHUNK_TYPES.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', 'send the chunk bytes as the body, as application/octet-stream, video/webm or video/mp4');
  }
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge(maxBytes);
}

/** The bytes are fsynced as the file closes, on the descriptor they were written through. */
export async function receiveChunkBody(req: Request, opts: { tempPath: () => string; maxBytes: number }): Promise<ReceivedChunk> {
  const file = await streamToTempFile(req, { ...opts, tooLarge: () => tooLarge(opts.maxBytes), flush: true });
  return { ...file, synced: true };
}
