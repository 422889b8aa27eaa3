// The supervisor's KPIs on the wire: `GET /api/kpis?from=&to=&tz=` over the front door's queue entries,
// intakes and surveys in a period, with one bucket per hour (periods of two days or less) or per day, as
// the clock of the time zone `tz` shows them (UTC by default).
import { z } from 'zod';
import { QueueChannel } from './queue.ts';
import { text } from './text.ts';

/**
 * `from` and `to`: an ISO date (a day in `tz`: `to` then means the end of that day) or an ISO datetime;
 * `tz`: an IANA time zone name (Asia/Shanghai), whose days and hours the buckets are.
 */
export const KpiQuery = z.object({ from: text().max(40).optional(), to: text().max(40).optional(), tz: text().max(64).optional() });
export type KpiQuery = z.infer<typeof KpiQuery>;

/** Seconds; null when nothing was measured (never NaN). */
const Seconds = z.number().nullable();
/** A share between 0 and 1; null when its denominator is 0. */
const Ratio = z.number().min(0).max(1).nullable();

export const KpiBucket = z.object({
  /** The bucket's start (ISO); it runs to the next bucket's start, the last one to the period's end. */
  start: text(),
  arrivals: z.number().int(),
  served: z.number().int(),
  abandoned: z.number().int(),
  meanWaitSeconds: Seconds,
});
export type KpiBucket = z.infer<typeof KpiBucket>;

export const KpiReport = z.object({
  from: text(),
  to: text(),
  bucket: z.enum(['hour', 'day']),
  /** The time zone of the buckets, as asked (`tz`), else UTC. */
  timeZone: text(),
  entered: z.number().int(),
  served: z.number().int(),
  abandoned: z.number().int(),
  waitSeconds: z.object({ mean: Seconds, p50: Seconds, p90: Seconds, max: Seconds, count: z.number().int() }),
  handleSeconds: z.object({ p50: Seconds, p90: Seconds, count: z.number().int() }),
  /** Left ÷ entered. */
  abandonment: Ratio,
  /** Served cases queued once in the period and not queued again within 7 days ÷ served cases (kpi-compute.ts). */
  firstContactResolution: Ratio,
  satisfaction: z.object({ mean: z.number().nullable(), count: z.number().int(), distribution: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]) }),
  channelMix: z.record(QueueChannel, z.number().int()),
  /** Ledger entries of the channel-switch kinds named in `switchKinds` (none when no such kind exists yet). */
  switches: z.object({ count: z.number().int(), kinds: z.array(text()) }),
  /** Intakes answered by the digital agent (or still with it) and never handed off ÷ all intakes. */
  botContainment: z.object({ ratio: Ratio, contained: z.number().int(), intakes: z.number().int() }),
  series: z.array(KpiBucket),
});
export type KpiReport = z.infer<typeof KpiReport>;
