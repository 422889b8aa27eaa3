// The rows the supervisor's KPIs are computed from: queue entries (for percentiles, read whole), and
// counts done in SQL where they are cheap — survey scores, intakes the agent kept, channel switches.
import { LEDGER_KINDS } from '../../../../protocol/ledger.ts';
import type { QueueChannel } from '../../../../protocol/queue.ts';
import type { Db } from '../../storage/database.ts';
import { computeKpis, type KpiEntry, REPEAT_CONTACT_MS } from './kpi-compute.ts';
import type { KpiRange } from './kpi-range.ts';

/** Switches only: a proposal or the customer's answer to it (channel.proposed, channel.answered) is not a switch. */
export const SWITCH_KINDS: readonly string[] = LEDGER_KINDS.filter((kind) => kind === 'channel.switched');

export function createKpiStore(db: Db) {
  return {
    async entries(from: string, until: string): Promise<KpiEntry[]> {
      const rows = await db.q().selectFrom('queue_entries').select(['case_id', 'channel', 'enqueued_at', 'state', 'assigned_at', 'ended_at'])
        .where('enqueued_at', '>=', from).where('enqueued_at', '<', until).execute();
      return rows.map((r) => ({ caseId: r.case_id, channel: r.channel as QueueChannel, enqueuedAt: r.enqueued_at, state: r.state, assignedAt: r.assigned_at, endedAt: r.ended_at }));
    },

    async scores(from: string, to: string): Promise<[number, number, number, number, number]> {
      const rows = await db.q().selectFrom('surveys').select(['score', (eb) => eb.fn.countAll<string | number>().as('n')])
        .where('answered_at', '>=', from).where('answered_at', '<', to).groupBy('score').execute();
      const scores: [number, number, number, number, number] = [0, 0, 0, 0, 0];
      for (const row of rows) if (row.score >= 1 && row.score <= 5) scores[row.score - 1] = Number(row.n);
      return scores;
    },

    /** All intakes in the period, and those the digital agent kept: answered or still open, never handed off. */
    async intakes(from: string, to: string): Promise<{ all: number; contained: number }> {
      const row = await db.q().selectFrom('intakes')
        .select((eb) => [
          eb.fn.countAll<string | number>().as('all'),
          eb.fn.sum<string | number | null>(eb.case().when(eb.and([eb('outcome', 'in', ['answered', 'open']), eb('handed_off_at', 'is', null)])).then(1).else(0).end()).as('contained'),
        ])
        .where('created_at', '>=', from).where('created_at', '<', to).executeTakeFirstOrThrow();
      return { all: Number(row.all), contained: Number(row.contained ?? 0) };
    },

    async switches(from: string, to: string): Promise<{ count: number; kinds: string[] }> {
      if (SWITCH_KINDS.length === 0) return { count: 0, kinds: [] };
      const row = await db.q().selectFrom('ledger_entries').select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('type', 'in', [...SWITCH_KINDS]).where('at', '>=', from).where('at', '<', to).executeTakeFirstOrThrow();
      return { count: Number(row.n), kinds: [...SWITCH_KINDS] };
    },
  };
}

/** The KPIs of a period, read in one snapshot-free pass (each query sees committed rows; KPIs tolerate a row arriving between them). */
export async function readKpis(db: Db, range: KpiRange) {
  const store = createKpiStore(db);
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  const [entries, scores, intakes, switches] = await Promise.all([
    store.entries(from, new Date(range.to.getTime() + REPEAT_CONTACT_MS).toISOString()),
    store.scores(from, to),
    store.intakes(from, to),
    store.switches(from, to),
  ]);
  return computeKpis({ range, entries, scores, intakes, switches });
}
