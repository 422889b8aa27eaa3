// A join link's state: expired > declined > waiting > opened > not-opened.
import { describe, expect, it } from 'vitest';
import { linkState, type LinkFacts } from '../../src/links/link-state.ts';

const now = new Date('2026-12-04T12:00:00.000Z');
const fresh: LinkFacts = { expiresAt: '2026-12-06T12:00:00.000Z', openedAt: null, declinedAt: null, consentedAt: null };

describe('link state', () => {
  it('is not-opened, then opened, then waiting while the customer is on the page', () => {
    expect(linkState(fresh, 'offline', now)).toBe('not-opened');
    const opened = { ...fresh, openedAt: '2026-12-04T11:00:00.000Z' };
    expect(linkState(opened, 'offline', now)).toBe('opened');
    expect(linkState(opened, 'waiting', now)).toBe('waiting');
    expect(linkState(opened, 'live', now)).toBe('waiting');
  });

  it('is declined until the customer agrees after declining', () => {
    const declined = { ...fresh, openedAt: '2026-12-04T11:00:00.000Z', declinedAt: '2026-12-04T11:01:00.000Z' };
    expect(linkState(declined, 'offline', now)).toBe('declined');
    expect(linkState({ ...declined, consentedAt: '2026-12-04T11:02:00.000Z' }, 'offline', now)).toBe('opened');
  });

  it('is expired past the expiry, or with no current link, whatever else holds', () => {
    const declined = { ...fresh, openedAt: '2026-12-04T11:00:00.000Z', declinedAt: '2026-12-04T11:01:00.000Z' };
    expect(linkState({ ...declined, expiresAt: '2026-12-04T12:00:00.000Z' }, 'waiting', now)).toBe('expired');
    expect(linkState({ ...fresh, expiresAt: null }, 'offline', now)).toBe('expired');
  });
});
