// TURN credentials in coturn's REST scheme: the known answer, the settings that turn them on, and the
// credential each peer is served with its signalling grant (each its own, naming its peer id).
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { iceServersFor, turnCredential } from '../../src/signalling/turn-credentials.ts';
import { bearer, startHarness, type Harness } from '../http/harness.ts';

const SECRET = 'north-relay-secret-0123';
const URLS = 'turn:127.0.0.1:3478?transport=udp,turns:relay.example.test:5349';

describe('turnCredential', () => {
  it('is "<expiry s>:<peer>" with base64(HMAC-SHA1(secret, username)), as coturn checks it', () => {
    // The password was worked out apart from this code: printf '1700000000:peer-1' | openssl dgst -sha1 -hmac <secret> -binary | base64
    expect(turnCredential(SECRET, 'peer-1', 1_700_000_000_999)).toEqual({ username: '1700000000:peer-1', credential: 'dfvu25fZhsJsFCN013l360HjYFQ=' });
  });

  it('adds the relay to the static servers only when TURN is configured', () => {
    const stun = [{ urls: 'stun:stun.example.test:3478' }];
    expect(iceServersFor('p', stun, null, 0)).toEqual(stun);
    const servers = iceServersFor('p', stun, { urls: ['turn:a:3478'], secret: SECRET, ttlMs: 3600_000 }, 1_000_000);
    expect(servers).toEqual([...stun, { urls: ['turn:a:3478'], username: '4600:p', credential: expect.any(String) }]);
  });
});

describe('TURN settings', () => {
  const base = { PORT: '0', HTTPS_PORT: 'off' };
  it('are off unless both the URLs and the secret are set', () => {
    expect(loadConfig(base).turn).toBeNull();
    expect(() => loadConfig({ ...base, SIGHTLINE_TURN_URLS: URLS })).toThrow(/set SIGHTLINE_TURN_URLS and SIGHTLINE_TURN_SECRET together/);
    expect(() => loadConfig({ ...base, SIGHTLINE_TURN_SECRET: SECRET })).toThrow(/set SIGHTLINE_TURN_URLS and SIGHTLINE_TURN_SECRET together/);
  });

  it('refuse a URL that is not turn: or turns:, and a short secret, saying which', () => {
    expect(() => loadConfig({ ...base, SIGHTLINE_TURN_URLS: 'https://relay.example.test', SIGHTLINE_TURN_SECRET: SECRET })).toThrow(/SIGHTLINE_TURN_URLS: "https:\/\/relay.example.test" is not a turn: or turns: URL/);
    expect(() => loadConfig({ ...base, SIGHTLINE_TURN_URLS: URLS, SIGHTLINE_TURN_SECRET: 'short' })).toThrow(/SIGHTLINE_TURN_SECRET: must be at least 16 characters/);
  });

  it('list every URL and keep credentials 12 hours unless told otherwise', () => {
    expect(loadConfig({ ...base, SIGHTLINE_TURN_URLS: URLS, SIGHTLINE_TURN_SECRET: SECRET }).turn).toEqual({
      urls: ['turn:127.0.0.1:3478?transport=udp', 'turns:relay.example.test:5349'], secret: SECRET, ttlMs: 12 * 3600_000,
    });
    expect(loadConfig({ ...base, SIGHTLINE_TURN_URLS: URLS, SIGHTLINE_TURN_SECRET: SECRET, SIGHTLINE_TURN_TTL_HOURS: '2' }).turn?.ttlMs).toBe(2 * 3600_000);
  });
});

describe('a peer credential with TURN configured', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ SIGHTLINE_TURN_URLS: URLS, SIGHTLINE_TURN_SECRET: SECRET, SIGHTLINE_ICE_SERVERS: '[{"urls":"stun:127.0.0.1:3478"}]' });
  });
  afterAll(() => h.close());

  it('carries a relay credential of its own for the customer and for the console, valid for the configured time', async () => {
    const admin = h.client();
    await admin.login();
    const created = await admin.json('/api/cases', { method: 'POST', json: { kind: 'damage', title: 'Relay check' } });
    const token = created.body.token as string;
    await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true, location: false } });
    const customer = (await h.client().json('/api/join/peer', { method: 'POST', headers: bearer(token) })).body;
    const console = (await admin.json(`/api/cases/${created.body.case.id}/peer`, { method: 'POST' })).body;
    for (const cred of [customer, console]) {
      expect(cred.iceServers[0]).toEqual({ urls: 'stun:127.0.0.1:3478' });
      const relay = cred.iceServers[1];
      expect(relay.urls).toEqual(['turn:127.0.0.1:3478?transport=udp', 'turns:relay.example.test:5349']);
      const [expiry, peerId] = relay.username.split(':');
      expect(peerId).toBe(cred.peerId);
      const hoursLeft = (Number(expiry) * 1000 - Date.now()) / 3600_000;
      expect(hoursLeft).toBeGreaterThan(11.9);
      expect(hoursLeft).toBeLessThanOrEqual(12);
      expect(relay.credential).toBe(createHmac('sha1', SECRET).update(relay.username).digest('base64'));
    }
    expect(customer.iceServers[1].username).not.toBe(console.iceServers[1].username);
  });
});
