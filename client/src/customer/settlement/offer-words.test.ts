import { describe, expect, it } from 'vitest';
import { expiresIn } from './offer-words.ts';

describe('expiresIn', () => {
  const now = Date.parse('2026-12-05T10:00:00Z');
  it('says minutes, hours or days, and now once passed', () => {
    expect(expiresIn('2026-12-05T10:01:00Z', now)).toBe('in 1 minute');
    expect(expiresIn('2026-12-05T10:45:00Z', now)).toBe('in 45 minutes');
    expect(expiresIn('2026-12-05T15:00:00Z', now)).toBe('in 5 hours');
    expect(expiresIn('2026-12-12T10:00:00Z', now)).toBe('in 7 days');
    expect(expiresIn('2026-12-05T09:59:00Z', now)).toBe('now');
    expect(expiresIn('not a date', now)).toBe('now');
  });
});
