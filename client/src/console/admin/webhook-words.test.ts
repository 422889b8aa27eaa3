import { describe, expect, it } from 'vitest';
import { applyLanguage } from '../../i18n/i18n.ts';
import { attemptOk, attemptSummary, EVENT_LABELS, STATE_NAMES } from './webhook-words.ts';

describe('webhook attempt words', () => {
  it('says what each kind of attempt came to', () => {
    expect(attemptSummary({ at: 'x', status: 204, error: null, durationMs: 35 })).toBe('204 in 35 ms');
    expect(attemptSummary({ at: 'x', status: 500, error: 'answered 500', durationMs: 120 })).toBe('answered 500 in 120 ms');
    expect(attemptSummary({ at: 'x', status: null, error: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9', durationMs: 2 })).toBe('ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9 (2 ms)');
    expect(attemptOk({ at: 'x', status: 204, error: null, durationMs: 1 })).toBe(true);
    expect(attemptOk({ at: 'x', status: 302, error: 'redirect (302) not followed', durationMs: 1 })).toBe(false);
    expect(attemptOk({ at: 'x', status: null, error: 'no answer within 10 s', durationMs: 10_000 })).toBe(false);
  });

  it('follows the page’s language, the receiver’s own error as it came', async () => {
    await applyLanguage('zh-CN');
    try {
      expect(attemptSummary({ at: 'x', status: 204, error: null, durationMs: 35 })).toBe('204，耗时 35 毫秒');
      expect(attemptSummary({ at: 'x', status: null, error: null, durationMs: 2 })).toBe('无应答（2 毫秒）');
      expect([EVENT_LABELS['case.created'], STATE_NAMES.delivered]).toEqual(['案件已创建', '已送达']);
    } finally {
      await applyLanguage('en');
    }
    expect(EVENT_LABELS['offer.declined']).toBe('Offer declined');
  });
});
