// The supervisor's reads: the live queue with the assessors, and the KPIs of a period (JSON, or the CSV's address).
import { z } from 'zod';
import { ServiceType } from '../../../../protocol/agent.ts';
import { KpiReport } from '../../../../protocol/kpi.ts';
import { QueueView } from '../../../../protocol/queue.ts';
import { apiFetch } from '../../lib/api.ts';
import { viewerTimeZone, type PeriodQuery } from './kpi-period.ts';

/** The queue as GET /api/queue serves it; the case's title and service are shown when the server sends them. */
export const SupervisorQueue = QueueView.extend({
  entries: z.array(QueueView.shape.entries.element.extend({ caseTitle: z.string().optional(), service: ServiceType.nullable().optional() })),
});
export type SupervisorQueue = z.infer<typeof SupervisorQueue>;

/** The period, and the browser's time zone: the server counts days (and a custom period's dates) on its clock. */
const search = (period: PeriodQuery): string => {
  const params = new URLSearchParams();
  if (period.from) params.set('from', period.from);
  if (period.to) params.set('to', period.to);
  const zone = viewerTimeZone();
  if (zone) params.set('tz', zone);
  const text = params.toString();
  return text ? `?${text}` : '';
};

export const supervisorApi = {
  queue: (signal?: AbortSignal) => apiFetch('/api/queue', SupervisorQueue, { signal }),
  kpis: (period: PeriodQuery, signal?: AbortSignal) => apiFetch(`/api/kpis${search(period)}`, KpiReport, { signal }),
  csvUrl: (period: PeriodQuery): string => `/api/kpis.csv${search(period)}`,
  /** A case's title, for a queue entry the server sent without one (a supervisor may read every case). */
  caseTitle: (caseId: string, signal?: AbortSignal) =>
    apiFetch(`/api/cases/${encodeURIComponent(caseId)}`, z.object({ case: z.object({ title: z.string() }) }), { signal }).then((r) => r.case.title),
};
