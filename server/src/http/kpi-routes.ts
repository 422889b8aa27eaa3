// The supervisor's KPIs over a period, as JSON for the dashboard and as CSV to download.
import express from 'express';
import { KpiQuery } from '../../../protocol/kpi.ts';
import { kpiCsv, kpiCsvName } from '../frontdoor/kpi/kpi-csv.ts';
import type { KpiService } from '../frontdoor/kpi/kpi-service.ts';
import type { Auth } from './auth.ts';
import { parseInput } from './validate.ts';

export function kpiRoutes(deps: { auth: Auth; kpis: KpiService }): express.Router {
  const { auth, kpis } = deps;
  const router = express.Router();

  router.get('/kpis', async (req, res) => {
    await auth.requireSupervisor(req);
    res.set('Cache-Control', 'no-store').json(await kpis.report(parseInput(KpiQuery, req.query, 'query')));
  });

  router.get('/kpis.csv', async (req, res) => {
    await auth.requireSupervisor(req);
    const report = await kpis.report(parseInput(KpiQuery, req.query, 'query'));
    res.set({ 'Cache-Control': 'no-store', 'Content-Type': 'text/csv; charset=utf-8; header=present', 'Content-Disposition': `attachment; filename="${kpiCsvName(report)}"` });
    res.send(kpiCsv(report));
  });

  return router;
}
