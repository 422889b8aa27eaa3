import { describe, expect, it } from 'vitest';
import { formatWaited, secondsLeft } from './queue-time.ts';

describe('formatWaited', () => {
  it('says seconds, then minutes and seconds, then hours and minutes', () => {
    expect(formatWaited(-5)).toBe('0 s');
    expect(formatWaited(42_900)).toBe('42 s');
    expect(formatWaited(185_000)).toBe('3 min 05 s');
    expect(formatWaited(3_720_000)).toBe('1 h 02 min');
  });
});

describe('secondsLeft', () => {
  const at = '2026-01-01T00:00:20.000Z';
  it('rounds up, and stops at zero', () => {
    expect(secondsLeft(at, Date.parse(at) - 19_100)).toBe(20);
    expect(secondsLeft(at, Date.parse(at) - 1)).toBe(1);
    expect(secondsLeft(at, Date.parse(at))).toBe(0);
    expect(secondsLeft(at, Date.parse(at) + 5_000)).toBe(0);
  });
});
