// The evidence bundle download: one zip per case, streamed, with its exact size up front.
import { pipeline } from 'node:stream/promises';
import express from 'express';
import type { ExportService } from '../export/export-service.ts';
import type { Auth } from './auth.ts';

export function exportRoutes(deps: { auth: Auth; caseExports: ExportService }): express.Router {
  const router = express.Router();

  router.get('/cases/:id/export', async (req, res) => {
    const user = deps.auth.requireUser(req);
    const bundle = await deps.caseExports.export({ kind: 'user', user }, req.params.id);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="${bundle.filename}"`);
    res.setHeader('Content-Length', String(bundle.size));
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Ledger-Head', bundle.manifest.ledger.headHash);
    if (req.method === 'HEAD') {
      bundle.stream.destroy();
      res.end();
      return;
    }
    try {
      await pipeline(bundle.stream, res);
    } catch (error) {
      // A client that stops the download is not a server fault; anything else (a blob that cannot
      // be read) goes to the error handler, which logs it and cuts the connection.
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    }
  });

  return router;
}
