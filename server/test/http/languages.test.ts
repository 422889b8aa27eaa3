// Languages on the server (issue 16): the case's language chosen at creation, the customer's page
// language recorded from the join token and shown live to the console, and a chat line's language.
import { describe, expect, it } from 'vitest';
import { useAdminHarness } from '../support/admin-harness.ts';
import { eventsDuring } from './events.ts';
import { bearer, type Client, type Harness } from './harness.ts';

describe('languages', () => {
  let h: Harness;
  let admin: Client;
  useAdminHarness((server) => ({ h, admin } = server));

  const createCase = (json: Record<string, unknown>) => admin.json('/api/cases', { method: 'POST', json: { kind: 'damage', title: 'Scratched door', ...json } });
  const ledgerOf = async (caseId: string) => (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries as Array<{ type: string; payload: Record<string, unknown> }>;

  it('a case created in a supported language keeps it: case view, join view, case.created entry (the tag spelt as the pages spell it)', async () => {
    const created = await createCase({ language: 'zh-cn' });
    expect(created.status).toBe(201);
    expect(created.body.case).toMatchObject({ language: 'zh-CN', customerLanguage: null });
    const caseId = created.body.case.id as string;
    expect((await admin.json(`/api/cases/${caseId}`)).body.case).toMatchObject({ language: 'zh-CN', customerLanguage: null });
    expect((await h.client().json('/api/join', { headers: bearer(created.body.token) })).body.case.language).toBe('zh-CN');
    expect((await ledgerOf(caseId)).find((e) => e.type === 'case.created')!.payload.language).toBe('zh-CN');
  });

  it('a case without a language has none (the customer’s browser decides), and its entry names none', async () => {
    const created = await createCase({});
    expect(created.body.case).toMatchObject({ language: null, customerLanguage: null });
    expect((await h.client().json('/api/join', { headers: bearer(created.body.token) })).body.case.language).toBeNull();
    expect((await ledgerOf(created.body.case.id)).find((e) => e.type === 'case.created')!.payload).not.toHaveProperty('language');
  });

  it('a case opened from a Chinese intake is in Chinese: its join view and case.created entry say so, so its link opens in Chinese', async () => {
    const arrived = await h.client().json('/api/intake', { method: 'POST', json: { service: 'claim', intent: '车门被划了', language: 'zh-CN' } });
    expect(arrived.status).toBe(201);
    const caseId = arrived.body.caseId as string;
    expect((await h.client().json('/api/join', { headers: bearer(arrived.body.joinToken) })).body.case.language).toBe('zh-CN');
    expect((await admin.json(`/api/cases/${caseId}`)).body.case).toMatchObject({ language: 'zh-CN', customerLanguage: 'zh-CN' });
    expect((await ledgerOf(caseId)).find((e) => e.type === 'case.created')!.payload.language).toBe('zh-CN');
    // Without one, the customer's browser decides, as for a case an assessor opens without a language.
    const plain = await h.client().json('/api/intake', { method: 'POST', json: { service: 'claim', intent: 'Scratched door' } });
    expect((await h.client().json('/api/join', { headers: bearer(plain.body.joinToken) })).body.case.language).toBeNull();
  });

  it('refuses a language the pages do not speak, or not a language tag, naming the field; no case is made', async () => {
    const before = (await admin.json('/api/cases')).body.length;
    for (const language of ['fr', 'zh-TW', 'english please', '', 42]) {
      const res = await createCase({ language });
      expect(res.status, String(language)).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
      expect(res.body.error.message).toMatch(/language/);
    }
    expect((await createCase({ language: 'fr' })).body.error.message).toContain('en, zh-CN');
    expect((await admin.json('/api/cases')).body.length).toBe(before);
  });

  it('POST /api/join/language records the customer’s page language, tells the console live, is idempotent, and is no ledger entry', async () => {
    const created = await createCase({});
    const caseId = created.body.case.id as string;
    const token = created.body.token as string;
    const entriesBefore = (await ledgerOf(caseId)).length;
    const seen = await eventsDuring(
      admin,
      async () => expect((await h.client().fetch('/api/join/language', { method: 'POST', headers: bearer(token), json: { language: 'zh-CN' } })).status).toBe(204),
      (events) => events.some((e) => e.type === 'case' && e.case.id === caseId && e.case.customerLanguage === 'zh-CN'),
    );
    expect(seen.some((e) => e.type === 'case' && e.case.customerLanguage === 'zh-CN')).toBe(true);
    expect((await admin.json(`/api/cases/${caseId}`)).body.case.customerLanguage).toBe('zh-CN');
    expect((await h.client().fetch('/api/join/language', { method: 'POST', headers: bearer(token), json: { language: 'zh-CN' } })).status).toBe(204);
    expect((await h.client().fetch('/api/join/language', { method: 'POST', headers: bearer(token), json: { language: 'en' } })).status).toBe(204);
    expect((await admin.json(`/api/cases/${caseId}`)).body.case.customerLanguage).toBe('en');
    // A display preference, not a fact of the case; the case's own language is untouched.
    expect((await ledgerOf(caseId)).length).toBe(entriesBefore);
    expect((await admin.json(`/api/cases/${caseId}`)).body.case.language).toBeNull();
  });

  it('POST /api/join/language refuses an unsupported or malformed language (400 naming the field) and a request without a join token (401); nothing changes', async () => {
    const created = await createCase({});
    const token = created.body.token as string;
    for (const json of [{ language: 'fr' }, { language: 'not a tag' }, {}, { language: ['en'] }]) {
      const res = await h.client().json('/api/join/language', { method: 'POST', headers: bearer(token), json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body.error.message).toMatch(/language/);
    }
    expect((await h.client().fetch('/api/join/language', { method: 'POST', json: { language: 'en' } })).status).toBe(401);
    expect((await h.client().fetch('/api/join/language', { method: 'POST', headers: bearer('not-a-real-token'), json: { language: 'en' } })).status).toBe(401);
    expect((await admin.json('/api/join/language', { method: 'POST', json: { language: 'en' } })).status).toBe(401);
    expect((await admin.json(`/api/cases/${created.body.case.id}`)).body.case.customerLanguage).toBeNull();
  });

  it('a chat line keeps its writer’s language: the answer, the console’s event, the case’s chat, the ledger; a retry keeps it; a bad one is refused', async () => {
    const created = await createCase({ language: 'zh-CN' });
    const caseId = created.body.case.id as string;
    const token = created.body.token as string;
    expect((await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true, location: false } })).status).toBe(200);
    const line = { id: 'line-zh-0001', text: '车门有划痕', language: 'zh-CN' };
    const seen = await eventsDuring(
      admin,
      async () => expect((await h.client().json(`/api/cases/${caseId}/chat`, { method: 'POST', headers: bearer(token), json: line })).body.language).toBe('zh-CN'),
      (events) => events.some((e) => e.type === 'chat' && e.line.id === line.id),
    );
    expect(seen.find((e) => e.type === 'chat')).toMatchObject({ line: { id: line.id, language: 'zh-CN' } });
    expect((await h.client().json(`/api/cases/${caseId}/chat`, { method: 'POST', headers: bearer(token), json: line })).body.language).toBe('zh-CN');
    expect((await admin.json(`/api/cases/${caseId}/chat`, { method: 'POST', json: { id: 'line-en-0001', text: 'Thanks, I see it.', language: 'en' } })).body.language).toBe('en');
    expect((await admin.json(`/api/cases/${caseId}/chat`, { method: 'POST', json: { id: 'line-none-01', text: 'No language said.' } })).body).not.toHaveProperty('language');
    const chat = (await admin.json(`/api/cases/${caseId}`)).body.chat as Array<{ id: string; language?: string }>;
    expect(chat.map((l) => [l.id, l.language])).toEqual([['line-zh-0001', 'zh-CN'], ['line-en-0001', 'en'], ['line-none-01', undefined]]);
    expect((await ledgerOf(caseId)).filter((e) => e.type === 'chat.line').map((e) => e.payload.language)).toEqual(['zh-CN', 'en', undefined]);
    const bad = await h.client().json(`/api/cases/${caseId}/chat`, { method: 'POST', headers: bearer(token), json: { id: 'line-fr-0001', text: 'Bonjour', language: 'fr' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/language/);
    expect((await admin.json(`/api/cases/${caseId}`)).body.chat).toHaveLength(3);
  });
});
