// The supervisor's KPIs from rows already read (kpi-store.ts): percentiles, ratios and the per-bucket
// series are computed here, pure, so every division by zero is a null and never a NaN.
import type { KpiBucket, KpiReport } from '../../../../protocol/kpi.ts';
import type { QueueChannel } from '../../../../protocol/queue.ts';
import { bucketStarts, DAY_MS, type KpiRange } from './kpi-range.ts';

/** A queue entry as the KPIs need it (times are ISO strings). */
export interface KpiEntry {
  caseId: string;
  channel: QueueChannel;
  enqueuedAt: string;
  state: string;
  assignedAt: string | null;
  endedAt: string | null;
}

export interface KpiInputs {
  range: KpiRange;
  /** Entries enqueued from `range.from` up to 7 days after `range.to` (the later ones only decide first-contact resolution). */
  entries: readonly KpiEntry[];
  /** Surveys answered in the period: how many gave each score 1..5. */
  scores: readonly [number, number, number, number, number];
  intakes: { all: number; contained: number };
  switches: { count: number; kinds: string[] };
}

/** A customer who came back within this long after being served was not resolved at first contact. */
export const REPEAT_CONTACT_MS = 7 * DAY_MS;

/** Nearest-rank percentile (the smallest value with at least p% of values at or below it); null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  return percentileOfSorted([...values].sort((a, b) => a - b), p);
}

const percentileOfSorted = (sorted: readonly number[], p: number): number | null =>
  sorted.length === 0 ? null : sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;

export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

const seconds = (fromIso: string, toIso: string): number => Math.max(0, (Date.parse(toIso) - Date.parse(fromIso)) / 1000);
const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
const round = (value: number | null, places = 1): number | null => (value === null ? null : Number(value.toFixed(places)));

/** Served: someone took the entry (it is in a session or finished). */
const isServed = (e: KpiEntry): boolean => e.assignedAt !== null;
const isAbandoned = (e: KpiEntry): boolean => e.state === 'left';

/**
 * First-contact resolution: of the cases served from an entry enqueued in the period, the share that
 * entered the queue only once in the period and were not queued again within 7 days of that entry.
 * A requeue after a lost connection keeps its entry, so it is not a second contact. A period that
 * ended less than 7 days ago counts only the repeat contacts seen so far.
 */
export function firstContactResolution(inPeriod: readonly KpiEntry[], all: readonly KpiEntry[]): number | null {
  const servedCases = new Set(inPeriod.filter(isServed).map((e) => e.caseId));
  if (servedCases.size === 0) return null;
  const inPeriodCount = new Map<string, number>();
  for (const e of inPeriod) if (servedCases.has(e.caseId)) inPeriodCount.set(e.caseId, (inPeriodCount.get(e.caseId) ?? 0) + 1);
  // Enqueue times of every served case's entries, period and look-ahead alike, in one pass.
  const times = new Map<string, number[]>();
  for (const e of all) if (servedCases.has(e.caseId)) (times.get(e.caseId) ?? times.set(e.caseId, []).get(e.caseId)!).push(Date.parse(e.enqueuedAt));
  let resolved = 0;
  for (const e of inPeriod) {
    if (!isServed(e) || inPeriodCount.get(e.caseId) !== 1) continue;
    const first = Date.parse(e.enqueuedAt);
    const again = times.get(e.caseId)!.some((at) => at > first && at <= first + REPEAT_CONTACT_MS);
    if (!again) resolved++;
  }
  return resolved / servedCases.size;
}

/** Each entry falls in the bucket of its enqueue time, so a bucket's served and abandoned are of its arrivals. */
export function series(range: KpiRange, inPeriod: readonly KpiEntry[]): KpiBucket[] {
  const starts = bucketStarts(range);
  const buckets = starts.map((start) => ({ start, arrivals: 0, served: 0, abandoned: 0, waits: [] as number[] }));
  let index = 0;
  // ISO times of one format (toISOString) sort as strings.
  const sorted = [...inPeriod].sort((a, b) => (a.enqueuedAt < b.enqueuedAt ? -1 : a.enqueuedAt > b.enqueuedAt ? 1 : 0));
  for (const entry of sorted) {
    const at = Date.parse(entry.enqueuedAt);
    while (index + 1 < starts.length && starts[index + 1]! <= at) index++;
    const bucket = buckets[index]!;
    bucket.arrivals++;
    if (isServed(entry)) {
      bucket.served++;
      bucket.waits.push(seconds(entry.enqueuedAt, entry.assignedAt!));
    }
    if (isAbandoned(entry)) bucket.abandoned++;
  }
  return buckets.map((b) => ({ start: new Date(b.start).toISOString(), arrivals: b.arrivals, served: b.served, abandoned: b.abandoned, meanWaitSeconds: round(mean(b.waits)) }));
}

export function computeKpis(input: KpiInputs): KpiReport {
  const { range } = input;
  const fromIso = range.from.toISOString();
  const toIso = range.to.toISOString();
  const inPeriod = input.entries.filter((e) => e.enqueuedAt >= fromIso && e.enqueuedAt < toIso);
  const served = inPeriod.filter(isServed);
  const waits = served.map((e) => seconds(e.enqueuedAt, e.assignedAt!)).sort((a, b) => a - b);
  const handles = served.filter((e) => e.state === 'finished' && e.endedAt !== null).map((e) => seconds(e.assignedAt!, e.endedAt!)).sort((a, b) => a - b);
  const abandoned = inPeriod.filter(isAbandoned).length;
  const channelMix: Record<QueueChannel, number> = { text: 0, voice: 0, video: 0, xr: 0 };
  for (const entry of inPeriod) channelMix[entry.channel]++;
  const answered = input.scores.reduce((a, b) => a + b, 0);
  const scoreSum = input.scores.reduce((sum, count, i) => sum + count * (i + 1), 0);

  return {
    from: fromIso,
    to: toIso,
    bucket: range.bucket,
    timeZone: range.timeZone,
    entered: inPeriod.length,
    served: served.length,
    abandoned,
    waitSeconds: { mean: round(mean(waits)), p50: round(percentileOfSorted(waits, 50)), p90: round(percentileOfSorted(waits, 90)), max: round(waits.at(-1) ?? null), count: waits.length },
    handleSeconds: { p50: round(percentileOfSorted(handles, 50)), p90: round(percentileOfSorted(handles, 90)), count: handles.length },
    abandonment: ratio(abandoned, inPeriod.length),
    firstContactResolution: firstContactResolution(inPeriod, input.entries),
    satisfaction: { mean: round(answered === 0 ? null : scoreSum / answered, 2), count: answered, distribution: [...input.scores] },
    channelMix,
    switches: input.switches,
    botContainment: { ratio: ratio(input.intakes.contained, input.intakes.all), contained: input.intakes.contained, intakes: input.intakes.all },
    series: series(range, inPeriod),
  };
}
