// The peer credential's shape, as the pages parse it: the ICE servers and the operator's ICE policy
// (SIGHTLINE_ICE_POLICY) for the customer's and the console's credential alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PeerCredential } from '../../../protocol/http.ts';
import { bearer, startHarness, type Harness } from './harness.ts';

const TURN = { SIGHTLINE_TURN_URLS: 'turn:127.0.0.1:3478?transport=udp', SIGHTLINE_TURN_SECRET: 'north-relay-secret-0123' };

/** The customer's and the console's credential for one new case. */
async function credentials(h: Harness): Promise<unknown[]> {
  const admin = h.client();
  await admin.login();
  const created = await admin.json('/api/cases', { method: 'POST', json: { kind: 'damage', title: 'ICE policy check' } });
  const token = created.body.token as string;
  await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true, location: false } });
  const customer = await h.client().json('/api/join/peer', { method: 'POST', headers: bearer(token) });
  const console = await admin.json(`/api/cases/${created.body.case.id}/peer`, { method: 'POST' });
  expect([customer.status, console.status]).toEqual([200, 200]);
  return [customer.body, console.body];
}

describe.each([
  { policy: 'all', env: {} },
  { policy: 'all', env: { ...TURN, SIGHTLINE_ICE_POLICY: 'all' } },
  { policy: 'relay', env: { ...TURN, SIGHTLINE_ICE_POLICY: 'relay' } },
])('a peer credential with SIGHTLINE_ICE_POLICY $env.SIGHTLINE_ICE_POLICY', ({ policy, env }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(env);
  });
  afterAll(() => h?.close());

  it(`parses as the protocol's PeerCredential and carries iceTransportPolicy "${policy}"`, async () => {
    for (const body of await credentials(h)) {
      const credential = PeerCredential.parse(body);
      expect(credential.iceTransportPolicy).toBe(policy);
      expect(Object.keys(body as object).sort()).toEqual(['expiresAt', 'iceServers', 'iceTransportPolicy', 'key', 'path', 'peerId', 'token']);
      if ('SIGHTLINE_TURN_URLS' in env) expect(credential.iceServers).toEqual([{ urls: [TURN.SIGHTLINE_TURN_URLS], username: expect.stringMatching(/^\d+:/), credential: expect.any(String) }]);
      else expect(credential.iceServers).toEqual([]);
    }
  });
});

describe('the protocol', () => {
  it('reads a credential without an ICE policy (from an instance older than the page) as all, and refuses one browsers do not know', () => {
    const credential = { peerId: 'p', token: 't', expiresAt: '2030-01-01T00:00:00.000Z', path: '/peerjs', key: 'k', iceServers: [] };
    expect(PeerCredential.parse(credential).iceTransportPolicy).toBe('all');
    expect(PeerCredential.safeParse({ ...credential, iceTransportPolicy: 'none' }).success).toBe(false);
    expect(PeerCredential.parse({ ...credential, iceTransportPolicy: 'relay' }).iceTransportPolicy).toBe('relay');
  });
});
