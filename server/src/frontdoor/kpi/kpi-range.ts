// The period a KPI request asks about: `from` and `to` as ISO dates (UTC days) or datetimes, by default
// the last 7 days; at most 366 days; hourly buckets for two days or less, daily (UTC) beyond.
import type { KpiQuery } from '../../../../protocol/kpi.ts';
import { badRequest, text } from '../../errors.ts';

export const DAY_MS = 86_400_000;
export const MAX_PERIOD_DAYS = 366;
const HOURLY_UP_TO_MS = 2 * DAY_MS;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** A date, then optionally a time with seconds and fraction, then Z or an offset (a bare time would be read as local). */
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export interface KpiRange {
  from: Date;
  to: Date;
  bucket: 'hour' | 'day';
}

/** One bound: a date is that UTC day's start (for `to`, the next day's: the day is included). */
function parseBound(name: 'from' | 'to', value: string): Date {
  const dateOnly = DATE_ONLY.test(value);
  if (!dateOnly && !DATETIME.test(value)) throw badRequest('invalid_range', text('kpi.notADate', { name, value: value.slice(0, 40) }));
  const at = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  // Date.parse accepts 2026-02-31; a date that does not round-trip is not a real one.
  if (Number.isNaN(at) || (dateOnly && new Date(at).toISOString().slice(0, 10) !== value)) throw badRequest('invalid_range', text('kpi.notARealDate', { name, value }));
  return new Date(dateOnly && name === 'to' ? at + DAY_MS : at);
}

export function parseKpiRange(query: KpiQuery, now: Date): KpiRange {
  const to = query.to !== undefined ? parseBound('to', query.to) : now;
  const from = query.from !== undefined ? parseBound('from', query.from) : new Date(to.getTime() - 7 * DAY_MS);
  if (from.getTime() >= to.getTime()) throw badRequest('invalid_range', text('kpi.fromBeforeTo'));
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) throw badRequest('invalid_range', text('kpi.periodTooLong', { days: MAX_PERIOD_DAYS }));
  return { from, to, bucket: to.getTime() - from.getTime() <= HOURLY_UP_TO_MS ? 'hour' : 'day' };
}

/** Bucket starts covering [from, to): the first is `from` floored to its UTC hour or day. */
export function bucketStarts(range: KpiRange): number[] {
  const step = range.bucket === 'hour' ? 3_600_000 : DAY_MS;
  const starts: number[] = [];
  for (let at = Math.floor(range.from.getTime() / step) * step; at < range.to.getTime(); at += step) starts.push(at);
  return starts;
}
