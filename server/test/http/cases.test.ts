// Cases, join tokens and access rules over real HTTP against a real server and SQLite file.
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startHarness, type Client, type Harness } from './harness.ts';

let h: Harness;
let admin: Client;
let alice: Client;
let bob: Client;

beforeAll(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
  for (const [email, name] of [['alice@example.test', 'Alice'], ['bob@example.test', 'Bob']]) {
    const res = await admin.json('/api/users', { method: 'POST', json: { email, name, password: 'a long password 1', role: 'assessor' } });
    expect(res.status).toBe(201);
  }
  alice = h.client();
  await alice.login('alice@example.test', 'a long password 1');
  bob = h.client();
  await bob.login('bob@example.test', 'a long password 1');
});
afterAll(() => h.close());

const createCase = async (who: Client, title = 'Hail damage, VW Golf') => {
  const res = await who.json('/api/cases', { method: 'POST', json: { kind: 'damage', title, customerName: 'Dana' } });
  expect(res.status).toBe(201);
  return res.body as { case: { id: string }; joinUrl: string; token: string };
};

describe('login and sessions', () => {
  it('sets an HttpOnly SameSite=Strict cookie and answers /api/me', async () => {
    const c = h.client();
    const res = await c.fetch('/api/auth/login', { method: 'POST', json: { email: 'alice@example.test', password: 'a long password 1' } });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect((await c.json('/api/me')).body.user.email).toBe('alice@example.test');
    expect((await c.fetch('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect((await c.json('/api/me')).status).toBe(401);
  });

  it('refuses a wrong password with 401 and a reason', async () => {
    const res = await h.client().json('/api/auth/login', { method: 'POST', json: { email: 'alice@example.test', password: 'nope' } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('bad_credentials');
  });

  it('only admins manage users', async () => {
    expect((await alice.json('/api/users')).status).toBe(403);
    expect((await h.client().json('/api/users')).status).toBe(401);
  });
});

describe('cases', () => {
  it('creates a case with a 256-bit join token carried in the link fragment', async () => {
    const created = await createCase(alice);
    expect(created.joinUrl).toBe(`${h.base.replace('127.0.0.1', '127.0.0.1')}/j#${created.token}`);
    expect(Buffer.from(created.token, 'base64url')).toHaveLength(32);
    const list = await alice.json('/api/cases');
    expect(list.body.cases.map((c: { id: string }) => c.id)).toContain(created.case.id);
    const ledger = await alice.json(`/api/cases/${created.case.id}/ledger`);
    expect(ledger.body.entries.map((e: { type: string }) => e.type)).toEqual(['case.created', 'joinlink.issued']);
    expect(JSON.stringify(ledger.body)).not.toContain(created.token);
  });

  it('keeps an assessor out of cases not assigned to them; admins see all', async () => {
    const created = await createCase(alice);
    const id = created.case.id;
    expect((await bob.json(`/api/cases/${id}`)).status).toBe(403);
    expect((await bob.json(`/api/cases/${id}/ledger`)).status).toBe(403);
    expect((await bob.json(`/api/cases/${id}/outcome`, { method: 'POST', json: { decision: 'approved', reason: 'x' } })).status).toBe(403);
    expect((await bob.json('/api/cases')).body.cases.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await admin.json(`/api/cases/${id}`)).status).toBe(200);
    expect((await admin.json('/api/cases/case_doesnotexist')).status).toBe(404);
  });

  it('lets only an admin assign a case to someone else', async () => {
    const users = (await admin.json('/api/users')).body.users as Array<{ id: string; email: string }>;
    const bobId = users.find((u) => u.email === 'bob@example.test')!.id;
    expect((await alice.json('/api/cases', { method: 'POST', json: { title: 'x', assessorId: bobId } })).status).toBe(403);
    const res = await admin.json('/api/cases', { method: 'POST', json: { title: 'for bob', assessorId: bobId } });
    expect(res.status).toBe(201);
    expect((await bob.json(`/api/cases/${res.body.case.id}`)).status).toBe(200);
  });
});

describe('customer join token', () => {
  it('reaches its own case through the customer calls only', async () => {
    const { case: c, token } = await createCase(alice);
    const join = await h.client().json('/api/join', { headers: bearer(token) });
    expect(join.status).toBe(200);
    expect(join.body.case.id).toBe(c.id);
    expect(join.body.consented).toBe(false);
    // Assessor-only routes refuse it.
    expect((await h.client().json(`/api/cases/${c.id}`, { headers: bearer(token) })).status).toBe(401);
    expect((await h.client().json(`/api/cases/${c.id}/ledger`, { headers: bearer(token) })).status).toBe(401);
    expect((await h.client().json('/api/cases', { headers: bearer(token) })).status).toBe(401);
  });

  it('must consent before it gets a signalling credential', async () => {
    const { case: c, token } = await createCase(alice);
    expect((await h.client().json('/api/join/peer', { method: 'POST', headers: bearer(token) })).status).toBe(403);
    const bad = await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: false } });
    expect(bad.status).toBe(400);
    const ok = await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true, location: true } });
    expect(ok.body.consented).toBe(true);
    const cred = await h.client().json('/api/join/peer', { method: 'POST', headers: bearer(token) });
    expect(cred.status).toBe(200);
    expect(cred.body.path).toBe('/peerjs');
    expect(Buffer.from(cred.body.peerId, 'base64url').length).toBeGreaterThanOrEqual(16);
    const types = (await alice.json(`/api/cases/${c.id}/ledger`)).body.entries.map((e: { type: string }) => e.type);
    expect(types).toContain('customer.consented');
  });

  it('is refused for another case (403), when unknown (401), replaced (401) or expired (401)', async () => {
    const one = await createCase(alice);
    const two = await createCase(alice);
    const foreign = await h.client().json(`/api/cases/${two.case.id}/chat`, { method: 'POST', headers: bearer(one.token), json: { id: 'line-0001', text: 'hi' } });
    expect(foreign.status).toBe(403);
    const unknown = await h.client().json('/api/join', { headers: bearer('A'.repeat(43)) });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('invalid_token');
    await alice.json(`/api/cases/${one.case.id}/join-link`, { method: 'POST' });
    const replaced = await h.client().json('/api/join', { headers: bearer(one.token) });
    expect(replaced.body.error.code).toBe('token_revoked');
    const later = await startHarness({ SIGHTLINE_JOIN_LINK_HOURS: '1' });
    try {
      const a = later.client();
      await a.login();
      const created = (await a.json('/api/cases', { method: 'POST', json: { title: 'expiring' } })).body;
      later.advance(3600_000 + 1000);
      const expired = await later.client().json('/api/join', { headers: bearer(created.token) });
      expect(expired.status).toBe(401);
      expect(expired.body.error.code).toBe('token_expired');
    } finally {
      await later.close();
    }
  });
});

describe('signalling mount', () => {
  it('serves the PeerJS server inside the Express 5 app and admits a minted credential only', async () => {
    const { case: c, token } = await createCase(alice);
    await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true } });
    const cred = (await h.client().json('/api/join/peer', { method: 'POST', headers: bearer(token) })).body;
    const info = await fetch(`${h.base}/peerjs/`);
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ name: 'PeerJS Server' });
    const wsBase = h.base.replace('http', 'ws');
    const ws = new WebSocket(`${wsBase}/peerjs/peerjs?key=${cred.key}&id=${cred.peerId}&token=${cred.token}`);
    const open = await new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    expect(open).toMatchObject({ type: 'OPEN' });
    const live = (await alice.json(`/api/cases/${c.id}`)).body.case;
    expect(live).toMatchObject({ presence: 'waiting', customerPeerId: cred.peerId });
    ws.close();
    await expect.poll(async () => (await alice.json(`/api/cases/${c.id}`)).body.case.presence).toBe('offline');
    const types = (await alice.json(`/api/cases/${c.id}/ledger`)).body.entries.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['customer.joined', 'customer.left']));
    const refused = await firstMessage(`${wsBase}/peerjs/peerjs?key=peerjs&id=${cred.peerId}&token=forged`);
    expect(refused).not.toMatchObject({ type: 'OPEN' });
  });
});

function firstMessage(url: string): Promise<unknown> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    const done = (value: unknown) => {
      ws.terminate();
      resolve(value);
    };
    ws.on('message', (data) => done(JSON.parse(String(data))));
    ws.on('unexpected-response', (_req, res) => done({ status: res.statusCode }));
    ws.on('error', (err) => done({ error: err.message }));
  });
}

describe('calls and live events', () => {
  it('pushes case changes to the console over server-sent events and records early call failures', async () => {
    const { case: c, token } = await createCase(alice);
    const controller = new AbortController();
    const res = await alice.fetch('/api/events', { signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const seen: Array<{ type: string; case?: { id: string; presence: string }; call?: { earlyFailure: boolean } }> = [];
    const pump = (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += Buffer.from(value).toString('utf8');
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = frame.split('\n').find((l) => l.startsWith('data: '));
          if (data) seen.push(JSON.parse(data.slice(6)));
        }
      }
    })().catch(() => undefined);

    await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true } });
    const cred = (await h.client().json('/api/join/peer', { method: 'POST', headers: bearer(token) })).body;
    const ws = new WebSocket(`${h.base.replace('http', 'ws')}/peerjs/peerjs?key=${cred.key}&id=${cred.peerId}&token=${cred.token}`);
    await expect.poll(() => seen.some((e) => e.type === 'case' && e.case?.id === c.id && e.case.presence === 'waiting')).toBe(true);

    expect((await alice.json(`/api/cases/${c.id}/calls`, { method: 'POST', json: { callId: 'call-00000001', event: 'started' } })).status).toBe(200);
    const failed = await alice.json(`/api/cases/${c.id}/calls`, { method: 'POST', json: { callId: 'call-00000001', event: 'failed', detail: 'ICE failed' } });
    expect(failed.body).toMatchObject({ state: 'failed', earlyFailure: true, detail: 'ICE failed' });
    await expect.poll(() => seen.some((e) => e.type === 'call' && e.call?.earlyFailure === true)).toBe(true);
    const late = await alice.json(`/api/cases/${c.id}/calls`, { method: 'POST', json: { callId: 'call-00000001', event: 'connected' } });
    expect(late.status).toBe(409);
    expect((await bob.json(`/api/cases/${c.id}/calls`, { method: 'POST', json: { callId: 'call-00000002', event: 'started' } })).status).toBe(403);

    ws.close();
    controller.abort();
    await pump;
  });
});
