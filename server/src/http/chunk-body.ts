// Receives one recording chunk — the raw request body — into a temp file of the blob store, hashing
// as it arrives and stopping at the size limit. Nothing here is stored or ledgered yet.
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import type { Request } from 'express';
import { HttpError, text } from '../errors.ts';
import type { ReceivedChunk } from '../recording/recording-service.ts';
import { streamToTempFile } from './upload.ts';

const CHUNK_TYPES = /^(application\/octet-stream|video\/webm|video\/mp4)\s*(;|$)/i;

/**
 * A chunk whose declared size is at most this is gathered in memory and written with one write and
 * one fsync: streamed, a 1 MB chunk takes 16 writes through the thread pool, which cost more than the
 * disk does. Larger or unsized bodies stream to disk as they arrive.
 */
const GATHER_MAX_BYTES = 4 * 1024 * 1024;
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
  let gathering = 0;
  return async (req, opts) => {
    const declared = req.headers['content-length'] === undefined ? Number.NaN : Number(req.headers['content-length']);
    const fits = declared <= Math.min(GATHER_MAX_BYTES, opts.maxBytes) && gathering + declared <= budgetBytes;
    if (!fits) {
      const file = await streamToTempFile(req, { ...opts, tooLarge: () => tooLarge(opts.maxBytes), flush: true });
      return { ...file, synced: true };
    }
    gathering += declared;
    try {
      return await gatherToTempFile(req, opts.tempPath());
    } finally {
      gathering -= declared;
    }
  };
}

/** The whole body (its Content-Length bounds it; Node's parser delivers no more) written and fsynced at once. */
async function gatherToTempFile(req: Request, tempFile: string): Promise<ReceivedChunk> {
  // A request closed before it was read yields nothing more: an empty body, not the one that was sent.
  if (req.destroyed && !req.readableEnded) throw interrupted();
  const pieces: Buffer[] = [];
  const hash = crypto.createHash('sha256');
  let size = 0;
  try {
    for await (const piece of req as AsyncIterable<Buffer>) {
      pieces.push(piece);
      hash.update(piece);
      size += piece.length;
    }
  } catch {
    throw interrupted();
  }
  if (!req.complete) throw interrupted();
  const file = await fsp.open(tempFile, 'wx');
  try {
    await file.writeFile(Buffer.concat(pieces, size));
    await file.sync();
  } catch (error) {
    await file.close().catch(() => undefined);
    await fsp.rm(tempFile, { force: true });
    throw error;
  }
  await file.close();
  return { tempFile, sha256: hash.digest('hex'), size, synced: true };
}
