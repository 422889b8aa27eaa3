// The period a KPI request asks about: `from` and `to` as ISO dates (days in `tz`, UTC by default) or
// datetimes, by default the last 7 days; at most 366 days; hourly buckets for two days or less, daily
// beyond — hours and days as `tz`'s clock shows them (kpi-zone.ts).
import type { KpiQuery } from '../../../../protocol/kpi.ts';
import { badRequest, text } from '../../errors.ts';
import { dayStarts, hourStarts, instantOfWall, isTimeZone, UTC, wallOf } from './kpi-zone.ts';

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
  /** The IANA zone whose days and hours the buckets are. */
  timeZone: string;
}

/** One bound: a date is that day's start in the zone (for `to`, the next day's: the day is included). */
function parseBound(name: 'from' | 'to', value: string, zone: string): Date {
  const dateOnly = DATE_ONLY.test(value);
  if (!dateOnly && !DATETIME.test(value)) throw badRequest('invalid_range', text('kpi.notADate', { name, value: value.slice(0, 40) }));
  const at = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  // Date.parse accepts 2026-02-31; a date that does not round-trip is not a real one.
  if (Number.isNaN(at) || (dateOnly && new Date(at).toISOString().slice(0, 10) !== value)) throw badRequest('invalid_range', text('kpi.notARealDate', { name, value }));
  if (!dateOnly) return new Date(at);
  return new Date(instantOfWall(zone, name === 'to' ? at + DAY_MS : at));
}

export function parseKpiRange(query: KpiQuery, now: Date): KpiRange {
  const timeZone = query.tz ?? UTC;
  if (!isTimeZone(timeZone)) throw badRequest('invalid_time_zone', text('kpi.unknownZone', { value: timeZone.slice(0, 64) }));
  const to = query.to !== undefined ? parseBound('to', query.to, timeZone) : now;
  const from = query.from !== undefined ? parseBound('from', query.from, timeZone) : new Date(to.getTime() - 7 * DAY_MS);
  if (from.getTime() >= to.getTime()) throw badRequest('invalid_range', text('kpi.fromBeforeTo'));
  // Lengths on the zone's clock, so two local days across a DST change (47 or 49 hours) are still hourly.
  const length = wallOf(timeZone, to.getTime()) - wallOf(timeZone, from.getTime());
  if (length > MAX_PERIOD_DAYS * DAY_MS) throw badRequest('invalid_range', text('kpi.periodTooLong', { days: MAX_PERIOD_DAYS }));
  return { from, to, bucket: length <= HOURLY_UP_TO_MS ? 'hour' : 'day', timeZone };
}

/** Bucket starts covering [from, to): the first is the start of the zone's hour or day that `from` falls in. */
export function bucketStarts(range: KpiRange): number[] {
  const starts = range.bucket === 'hour' ? hourStarts : dayStarts;
  return starts(range.timeZone, range.from.getTime(), range.to.getTime());
}
