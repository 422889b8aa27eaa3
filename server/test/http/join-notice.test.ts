// The consent screen's notice in the join view: the organisation, the case's assessor by name, how
// long the files are kept and the privacy notice, as the operator configured them (or null).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { bearer, startHarness, type Client, type Harness } from './harness.ts';

async function caseFor(admin: Client): Promise<string> {
  const users = await admin.json('/api/users', { method: 'POST', json: { email: 'noor@example.test', name: 'Noor Assessor', password: 'a long password 1', role: 'assessor' } });
  expect(users.status).toBe(201);
  const created = await admin.json('/api/cases', { method: 'POST', json: { kind: 'damage', title: 'Storm damage, fence', customerName: 'Dana', assessorId: users.body.user.id } });
  expect(created.status).toBe(201);
  return created.body.token as string;
}

describe('join notice, configured', () => {
  let h: Harness;
  let token = '';
  beforeAll(async () => {
    h = await startHarness({ SIGHTLINE_ORGANISATION: 'Harbour Mutual', SIGHTLINE_RETENTION_DAYS: '365', SIGHTLINE_PRIVACY_URL: 'https://harbour.example/privacy' });
    const admin = h.client();
    await admin.login();
    token = await caseFor(admin);
  });
  afterAll(() => h.close());

  it('names the organisation, the assessor, the retention and the privacy notice, before and after consent', async () => {
    const notice = { organisation: 'Harbour Mutual', assessorName: 'Noor Assessor', retentionDays: 365, privacyUrl: 'https://harbour.example/privacy' };
    expect((await h.client().json('/api/join', { headers: bearer(token) })).body.notice).toEqual(notice);
    const consented = await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true, location: false } });
    expect(consented.body.notice).toEqual(notice);
  });
});

describe('join notice, not configured', () => {
  let h: Harness;
  let token = '';
  beforeAll(async () => {
    h = await startHarness();
    const admin = h.client();
    await admin.login();
    token = await caseFor(admin);
  });
  afterAll(() => h.close());

  it('still names the assessor; the rest is null (no privacy link is shown)', async () => {
    const join = await h.client().json('/api/join', { headers: bearer(token) });
    expect(join.body.notice).toEqual({ organisation: null, assessorName: 'Noor Assessor', retentionDays: null, privacyUrl: null });
  });
});

describe('join notice configuration', () => {
  const base = { PORT: '0', HTTPS_PORT: 'off' };
  it('refuses a privacy URL that is not http(s) and a retention that is not a positive number of days', () => {
    expect(() => loadConfig({ ...base, SIGHTLINE_PRIVACY_URL: 'javascript:alert(1)' })).toThrow(/SIGHTLINE_PRIVACY_URL/);
    expect(() => loadConfig({ ...base, SIGHTLINE_RETENTION_DAYS: '0' })).toThrow(/SIGHTLINE_RETENTION_DAYS/);
    expect(() => loadConfig({ ...base, SIGHTLINE_RETENTION_DAYS: 'a year' })).toThrow(/SIGHTLINE_RETENTION_DAYS/);
  });
});
