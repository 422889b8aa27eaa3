// The supervisor's KPIs of a period: the range checked (kpi-range.ts), the rows read, the figures computed.
import type { KpiQuery, KpiReport } from '../../../../protocol/kpi.ts';
import type { Db } from '../../storage/database.ts';
import { parseKpiRange } from './kpi-range.ts';
import { readKpis } from './kpi-store.ts';

export function createKpiService(deps: { db: Db; clock: () => Date }) {
  return {
    report(query: KpiQuery): Promise<KpiReport> {
      return readKpis(deps.db, parseKpiRange(query, deps.clock()));
    },
  };
}

export type KpiService = ReturnType<typeof createKpiService>;
