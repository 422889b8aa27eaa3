import { describe, expect, it } from 'vitest';
import { attemptOk, attemptSummary } from './webhook-words.ts';

describe('webhook attempt words', () => {
  it('says what each kind of attempt came to', () => {
    expect(attemptSummary({ at: 'x', status: 204, error: null, durationMs: 35 })).toBe('204 in 35 ms');
    expect(attemptSummary({ at: 'x', status: 500, error: 'answered 500', durationMs: 120 })).toBe('answered 500 in 120 ms');
    expect(attemptSummary({ at: 'x', status: null, error: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9', durationMs: 2 })).toBe('ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9 (2 ms)');
    expect(attemptOk({ at: 'x', status: 204, error: null, durationMs: 1 })).toBe(true);
    expect(attemptOk({ at: 'x', status: 302, error: 'redirect (302) not followed', durationMs: 1 })).toBe(false);
    expect(attemptOk({ at: 'x', status: null, error: 'no answer within 10 s', durationMs: 10_000 })).toBe(false);
  });
});
