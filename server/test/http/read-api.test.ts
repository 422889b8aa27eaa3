// The REST read API over real HTTP: API keys made, listed and revoked by an admin, hashed at rest;
// /api/v1 reached only with a key of the right scope (never a cookie or a join token), and a key
// reaching nothing else; answers parsed with the same zod schemas the OpenAPI document is built from.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ApiCase, ApiCasePage, ApiEvidenceList, ApiKeyCreated, ApiKeyList, ApiLedger, ApiOfferList, ApiOutcomeList, type ApiKeyScope } from '../../../protocol/read-api.ts';
import { flatJpeg } from '../evidence/fixtures.ts';
import { bearer, newUser, startHarness, type Client, type Harness } from './harness.ts';

const LIMIT_PER_MIN = 60;
let h: Harness;
let admin: Client;
let assessor: Client;
let caseId: string;
let allScopes: string;
const REFERENCE = 'CLM-2026-0042';

const makeKey = async (scopes: ApiKeyScope[], name = 'Claims system'): Promise<{ id: string; key: string }> => {
  const res = await admin.json('/api/admin/api-keys', { method: 'POST', json: { name, scopes } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const created = ApiKeyCreated.parse(res.body);
  return { id: created.apiKey.id, key: created.key };
};

/** A GET with `key`, its body parsed with `schema` and checked to carry nothing the schema does not describe. */
async function read<S extends z.ZodType>(key: string, pathname: string, schema: S): Promise<z.output<S>> {
  const res = await h.client().json(pathname, { headers: bearer(key) });
  expect(res.status, `${pathname}: ${JSON.stringify(res.body)}`).toBe(200);
  const parsed = schema.parse(res.body);
  expect(parsed).toEqual(res.body);
  return parsed;
}

const get = (pathname: string, headers: Record<string, string> = {}) => h.client().json(pathname, { headers });

/** Every value of every table, as text: the SQLite file and its WAL, or each PostgreSQL table as JSON. */
async function everythingStored(): Promise<string> {
  if (!h.databaseUrl) {
    return ['sightline.db', 'sightline.db-wal'].map((f) => path.join(h.dataDir, f)).filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1')).join('\n');
  }
  const client = new pg.Client({ connectionString: h.databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    const dumps: string[] = [];
    for (const t of tables.rows) dumps.push(JSON.stringify((await client.query(`SELECT * FROM "${t.table_name}"`)).rows));
    return dumps.join('\n');
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  h = await startHarness({ SIGHTLINE_API_LIMIT_PER_MIN: String(LIMIT_PER_MIN), SIGHTLINE_LOGIN_LIMIT_PER_15MIN: '1000' });
  admin = h.client();
  await admin.login();
  assessor = (await newUser(h, admin, 'assessor')).client;
  const created = await assessor.json('/api/cases', { method: 'POST', json: { title: 'Hail on the bonnet', reference: REFERENCE, customerName: 'Dana Ruiz' } });
  expect(created.status).toBe(201);
  caseId = created.body.case.id;
  const form = new FormData();
  form.set('source', 'device-still');
  form.set('deviceTime', new Date().toISOString());
  form.set('latitude', '51.5');
  form.set('longitude', '-0.12');
  form.set('accuracy', '8');
  form.set('file', new Blob([new Uint8Array(await flatJpeg(64, 48, '#336699'))], { type: 'image/jpeg' }), 'photo.jpg');
  expect((await assessor.fetch(`/api/cases/${caseId}/evidence`, { method: 'POST', body: form })).status).toBe(201);
  expect((await assessor.json(`/api/cases/${caseId}/outcome`, { method: 'POST', json: { decision: 'approved', reason: 'Hail damage as described' } })).status).toBe(201);
  // An offer without an identity check first (the organisation's choice here), so the case has one to read.
  expect((await admin.json('/api/admin/settings', { method: 'PUT', json: { offerRequiresIdentity: false } })).status).toBe(200);
  const offer = await assessor.json(`/api/cases/${caseId}/offers`, { method: 'POST', json: { amount: 850, currency: 'EUR', items: [{ description: 'Bonnet', amount: 850 }], conditions: 'Paid within 5 days', expiresAt: new Date(Date.now() + 86_400_000).toISOString() } });
  expect(offer.status, JSON.stringify(offer.body)).toBe(201);
  allScopes = (await makeKey(['cases:read', 'outcomes:read', 'evidence:read', 'offers:read', 'ledger:read'])).key;
});

afterAll(async () => {
  await h.close();
});

describe('API keys (admin)', () => {
  it('shows a key once, lists it by prefix only, and stores only its SHA-256', async () => {
    const { id, key } = await makeKey(['cases:read'], 'Booking system');
    expect(key).toMatch(/^slk_[A-Za-z0-9]{8}_[A-Za-z0-9]{43}$/);
    const listed = await admin.json('/api/admin/api-keys');
    expect(listed.status).toBe(200);
    const list = ApiKeyList.parse(listed.body);
    const mine = list.apiKeys.find((k) => k.id === id)!;
    expect(mine).toMatchObject({ name: 'Booking system', prefix: key.slice(4, 12), scopes: ['cases:read'], lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain(key.slice(13));
    const stored = await everythingStored();
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(key.slice(13));
    expect(stored).toContain(key.slice(4, 12));
  });

  it('refuses bad input with 400 naming the field, and a revoke of no key with 404', async () => {
    for (const json of [{ name: '', scopes: ['cases:read'] }, { name: 'x', scopes: [] }, { name: 'x', scopes: ['cases:write'] }, { name: 'x', scopes: ['cases:read', 'cases:read'] }, { name: 'x' }, { scopes: ['cases:read'] }, { name: 'x'.repeat(121), scopes: ['cases:read'] }, { name: 'x', scopes: 'cases:read' }]) {
      const res = await admin.json('/api/admin/api-keys', { method: 'POST', json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
    const missing = await admin.json('/api/admin/api-keys/key_missing', { method: 'DELETE' });
    expect(missing.status).toBe(404);
  });

  it('is for admins only', async () => {
    expect((await assessor.json('/api/admin/api-keys')).status).toBe(403);
    expect((await assessor.json('/api/admin/api-keys', { method: 'POST', json: { name: 'x', scopes: ['cases:read'] } })).status).toBe(403);
    expect((await get('/api/admin/api-keys')).status).toBe(401);
    // A key cannot manage keys either.
    const withKey = await get('/api/admin/api-keys', bearer(allScopes));
    expect(withKey.status).toBe(401);
    expect(withKey.body.error.code).toBe('api_key_not_accepted');
  });

  it('refuses a revoked key at once, and revoking again changes nothing', async () => {
    const { id, key } = await makeKey(['cases:read']);
    expect((await get(`/api/v1/cases/${caseId}`, bearer(key))).status).toBe(200);
    const revoked = await admin.json(`/api/admin/api-keys/${id}`, { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.apiKey.revokedAt).toEqual(expect.any(String));
    const after = await get(`/api/v1/cases/${caseId}`, bearer(key));
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('api_key_revoked');
    const again = await admin.json(`/api/admin/api-keys/${id}`, { method: 'DELETE' });
    expect(again.body.apiKey.revokedAt).toBe(revoked.body.apiKey.revokedAt);
  });

  it('stamps the last use at most once a minute', async () => {
    const { id, key } = await makeKey(['cases:read']);
    const lastUsed = async () => ApiKeyList.parse((await admin.json('/api/admin/api-keys')).body).apiKeys.find((k) => k.id === id)!.lastUsedAt;
    await get(`/api/v1/cases/${caseId}`, bearer(key));
    const first = await lastUsed();
    expect(first).toEqual(expect.any(String));
    h.advance(30_000);
    await get(`/api/v1/cases/${caseId}`, bearer(key));
    expect(await lastUsed()).toBe(first);
    h.advance(31_000);
    await get(`/api/v1/cases/${caseId}`, bearer(key));
    expect(Date.parse((await lastUsed())!)).toBeGreaterThan(Date.parse(first!));
  });
});

describe('the read API', () => {
  it('finds a case by its reference and answers it, its outcomes, evidence metadata and ledger', async () => {
    const page = await read(allScopes, `/api/v1/cases?reference=${encodeURIComponent(REFERENCE)}`, ApiCasePage);
    expect(page.cases.map((c) => c.id)).toEqual([caseId]);
    expect(page.nextCursor).toBeNull();
    const one = await read(allScopes, `/api/v1/cases/${caseId}`, ApiCase);
    expect(one).toMatchObject({ id: caseId, reference: REFERENCE, customerName: 'Dana Ruiz', decision: 'approved', evidenceCount: 1, kind: 'damage' });
    const outcomes = await read(allScopes, `/api/v1/cases/${caseId}/outcomes`, ApiOutcomeList);
    expect(outcomes.outcomes.map((o) => o.decision)).toEqual(['approved']);
    const evidence = await read(allScopes, `/api/v1/cases/${caseId}/evidence`, ApiEvidenceList);
    expect(evidence.evidence).toHaveLength(1);
    expect(evidence.evidence[0]).toMatchObject({ source: 'device-still', purpose: null, mime: 'image/jpeg', width: 64, height: 48, location: { latitude: 51.5, longitude: -0.12, accuracy: 8 }, superseded: null });
    expect(evidence.evidence[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(evidence)).not.toMatch(/originalUrl|previewUrl|thumbnailUrl/);
    const offers = await read(allScopes, `/api/v1/cases/${caseId}/offers`, ApiOfferList);
    expect(offers.offers).toHaveLength(1);
    expect(offers.offers[0]).toMatchObject({ amount: 850, currency: 'EUR', state: 'open', receiptCode: null });
    expect(offers.offers[0]).not.toHaveProperty('codeSentTo');
    const ledger = await read(allScopes, `/api/v1/cases/${caseId}/ledger`, ApiLedger);
    expect(ledger.entries.at(-1)).toMatchObject({ seq: one.ledgerHead!.seq, hash: one.ledgerHead!.hash });
    expect(ledger.entries.find((e) => e.type === 'evidence.added')!.seq).toBe(evidence.evidence[0]!.ledgerSeq);
    expect(one.updatedAt).toBe(ledger.entries.at(-1)!.at);
  });

  it('answers an unknown reference with no cases and an unknown case with 404', async () => {
    expect((await read(allScopes, '/api/v1/cases?reference=NOPE-1', ApiCasePage)).cases).toEqual([]);
    for (const suffix of ['', '/outcomes', '/evidence', '/offers', '/ledger']) {
      const res = await get(`/api/v1/cases/case_missing${suffix}`, bearer(allScopes));
      expect(res.status, suffix).toBe(404);
    }
  });

  it('pages every case in order of its last change, and from a point in time', async () => {
    const since = new Date(Date.now() + 3_600_000).toISOString();
    h.advance(3_600_000 + 1000);
    const made: string[] = [];
    for (const title of ['Page one', 'Page two', 'Page three']) {
      made.push((await assessor.json('/api/cases', { method: 'POST', json: { title } })).body.case.id);
      h.advance(1000);
    }
    // A change moves a case to the end: the first one made is changed last.
    expect((await assessor.json(`/api/cases/${made[0]}`, { method: 'PATCH', json: { reference: 'CLM-MOVED' } })).status).toBe(200);
    const first = await read(allScopes, `/api/v1/cases?updatedSince=${encodeURIComponent(since)}&limit=2`, ApiCasePage);
    expect(first.cases.map((c) => c.id)).toEqual([made[1], made[2]]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await read(allScopes, `/api/v1/cases?updatedSince=${encodeURIComponent(since)}&limit=2&cursor=${first.nextCursor}`, ApiCasePage);
    expect(second.cases.map((c) => c.id)).toEqual([made[0]]);
    expect(second.nextCursor).toBeNull();
    // Without a filter, every case, each once, in order.
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: z.output<typeof ApiCasePage> = await read(allScopes, `/api/v1/cases?limit=1${cursor ? `&cursor=${cursor}` : ''}`, ApiCasePage);
      all.push(...page.cases.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining([caseId, ...made]));
    expect(all.slice(-3)).toEqual([made[1], made[2], made[0]]);
  });

  it('refuses bad query parameters with 400', async () => {
    for (const query of ['limit=0', 'limit=201', 'limit=abc', 'updatedSince=yesterday', 'cursor=not%20a%20cursor', 'cursor=abc', `reference=${'x'.repeat(65)}`, 'reference=']) {
      const res = await get(`/api/v1/cases?${query}`, bearer(allScopes));
      expect(res.status, query).toBe(400);
      expect(res.body.error.message, query).toEqual(expect.any(String));
    }
  });
});

describe('who may read /api/v1', () => {
  it('refuses a key without the route\'s scope with 403 naming the scope', async () => {
    const { key } = await makeKey(['cases:read']);
    expect((await get(`/api/v1/cases/${caseId}`, bearer(key))).status).toBe(200);
    for (const [suffix, scope] of [['/outcomes', 'outcomes:read'], ['/evidence', 'evidence:read'], ['/offers', 'offers:read'], ['/ledger', 'ledger:read']] as const) {
      const res = await get(`/api/v1/cases/${caseId}${suffix}`, bearer(key));
      expect(res.status, suffix).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'insufficient_scope' });
      expect(res.body.error.message).toContain(scope);
    }
    const evidenceOnly = (await makeKey(['evidence:read'])).key;
    const noCases = await get('/api/v1/cases', bearer(evidenceOnly));
    expect(noCases.status).toBe(403);
    expect(noCases.body.error.message).toContain('cases:read');
  });

  it('refuses unknown and malformed keys with 401', async () => {
    const wrongSecret = allScopes.slice(0, -4) + (allScopes.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const unknownPrefix = `slk_ZZZZZZZZ_${allScopes.slice(13)}`;
    for (const authorization of [`Bearer ${wrongSecret}`, `Bearer ${unknownPrefix}`, `Bearer ${allScopes.slice(0, -1)}`, 'Bearer slk_', `Basic ${allScopes}`, allScopes, 'Bearer', `Bearer ${allScopes} extra`]) {
      const res = await get('/api/v1/cases', { authorization });
      expect(res.status, authorization).toBe(401);
      expect(res.body.error.code, authorization).toMatch(/^(invalid_api_key|api_key_required)$/);
    }
  });

  it('refuses a session cookie with 401 saying a key is needed, and a join token too', async () => {
    const cookie = await admin.json(`/api/v1/cases/${caseId}`);
    expect(cookie.status).toBe(401);
    expect(cookie.body.error.code).toBe('api_key_required');
    expect(cookie.body.error.message).toContain('not a session cookie');
    const created = await assessor.json('/api/cases', { method: 'POST', json: { title: 'Token case' } });
    const token = await get(`/api/v1/cases/${created.body.case.id}`, bearer(created.body.token));
    expect(token.status).toBe(401);
    expect(token.body.error.code).toBe('invalid_api_key');
    expect((await get('/api/v1/cases')).status).toBe(401);
  });

  it('never accepts a key on a console or customer route', async () => {
    for (const pathname of ['/api/cases', `/api/cases/${caseId}`, `/api/cases/${caseId}/ledger`, '/api/me', '/api/join', '/api/users']) {
      const res = await get(pathname, bearer(allScopes));
      expect(res.status, pathname).toBe(401);
      expect(res.body.error.code, pathname).toBe('api_key_not_accepted');
    }
    const write = await h.client().json('/api/cases', { method: 'POST', headers: bearer(allScopes), json: { title: 'By key' } });
    expect(write.status).toBe(401);
  });

  it('limits each key to its requests a minute, with Retry-After; another key is not held back', async () => {
    const { key } = await makeKey(['cases:read']);
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT_PER_MIN + 2; i++) statuses.push((await get(`/api/v1/cases/${caseId}`, bearer(key))).status);
    expect(statuses.slice(0, LIMIT_PER_MIN).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(LIMIT_PER_MIN)).toEqual([429, 429]);
    const limited = await h.client().fetch(`/api/v1/cases/${caseId}`, { headers: bearer(key) });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('too_many_requests');
    const other = (await makeKey(['cases:read'])).key;
    expect((await get(`/api/v1/cases/${caseId}`, bearer(other))).status).toBe(200);
  });
});
