import { describe, expect, it } from 'vitest';
import { expiresIn, linkBadge } from './link-words.ts';

const now = new Date('2026-12-04T12:00:00.000Z');
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();

describe('link words', () => {
  it('says when a link expires, rounded down', () => {
    expect(expiresIn(at(30_000), now)).toBe('in under a minute');
    expect(expiresIn(at(60_000), now)).toBe('in 1 minute');
    expect(expiresIn(at(59 * 60_000), now)).toBe('in 59 minutes');
    expect(expiresIn(at(3600_000), now)).toBe('in 1 hour');
    expect(expiresIn(at(47.9 * 3600_000), now)).toBe('in 47 hours');
    expect(expiresIn(at(72 * 3600_000 - 1), now)).toBe('in 2 days');
  });

  it('names the state, with the expiry while the link works', () => {
    expect(linkBadge({ linkState: 'not-opened', joinExpiresAt: at(72 * 3600_000 - 5000) }, now)).toEqual({ state: 'not-opened', tone: 'neutral', text: 'Link not opened · expires in 2 days' });
    expect(linkBadge({ linkState: 'opened', joinExpiresAt: at(5 * 3600_000) }, now).text).toBe('Link opened · expires in 5 hours');
    expect(linkBadge({ linkState: 'declined', joinExpiresAt: at(5 * 3600_000) }, now)).toEqual({ state: 'declined', tone: 'bad', text: 'Customer declined' });
    expect(linkBadge({ linkState: 'expired', joinExpiresAt: at(-1) }, now).text).toBe('Link expired');
  });

  it('reads a server that does not say the state as a link not opened yet', () => {
    expect(linkBadge({ joinExpiresAt: at(3600_000) }, now).state).toBe('not-opened');
  });
});
