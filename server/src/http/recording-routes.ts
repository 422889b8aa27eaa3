// Live-session recording routes (assessor session only): start, upload numbered chunks, read back
// what is held, seal, and stream the media with byte ranges so a <video> element can seek.
import { pipeline } from 'node:stream/promises';
import express from 'express';
import {
  CHUNK_SHA256_HEADER, CreateRecordingBody, MAX_RECORDING_CHUNKS, SealRecordingBody, Sha256Hex,
  type RecordingList, type RecordingResponse,
} from '../../../protocol/recording.ts';
import { badRequest, text } from '../errors.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { RecordingService } from '../recording/recording-service.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { Auth } from './auth.ts';
import { checkChunkHeaders, createChunkReceiver } from './chunk-body.ts';
import { parseInput } from './validate.ts';

export interface RecordingRouteDeps {
  auth: Auth;
  cases: CaseService;
  recordings: RecordingService;
  blobs: BlobStore;
  maxChunkBytes: number;
}

/** A seal lists every chunk hash (about 90 bytes each in JSON), so it may be far larger than other bodies. */
const SEAL_BODY_LIMIT = `${Math.ceil((MAX_RECORDING_CHUNKS * 100) / 1024 / 1024)}mb`;

const chunkNumber = (raw: string): number => {
  const n = /^(0|[1-9]\d{0,5})$/.test(raw) ? Number(raw) : NaN;
  if (!(n < MAX_RECORDING_CHUNKS)) throw badRequest('invalid_chunk_number', text('recording.chunkNumber', { max: MAX_RECORDING_CHUNKS - 1, raw }));
  return n;
};

const claimedHash = (header: string | string[] | undefined): string => {
  if (header === undefined) throw badRequest('chunk_hash_required', text('recording.hashRequired', { header: CHUNK_SHA256_HEADER }));
  const parsed = Sha256Hex.safeParse(typeof header === 'string' ? header.trim().toLowerCase() : '');
  if (!parsed.success) throw badRequest('invalid_chunk_hash', text('recording.hashInvalid', { header: CHUNK_SHA256_HEADER }));
  return parsed.data;
};

export function recordingRoutes(deps: RecordingRouteDeps): express.Router {
  const { auth, recordings } = deps;
  const router = express.Router();
  const base = '/cases/:id/recordings';

  router.post(base, express.json({ limit: '16kb', strict: true }), async (req, res) => {
    const user = await auth.requireUser(req);
    await deps.cases.authorizeWrite({ kind: 'user', user }, req.params.id);
    const result = await recordings.create(user, req.params.id, parseInput(CreateRecordingBody, req.body));
    res.status(result.created ? 201 : 200).json({ recording: result.recording } satisfies RecordingResponse);
  });

  router.get(base, async (req, res) => {
    const user = await auth.requireUser(req);
    res.json({ recordings: await recordings.list(user, req.params.id) } satisfies RecordingList);
  });

  router.get(`${base}/:recordingId`, async (req, res) => {
    const user = await auth.requireUser(req);
    res.json(await recordings.view(user, req.params.id, req.params.recordingId));
  });

  const receiveChunkBody = createChunkReceiver();
  router.put(`${base}/:recordingId/chunks/:n`, async (req, res) => {
    const user = await auth.requireUser(req);
    const { id: caseId, recordingId } = req.params;
    const n = chunkNumber(req.params.n);
    const sha256 = claimedHash(req.headers[CHUNK_SHA256_HEADER.toLowerCase()]);
    // Refuse before reading the body when the caller may not write here or the answer is known. A
    // recording under way when its case was closed may still finish (its chunks and seal are the end
    // of evidence begun while the case was open); only a new recording is refused.
    await recordings.precheckChunk(user, caseId, recordingId, n, sha256);
    checkChunkHeaders(req, deps.maxChunkBytes);
    const file = await receiveChunkBody(req, { tempPath: deps.blobs.tempPath, maxBytes: deps.maxChunkBytes });
    const receipt = await recordings.ingestChunk(user, caseId, recordingId, n, sha256, file);
    res.status(receipt.stored ? 201 : 200).json(receipt);
  });

  router.post(`${base}/:recordingId/seal`, express.json({ limit: SEAL_BODY_LIMIT, strict: true }), async (req, res) => {
    const user = await auth.requireUser(req);
    const recording = await recordings.seal(user, req.params.id, req.params.recordingId, parseInput(SealRecordingBody, req.body));
    res.json({ recording } satisfies RecordingResponse);
  });

  router.get(`${base}/:recordingId/media`, async (req, res) => {
    const user = await auth.requireUser(req);
    const media = await recordings.media(user, req.params.id, req.params.recordingId, req.headers.range);
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (media.range === 'unsatisfiable') {
      res.status(416).setHeader('Content-Range', `bytes */${media.total}`);
      res.end();
      return;
    }
    res.setHeader('Content-Type', media.mimeType);
    res.setHeader('Content-Disposition', `inline; filename="${media.filename}"`);
    if (media.range) {
      res.status(206).setHeader('Content-Range', `bytes ${media.range.start}-${media.range.end}/${media.total}`);
      res.setHeader('Content-Length', String(media.range.end - media.range.start + 1));
    } else {
      res.setHeader('Content-Length', String(media.total));
    }
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    try {
      await pipeline(media.open(), res);
    } catch (error) {
      // A player that stops reading (it seeks, or the page closes) is not a server fault.
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    }
  });

  return router;
}
