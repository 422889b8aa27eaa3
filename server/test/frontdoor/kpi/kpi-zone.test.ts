import { describe, expect, it } from 'vitest';
import { dayStarts, hourStarts, instantOfWall, isTimeZone, offsetMs, zonedIso } from '../../../src/frontdoor/kpi/kpi-zone.ts';

const iso = (zone: string, starts: number[]) => starts.map((at) => zonedIso(zone, at));
const at = (text: string) => Date.parse(text);

describe('a time zone\'s days and hours', () => {
  it('knows IANA names, and nothing else', () => {
    for (const name of ['UTC', 'Asia/Shanghai', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5', 'asia/kolkata']) expect(isTimeZone(name), name).toBe(true);
    for (const name of ['', 'Mars/Olympus_Mons', '+05:30', 'GMT+8', 'Etc/Unknown', ' UTC', 'Asia/Shanghai/', '../etc/passwd', 'A'.repeat(65)]) expect(isTimeZone(name), name).toBe(false);
  });

  it('offsets, to the second before standard time', () => {
    expect(offsetMs('Asia/Kolkata', at('2026-12-05T00:00:00Z'))).toBe(5.5 * 3_600_000);
    expect(offsetMs('America/New_York', at('2026-07-01T00:00:00Z'))).toBe(-4 * 3_600_000);
    expect(offsetMs('America/St_Johns', at('2026-12-01T00:00:00Z'))).toBe(-3.5 * 3_600_000);
    expect(offsetMs('Asia/Shanghai', at('1850-01-01T00:00:00Z'))).toBe((8 * 3600 + 5 * 60 + 43) * 1000);
  });

  it('a midnight the clock skips: the day starts when the clock jumps (Havana, 8 March 2026)', () => {
    expect(zonedIso('America/Havana', instantOfWall('America/Havana', at('2026-03-08T00:00:00Z')))).toBe('2026-03-08T01:00:00.000-04:00');
    expect(iso('America/Havana', dayStarts('America/Havana', at('2026-03-07T12:00:00Z'), at('2026-03-09T12:00:00Z')))).toEqual([
      '2026-03-07T00:00:00.000-05:00', '2026-03-08T01:00:00.000-04:00', '2026-03-09T00:00:00.000-04:00',
    ]);
  });

  it('hours a quarter past in Nepal, and the first bucket is the hour `from` falls in', () => {
    expect(iso('Asia/Kathmandu', hourStarts('Asia/Kathmandu', at('2026-12-05T00:00:00Z'), at('2026-12-05T02:00:00Z')))).toEqual([
      '2026-12-05T05:00:00.000+05:45', '2026-12-05T06:00:00.000+05:45', '2026-12-05T07:00:00.000+05:45',
    ]);
  });

  it('Lord Howe moves its clocks by half an hour: hours stay in order', () => {
    const starts = hourStarts('Australia/Lord_Howe', at('2026-10-03T13:00:00Z'), at('2026-10-04T13:00:00Z'));
    expect(starts.every((s, i) => i === 0 || s > starts[i - 1]!)).toBe(true);
    expect(iso('Australia/Lord_Howe', starts).every((s) => /T\d{2}:(00|30):00\.000\+1[01]:(00|30)$/.test(s))).toBe(true);
  });

  it('writes UTC with Z, as toISOString, and other zones with their offset', () => {
    expect(zonedIso('UTC', at('2026-12-05T23:30:00Z'))).toBe('2026-12-05T23:30:00.000Z');
    expect(zonedIso('Asia/Shanghai', at('2026-12-05T23:30:00Z'))).toBe('2026-12-06T07:30:00.000+08:00');
    expect(zonedIso('America/New_York', at('2026-11-01T06:30:00Z'))).toBe('2026-11-01T01:30:00.000-05:00');
  });
});
