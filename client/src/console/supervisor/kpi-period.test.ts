import { describe, expect, it } from 'vitest';
import { applyLanguage } from '../../i18n/i18n.ts';
import { bucketLabel, formatSeconds, formatShare, periodQuery, viewerTimeZone } from './kpi-period.ts';

describe('the supervisor period', () => {
  const now = new Date('2026-12-05T15:30:00.000Z');
  it('7 and 30 days end now', () => {
    expect(periodQuery({ kind: 'days', days: 7 }, now)).toEqual({ from: '2026-11-28T15:30:00.000Z', to: '2026-12-05T15:30:00.000Z' });
    expect(periodQuery({ kind: 'days', days: 30 }, now).from).toBe('2026-11-05T15:30:00.000Z');
  });
  it('today starts at local midnight', () => {
    const { from } = periodQuery({ kind: 'today' }, now);
    const midnight = new Date(from!);
    expect([midnight.getHours(), midnight.getMinutes(), midnight.getDate()]).toEqual([0, 0, now.getDate()]);
  });
  it('the browser\'s time zone is an IANA name the server is sent', () => {
    expect(viewerTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
  it('custom days pass through', () => {
    expect(periodQuery({ kind: 'custom', from: '2026-11-01', to: '2026-11-30' }, now)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });
  it('labels and figures', () => {
    // By the hour in the browser's time zone (the period line's), whatever the machine's is.
    const here = viewerTimeZone() ?? 'UTC';
    expect(bucketLabel(new Date(2026, 11, 5, 9, 0).toISOString(), 'hour', here)).toBe('09:00');
    expect(bucketLabel(new Date(2026, 11, 5, 0, 0).toISOString(), 'hour', here)).toBe('00:00');
    expect(bucketLabel('2026-12-05T00:00:00.000Z', 'day', 'UTC')).toBe('5 Dec');
    // The days and hours the server counted in the report's zone: Shanghai's 5 December starts at 16:00 UTC the day before.
    expect(bucketLabel('2026-12-04T16:00:00.000Z', 'day', 'Asia/Shanghai')).toBe('5 Dec');
    expect(bucketLabel('2026-12-04T16:00:00.000Z', 'day', 'UTC')).toBe('4 Dec');
    expect(bucketLabel('2026-12-04T18:30:00.000Z', 'hour', 'Asia/Kolkata')).toBe('00:00');
    expect(bucketLabel('2026-11-01T06:00:00.000Z', 'hour', 'America/New_York')).toBe('01:00');
    expect([formatSeconds(null), formatSeconds(42.4), formatSeconds(180), formatSeconds(185), formatSeconds(3900)]).toEqual(['—', '42 s', '3 min', '3 min 05 s', '1 h 05 min']);
    expect([formatShare(null), formatShare(0.374)]).toEqual(['—', '37 %']);
  });
  it('labels and figures in Chinese', async () => {
    await applyLanguage('zh-CN');
    try {
      expect(bucketLabel('2026-12-04T16:00:00.000Z', 'day', 'Asia/Shanghai')).toBe('12月5日');
      expect(bucketLabel(new Date(2026, 11, 5, 23, 0).toISOString(), 'hour', viewerTimeZone() ?? 'UTC')).toBe('23:00');
      expect([formatSeconds(42.4), formatSeconds(180), formatSeconds(185), formatSeconds(3900)]).toEqual(['42 秒', '3 分钟', '3 分 05 秒', '1 小时 05 分']);
      expect(formatShare(0.374)).toBe('37%');
    } finally {
      await applyLanguage('en');
    }
  });
});
