import { describe, expect, it } from 'vitest';
import { expiryFrom } from './offer-form.tsx';

describe('expiryFrom', () => {
  const now = Date.parse('2026-12-05T10:00:00Z');
  it('is now plus the days given, or the end of the chosen day', () => {
    expect(expiryFrom('7', '', now)).toBe('2026-12-12T10:00:00.000Z');
    expect(new Date(expiryFrom('7', '2026-12-20', now)).getDate()).toBe(20);
    expect(new Date(expiryFrom('7', '2026-12-20', now)).getHours()).toBe(23);
  });
});
