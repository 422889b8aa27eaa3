// The PDF report download: drawn from one consistent read of the case and streamed as it is drawn.
import express from 'express';
import type { ReportService } from '../report/report-service.ts';
import type { Auth } from './auth.ts';
import { sendDownload } from './download.ts';

export function reportRoutes(deps: { auth: Auth; reports: ReportService }): express.Router {
  const router = express.Router();

  router.get('/cases/:id/report', async (req, res) => {
    const user = await deps.auth.requireUser(req);
    const report = await deps.reports.generate({ kind: 'user', user }, req.params.id);
    await sendDownload(req, res, { type: 'application/pdf', filename: report.filename, headHash: report.headHash, stream: report.stream });
  });

  return router;
}
