// Writes under the session cookie come only from the server's own pages. SameSite=Strict keeps the
// cookie off other sites' requests, but a page on another port of the same host is the same site and
// gets it; so a hostile page's write is refused by its Origin and Sec-Fetch-Site headers — sent here as
// a browser would send them, over real HTTP. Customers' Bearer calls and header-less clients still work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startHarness, type Client, type Harness } from '../http/harness.ts';

const PUBLIC_URL = 'https://sightline.example.test';
const ALICE = { email: 'alice@example.test', name: 'Alice', password: 'alice long password' };

let h: Harness;
let alice: Client;
let httpsOrigin: string;

beforeAll(async () => {
  h = await startHarness({ HTTPS_PORT: '0', SIGHTLINE_PUBLIC_URL: PUBLIC_URL, SIGHTLINE_LOGIN_LIMIT_PER_15MIN: '100000' });
  httpsOrigin = h.server.httpsUrl!.replace('localhost', '127.0.0.1');
  const admin = h.client();
  await admin.login();
  expect((await admin.json('/api/users', { method: 'POST', json: { ...ALICE, role: 'assessor' } })).status).toBe(201);
  alice = h.client();
  await alice.login(ALICE.email, ALICE.password);
});

afterAll(async () => {
  await h?.close();
});

const caseCount = async (): Promise<number> => (await alice.json('/api/cases')).body.cases.length;
const createCase = (headers: Record<string, string>) => alice.json('/api/cases', { method: 'POST', headers, json: { title: 'From a page' } });
const otherPort = (): string => `http://127.0.0.1:${Number(new URL(h.base).port) + 1}`;

describe('a cookie-authenticated write from another origin is refused', () => {
  const hostile: Array<[string, () => Record<string, string>]> = [
    ['a page on another port of the same host', () => ({ origin: otherPort(), 'sec-fetch-site': 'same-site' })],
    ['a page on another port, from a browser without Fetch Metadata', () => ({ origin: otherPort() })],
    ['the same port under another host name', () => ({ origin: h.base.replace('127.0.0.1', 'localhost') })],
    ['another site', () => ({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })],
    ['an opaque origin (sandboxed frame, data: URL)', () => ({ origin: 'null' })],
    ['Sec-Fetch-Site same-site without an Origin', () => ({ 'sec-fetch-site': 'same-site' })],
    ['Sec-Fetch-Site cross-site beside our own Origin', () => ({ origin: h.base, 'sec-fetch-site': 'cross-site' })],
  ];

  it.each(hostile)('%s: 403 with the reason, nothing created', async (_name, headers) => {
    const before = await caseCount();
    const res = await createCase(headers());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('cross_origin_write');
    expect(res.body.error.message).toMatch(/another site|not of this server/);
    expect(await caseCount()).toBe(before);
  });

  it('refuses a hostile logout (the session lives on) and a hostile login (no session is set)', async () => {
    const logout = await alice.fetch('/api/auth/logout', { method: 'POST', headers: { origin: otherPort() } });
    expect(logout.status).toBe(403);
    expect((await alice.json('/api/me')).status).toBe(200);
    const login = await h.client().fetch('/api/auth/login', {
      method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ email: ALICE.email, password: ALICE.password }),
    });
    expect(login.status).toBe(403);
    expect(login.headers.get('set-cookie')).toBeNull();
  });
});

describe('the server\'s own pages, customers and non-browser clients keep working', () => {
  it.each<[string, () => Record<string, string>]>([
    ['a page of this listener', () => ({ origin: h.base, 'sec-fetch-site': 'same-origin' })],
    ['a page of the server\'s https listener', () => ({ origin: httpsOrigin })],
    ['a page under SIGHTLINE_PUBLIC_URL', () => ({ origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' })],
    ['a client that sends neither header (curl, scripts)', () => ({})],
  ])('%s: created', async (_name, headers) => {
    expect((await createCase(headers())).status).toBe(201);
  });

  it('takes a customer\'s Bearer write whatever page sent it: a join token is no ambient authority', async () => {
    const created = await createCase({});
    const res = await h.client().json(`/api/cases/${created.body.case.id}/chat`, {
      method: 'POST', headers: { ...bearer(created.body.token), origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      json: { id: 'line-0001', text: 'from the customer' },
    });
    expect(res.status).toBe(201);
  });

  it('answers reads as before (the browser keeps another origin from reading them)', async () => {
    expect((await alice.json('/api/cases', { headers: { origin: otherPort(), 'sec-fetch-site': 'same-site' } })).status).toBe(200);
  });
});
