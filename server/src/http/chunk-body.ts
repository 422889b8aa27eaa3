// Receives one recording chunk — the raw request body — into a temp file of the blob store, hashing
// as it arrives and stopping at the size limit. Nothing here is stored or ledgered yet.
import type { Request } from 'express';
import { HttpError, text } from '../errors.ts';
import type { ReceivedChunk } from '../recording/recording-service.ts';
import { GATHER_MAX_BYTES, createGatherBudget, streamToTempFile } from './upload.ts';

const CHUNK_TYPES = /^(application\/octet-stream|video\/webm|video\/mp4)\s*(;|$)/i;

/** What all chunks being gathered may hold at once; past it a chunk streams, so memory stays bounded. */
const GATHER_BUDGET_BYTES = 64 * 1024 * 1024;

const tooLarge = (maxBytes: number) =>
  new HttpError(413, 'chunk_too_large', text('recording.chunkTooLarge', { mb: Math.round(maxBytes / 1024 / 1024) }));

const interrupted = () => new HttpError(400, 'upload_interrupted', text('upload.interrupted'));

/** Refuses, before a byte is read, a body of the wrong type or declared larger than the limit. */
export function checkChunkHeaders(req: Request, maxBytes: number): void {
  const type = req.headers['content-type'];
  if (type !== undefined && !CHUNK_TYPES.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', text('recording.mediaType'));
  }
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge(maxBytes);
}

export type ChunkReceiver = (req: Request, opts: { tempPath: () => string; maxBytes: number }) => Promise<ReceivedChunk>;

/** A receiver with its own gathering budget; the bytes are fsynced before it resolves, either way. */
export function createChunkReceiver(budgetBytes = GATHER_BUDGET_BYTES): ChunkReceiver {
  const budget = createGatherBudget(budgetBytes);
  return async (req, opts) => {
    // A request closed before it was read yields nothing more: an empty body, not the one that was sent.
    if (req.destroyed && !req.readableEnded) throw interrupted();
    const declared = req.headers['content-length'] === undefined ? Number.NaN : Number(req.headers['content-length']);
    const gather = declared <= Math.min(GATHER_MAX_BYTES, opts.maxBytes) && budget.take(declared);
    try {
      const file = await streamToTempFile(req, { ...opts, tooLarge: () => tooLarge(opts.maxBytes), flush: true, gather });
      return { ...file, synced: true };
    } finally {
      if (gather) budget.give(declared);
    }
  };
}
