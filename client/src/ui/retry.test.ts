import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryable } from './retry.ts';

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
