import { describe, expect, it } from 'vitest';
import { formatBitrate, formatLocation, formatPercent, formatTime, isNotableSkew, setDisplayLocale, shortHash } from './format.ts';

describe('format helpers', () => {
  it('formats bitrates in kbit/s and Mbit/s', () => {
    expect(formatBitrate(287.4)).toBe('287 kbit/s');
    expect(formatBitrate(1530)).toBe('1.5 Mbit/s');
  });

  it('keeps one decimal for small percentages', () => {
    expect(formatPercent(0)).toBe('0.0 %');
    expect(formatPercent(12.6)).toBe('13 %');
  });

  it('shows clock skew only beyond two minutes', () => {
    expect(isNotableSkew(null)).toBe(false);
    expect(isNotableSkew(90_000)).toBe(false);
    expect(isNotableSkew(-180_000)).toBe(true);
  });

  it('shortens hashes and formats locations', () => {
    expect(shortHash('0123456789abcdef')).toBe('0123456789ab…');
    expect(formatLocation(52.52, 13.405, 12.4)).toBe('52.52000, 13.40500 (±12 m)');
  });

  it('writes a time of day in the page’s locale, with or without seconds', () => {
    try {
      setDisplayLocale('en-GB');
      expect(formatTime('2026-12-04T14:02:09.000Z')).toMatch(/^\d\d:\d\d:\d\d$/);
      expect(formatTime('2026-12-04T14:02:09.000Z', { seconds: false })).toMatch(/^\d\d:\d\d$/);
      setDisplayLocale('en-US');
      expect(formatTime('2026-12-04T14:02:09.000Z', { seconds: false })).toMatch(/^\d\d:\d\d [AP]M$/);
      expect(formatTime('not a time', { seconds: false })).toBe('not a time');
    } finally {
      setDisplayLocale(undefined);
    }
  });
});
