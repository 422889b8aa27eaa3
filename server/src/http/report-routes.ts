// The PDF report download: drawn from one consistent read of the case and streamed as it is drawn.
import { pipeline } from 'node:stream/promises';
import express from 'express';
import type { ReportService } from '../report/report-service.ts';
import type { Auth } from './auth.ts';

export function reportRoutes(deps: { auth: Auth; reports: ReportService }): express.Router {
  const router = express.Router();

  router.get('/cases/:id/report', async (req, res) => {
    const user = deps.auth.requireUser(req);
    const report = await deps.reports.generate({ kind: 'user', user }, req.params.id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${report.filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    if (report.headHash) res.setHeader('X-Ledger-Head', report.headHash);
    if (req.method === 'HEAD') {
      report.stream.destroy();
      res.end();
      return;
    }
    try {
      await pipeline(report.stream, res);
    } catch (error) {
      // A client that stops the download is not a server fault; a drawing or blob error goes to the
      // error handler, which logs it and cuts the connection so a partial PDF is never taken for whole.
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    }
  });

  return router;
}
