import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryable, retryAfterMs, retryDelay } from './retry.ts';

describe('isRetryable', () => {
  it('retries network failures, timeouts, rate limits and server errors', () => {
    for (const status of [0, 408, 429, 500, 502, 503]) expect(isRetryable(status)).toBe(true);
  });
  it('does not retry a rejected upload', () => {
    for (const status of [400, 401, 403, 404, 413, 415, 422]) expect(isRetryable(status)).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt around its base', () => {
    expect(backoffDelay(1, 0.5)).toBe(1000);
    expect(backoffDelay(2, 0.5)).toBe(2000);
    expect(backoffDelay(3, 0.5)).toBe(4000);
  });
  it('stays within ±25 % jitter and under the cap', () => {
    expect(backoffDelay(2, 0)).toBe(1500);
    expect(backoffDelay(2, 0.999)).toBeLessThan(2500);
    expect(backoffDelay(12, 0.999)).toBeLessThan(15_000 * 1.25);
  });
});

describe('retryDelay', () => {
  it('waits at least what a busy server asked for, at most a minute, else backs off', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs(null)).toBeNull();
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT')).toBeNull();
    expect(retryDelay(1, 0.5, 7000)).toBe(7000);
    expect(retryDelay(4, 0.5, 1000)).toBe(8000);
    expect(retryDelay(1, 0.5, 600_000)).toBe(60_000);
    expect(retryDelay(2, 0.5, null)).toBe(2000);
  });
});
