// The evidence bundle download: one zip per case, streamed, with its exact size up front.
import express from 'express';
import type { ExportService } from '../export/export-service.ts';
import type { Auth } from './auth.ts';
import { sendDownload } from './download.ts';

export function exportRoutes(deps: { auth: Auth; caseExports: ExportService }): express.Router {
  const router = express.Router();

  router.get('/cases/:id/export', async (req, res) => {
    const user = await deps.auth.requireUser(req);
    const bundle = await deps.caseExports.export({ kind: 'user', user }, req.params.id);
    await sendDownload(req, res, {
      type: 'application/zip',
      filename: bundle.filename,
      size: bundle.size,
      headHash: bundle.manifest.ledger.headHash,
      stream: bundle.stream,
    });
  });

  return router;
}
