// Evidence and chat routes shared by the assessor (session) and the customer (join token).
import fsp from 'node:fs/promises';
import express from 'express';
import { SupersedeBody } from '../../../protocol/corrections.ts';
import { ChatBody, EvidenceNoteBody, EvidenceUploadMeta } from '../../../protocol/http.ts';
import { requireConsent } from '../auth/principal.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { ChatService } from '../chat/chat-service.ts';
import type { EvidenceService } from '../evidence/evidence-service.ts';
import { HttpError, text } from '../errors.ts';
import { ImageBusy } from '../evidence/image-intake.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { Auth } from './auth.ts';
import { receiveUpload } from './upload.ts';
import { parseInput } from './validate.ts';

const RENDITIONS = new Set(['original', 'preview', 'thumbnail'] as const);
type Rendition = 'original' | 'preview' | 'thumbnail';

export function evidenceRoutes(deps: { auth: Auth; cases: CaseService; evidence: EvidenceService; chat: ChatService; blobs: BlobStore; maxUploadBytes: number }): express.Router {
  const { auth } = deps;
  const router = express.Router();

  router.post('/cases/:id/evidence', async (req, res) => {
    const principal = await auth.requirePrincipal(req);
    const caseId = req.params.id;
    // Refuse before reading the body when the caller may not write to this case, or has as many
    // images in progress as it may.
    await deps.cases.authorizeWrite(principal, caseId);
    requireConsent(principal);
    try {
      deps.evidence.admitUpload(principal);
    } catch (error) {
      throw retryLater(res, error);
    }
    const upload = await receiveUpload(req, { tempPath: deps.blobs.tempPath, maxBytes: deps.maxUploadBytes });
    let meta;
    try {
      meta = parseInput(EvidenceUploadMeta, upload.fields, 'photo details');
    } catch (error) {
      await fsp.rm(upload.file.tempFile, { force: true });
      throw error;
    }
    // A sender that hangs up while its image waits for a turn gives the turn back.
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    const result = await deps.evidence.ingest(principal, caseId, upload.file, meta, gone.signal).catch((error: unknown) => {
      throw retryLater(res, error);
    });
    res.status(result.created ? 201 : 200).json(result.evidence);
  });

  router.post('/cases/:id/evidence/:evidenceId/supersede', async (req, res) => {
    const user = await auth.requireUser(req);
    const view = await deps.evidence.supersede({ kind: 'user', user }, req.params.id, req.params.evidenceId, parseInput(SupersedeBody, req.body));
    res.status(201).json(view);
  });

  router.post('/cases/:id/evidence/:evidenceId/notes', async (req, res) => {
    const user = await auth.requireUser(req);
    const result = await deps.evidence.note({ kind: 'user', user }, req.params.id, req.params.evidenceId, parseInput(EvidenceNoteBody, req.body, 'caption or note'));
    res.status(result.created ? 201 : 200).json(result.evidence);
  });

  router.get('/cases/:id/evidence/:evidenceId/:rendition', async (req, res) => {
    const principal = await auth.requirePrincipal(req);
    const rendition = req.params.rendition as Rendition;
    if (!RENDITIONS.has(rendition)) throw new HttpError(404, 'not_found', text('evidence.renditions'));
    const blob = await deps.evidence.rendition(principal, req.params.id, req.params.evidenceId, rendition);
    res.setHeader('Content-Type', blob.mime);
    res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    res.setHeader('ETag', `"${blob.sha256}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (rendition === 'original') res.setHeader('Content-Disposition', `attachment; filename="${req.params.evidenceId}"`);
    (await blob.stream()).on('error', () => res.destroy()).pipe(res);
  });

  router.post('/cases/:id/chat', async (req, res) => {
    const principal = await auth.requirePrincipal(req);
    await deps.cases.authorizeWrite(principal, req.params.id, 'participants');
    const result = await deps.chat.post(principal, req.params.id, parseInput(ChatBody, req.body));
    res.status(result.created ? 201 : 200).json(result.line);
  });

  return router;
}

/** An upload refused for now (ImageBusy) says in its answer when to try again. */
function retryLater(res: express.Response, error: unknown): unknown {
  if (error instanceof ImageBusy) res.setHeader('Retry-After', String(error.retryAfterSeconds));
  return error;
}
