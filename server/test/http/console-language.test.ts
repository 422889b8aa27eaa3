// Each staff user's console language (issue 16): PUT /api/me/language sets the caller's own, GET /api/me
// reads it back, null follows the browser again; any staff role may, nobody else, and only a language
// the pages speak.
import { describe, expect, it } from 'vitest';
import { useAdminHarness } from '../support/admin-harness.ts';
import { newUser, type Client, type Harness } from './harness.ts';

describe('console language', () => {
  let h: Harness;
  let admin: Client;
  useAdminHarness((server) => ({ h, admin } = server));

  const setLanguage = (client: Client, language: unknown) => client.json('/api/me/language', { method: 'PUT', json: { language } });

  it('a new user has none (the browser decides); setting one answers with the updated me and survives a new session', async () => {
    const assessor = await newUser(h, admin, 'assessor');
    const before = await assessor.client.json('/api/me');
    expect(before.body).toMatchObject({ user: { id: assessor.id }, language: null, linkChannels: { email: false, sms: false } });

    const set = await setLanguage(assessor.client, 'zh-cn');
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ user: { id: assessor.id, role: 'assessor' }, language: 'zh-CN', linkChannels: { email: false, sms: false } });

    const again = h.client();
    await again.login(assessor.email, 'a long enough password');
    expect((await again.json('/api/me')).body.language).toBe('zh-CN');
  });

  it('null goes back to the browser’s language; setting the same language twice changes nothing', async () => {
    const assessor = await newUser(h, admin, 'assessor');
    expect((await setLanguage(assessor.client, 'en')).body.language).toBe('en');
    expect((await setLanguage(assessor.client, 'en')).body.language).toBe('en');
    expect((await setLanguage(assessor.client, null)).body.language).toBeNull();
    expect((await assessor.client.json('/api/me')).body.language).toBeNull();
  });

  it('each user has their own: one user’s choice is not another’s', async () => {
    const first = await newUser(h, admin, 'supervisor');
    const second = await newUser(h, admin, 'expert');
    expect((await setLanguage(first.client, 'zh-CN')).status).toBe(200);
    expect((await setLanguage(second.client, 'en')).status).toBe(200);
    expect((await first.client.json('/api/me')).body.language).toBe('zh-CN');
    expect((await second.client.json('/api/me')).body.language).toBe('en');
    expect((await admin.json('/api/me')).body.language).toBeNull();
  });

  it('refuses a language the pages do not speak, not a tag, or no language at all, naming the field; the setting stays', async () => {
    const assessor = await newUser(h, admin, 'assessor');
    await setLanguage(assessor.client, 'zh-CN');
    for (const language of ['fr', 'zh-TW', 'english please', '', 42, undefined]) {
      const res = await setLanguage(assessor.client, language);
      expect(res.status, String(language)).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
      expect(res.body.error.message).toMatch(/language/);
    }
    expect((await setLanguage(assessor.client, 'fr')).body.error.message).toContain('en, zh-CN');
    expect((await assessor.client.json('/api/me')).body.language).toBe('zh-CN');
  });

  it('without a session: 401, nothing set', async () => {
    const res = await setLanguage(h.client(), 'zh-CN');
    expect(res.status).toBe(401);
  });
});
