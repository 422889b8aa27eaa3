// Behind a load balancer every request comes from its address: the login limit must count the client
// the trusted proxy names in X-Forwarded-For, and must ignore that header from anyone else, or a client
// would reset its own count by sending a new address each time.
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, startHarness, type Harness } from './harness.ts';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** A wrong-password login as if forwarded for `client`; its status. */
async function wrongLogin(harness: Harness, client: string): Promise<number> {
  const res = await fetch(`${harness.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({ email: ADMIN.email, password: 'not the password at all' }),
  });
  return res.status;
}

describe('the login limit behind a proxy', () => {
  it('counts each client a trusted proxy names on its own', async () => {
    // The tests' requests come from 127.0.0.1: a proxy on loopback, trusted by default.
    h = await startHarness({ SIGHTLINE_LOGIN_LIMIT_PER_15MIN: '2' });
    expect([await wrongLogin(h, '203.0.113.7'), await wrongLogin(h, '203.0.113.7'), await wrongLogin(h, '203.0.113.7')]).toEqual([401, 401, 429]);
    // Another customer behind the same proxy is not locked out by the first one's guesses.
    expect(await wrongLogin(h, '198.51.100.20')).toBe(401);
  });

  it('ignores X-Forwarded-For from an address that is not a trusted proxy', async () => {
    h = await startHarness({ SIGHTLINE_LOGIN_LIMIT_PER_15MIN: '2', SIGHTLINE_TRUST_PROXY: '10.0.0.5' });
    // Each attempt claims a new address; all come from 127.0.0.1, which is what is counted.
    expect([await wrongLogin(h, '203.0.113.1'), await wrongLogin(h, '203.0.113.2'), await wrongLogin(h, '203.0.113.3')]).toEqual([401, 401, 429]);
  });
});
