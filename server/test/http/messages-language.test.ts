// The customer's language over real HTTP (issue 16): a case in Simplified Chinese gets its join link, its
// one-time codes (front door, identity check, settlement offer) and its receipt in Chinese, by a real SMS
// webhook and a real SMTP server on loopback; the customer page's own language, once it says, wins; the
// front door's intake carries the page's language (the agent answers in it, the case keeps it); the
// checklist's titles reach the customer in it (or in the language their page asks for) while the console
// reads the templates' English.
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';
import { startSmsReceiver, startSmtpReceiver, type SmsReceiver, type SmtpReceiver } from '../links/receivers.ts';
import { bearer, startHarness, type Client, type Harness } from './harness.ts';

let h: Harness;
let admin: Client;
let sms: SmsReceiver;
let smtp: SmtpReceiver;

beforeAll(async () => {
  sms = await startSmsReceiver();
  smtp = await startSmtpReceiver({ user: 'mailer', pass: 'secret' });
});
afterAll(async () => {
  await sms.close();
  await smtp.close();
});
beforeEach(async () => {
  sms.messages.length = 0;
  smtp.mails.length = 0;
  h = await startHarness({
    SIGHTLINE_SMS_WEBHOOK_URL: sms.url,
    SIGHTLINE_SMTP_URL: `smtp://mailer:secret@127.0.0.1:${smtp.port}`,
    SIGHTLINE_MAIL_FROM: 'Acme <claims@acme.test>',
    SIGHTLINE_ORGANISATION: 'Acme',
  });
  admin = h.client();
  await admin.login();
});
afterEach(() => h?.close());

const DAY = 86_400_000;
const customer = (token: string, pathname: string, method = 'GET', json?: unknown) => h.client().json(pathname, { method, headers: bearer(token), ...(json !== undefined ? { json } : {}) });
const lastSms = (): string => (sms.messages.at(-1)!.json as { body: string }).body;
const codeIn = (text: string): string => /(\d{6})/.exec(text)![1]!;

async function chineseCase(json: Record<string, unknown> = {}, phone = '+8613800138000'): Promise<{ caseId: string; token: string }> {
  const created = await admin.json('/api/cases', { method: 'POST', json: { kind: 'damage', title: '车库门被台风损坏', reference: 'CLM-8801', language: 'zh-CN', ...json } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await admin.json(`/api/cases/${created.body.case.id}/join-link/send`, { method: 'POST', json: { channel: 'sms', to: phone } })).status).toBe(201);
  return { caseId: created.body.case.id, token: created.body.token };
}

async function countRows(): Promise<Record<string, number>> {
  const db = h.databaseUrl ? await openDatabase({ kind: 'postgres', url: h.databaseUrl }) : await openDatabase(path.join(h.dataDir, 'sightline.db'));
  try {
    const count = async (table: 'cases' | 'intakes' | 'ledger_entries') => Number((await db.q().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { cases: await count('cases'), intakes: await count('intakes'), ledger: await count('ledger_entries') };
  } finally {
    await db.close();
  }
}

describe('join link', () => {
  it('a Chinese case’s link goes by SMS and by email in Chinese; once the page says English, English', async () => {
    const { caseId, token } = await chineseCase();
    expect(lastSms()).toMatch(/^【Acme】“车库门被台风损坏”视频通话链接：http:\/\/\S+\/j#\S+ ，\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（UTC）前有效$/);

    expect((await admin.json(`/api/cases/${caseId}/join-link/send`, { method: 'POST', json: { channel: 'email', to: 'dana@example.test' } })).status).toBe(201);
    const { raw } = smtp.mails.at(-1)!;
    expect(raw).toMatch(/^Content-Language: zh-CN\r?$/m);
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);

    expect((await h.client().fetch('/api/join/language', { method: 'POST', headers: bearer(token), json: { language: 'en' } })).status).toBe(204);
    expect((await admin.json(`/api/cases/${caseId}/join-link/send`, { method: 'POST', json: { channel: 'sms', to: '+8613800138000' } })).status).toBe(201);
    expect(lastSms()).toMatch(/^Acme: join the video call for “车库门被台风损坏”: http/);
  });

  it('a case with no language: English, as before', async () => {
    const created = await admin.json('/api/cases', { method: 'POST', json: { kind: 'damage', title: 'Dented bumper' } });
    expect((await admin.json(`/api/cases/${created.body.case.id}/join-link/send`, { method: 'POST', json: { channel: 'sms', to: '+447700900123' } })).status).toBe(201);
    expect(lastSms()).toMatch(/^Acme: join the video call for “Dented bumper”: http\S+ \(works until \d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC\)$/);
  });
});

describe('front door', () => {
  it('an intake from a Chinese page: the agent answers in Chinese, the case keeps the language, later answers too', async () => {
    const res = await h.client().json('/api/intake', { method: 'POST', json: { service: 'claim', intent: '理赔需要多长时间？', language: 'zh-CN', locale: 'zh-CN' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.answer).toMatchObject({ source: 'kb:how-long-a-claim-takes', handOff: 'none' });
    expect(res.body.answer.text).toMatch(/^理赔需要多长时间\n\n/);
    // The case is titled in the customer's language too: their page shows the title.
    expect((await admin.json(`/api/cases/${res.body.caseId}`)).body.case).toMatchObject({ customerLanguage: 'zh-CN', title: '新报案：理赔需要多长时间？' });

    const status = await customer(res.body.joinToken, '/api/join/agent', 'POST', { question: '我的理赔进度怎么样了？' });
    expect(status.status).toBe(200);
    expect(status.body.answer).toMatchObject({ source: 'rule:case-status', text: `您的案件${res.body.reference}当前状态：已受理。下一步：工作人员会接手您的案件；您也可以随时要求转人工。` });
    const unknown = await customer(res.body.joinToken, '/api/join/agent', 'POST', { question: '法国的首都是哪里' });
    expect(unknown.body.answer).toMatchObject({ source: 'none', handOff: 'needed', text: '这个问题我暂时无法回答，现在为您转接人工客服。' });
  });

  it('an intake without a language is answered in English; one the service does not speak, or not a tag, is 400 with nothing stored', async () => {
    const english = await h.client().json('/api/intake', { method: 'POST', json: { service: 'claim', intent: 'how long does a claim take?' } });
    expect(english.body.answer.text).toMatch(/^How long a claim takes\n\n/);
    expect((await admin.json(`/api/cases/${english.body.caseId}`)).body.case.title).toBe('New damage claim: how long does a claim take?');
    const before = await countRows();
    for (const [language, message] of [['fr', /language: "fr" is not a language this service speaks \(en, zh-CN\)/], ['zh_CN', /language: must be a BCP 47 language tag/]] as const) {
      const refused = await h.client().json('/api/intake', { method: 'POST', json: { service: 'claim', intent: '理赔需要多长时间？', language } });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('invalid_input');
      expect(refused.body.error.message).toMatch(message);
    }
    expect(await countRows()).toEqual(before);
  });

  it('the one-time code for an existing Chinese case goes in Chinese, and the intake it opens answers in Chinese', async () => {
    await chineseCase({ reference: 'CLM-8802' });
    const sent = sms.messages.length;
    expect((await h.client().json('/api/intake/code', { method: 'POST', json: { reference: 'CLM-8802' } })).status).toBe(202);
    await expect.poll(() => sms.messages.length, { timeout: 5000 }).toBe(sent + 1);
    expect(lastSms()).toMatch(/^【Acme】您的验证码为\d{6}，10分钟内有效，仅可使用一次。我们的工作人员不会向您索取验证码。$/);
    const res = await h.client().json('/api/intake', { method: 'POST', json: { service: 'claim', intent: '还缺什么材料？', existing: { reference: 'CLM-8802', code: codeIn(lastSms()) } } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.answer).toMatchObject({ source: 'rule:missing-documents', text: '您的案件CLM-8802材料已齐全，我们需要的资料都已收到。' });
  });
});

describe('checklist', () => {
  it('reaches the customer with Chinese titles (join view and checklist), the console in English', async () => {
    const { caseId, token } = await chineseCase({ checklist: 'vehicle' });
    const join = await customer(token, '/api/join');
    expect(join.body.checklist).toMatchObject({ template: 'vehicle', title: '车辆' });
    expect(join.body.checklist.items[0]).toMatchObject({ id: 'corner-front-left', title: '车辆左前角', hint: '站在约3米外，让车头和左侧完整入镜。', status: 'pending' });
    const view = await customer(token, `/api/cases/${caseId}/checklist`);
    expect(view.status).toBe(200);
    expect(view.body.items.map((i: { title: string }) => i.title)).toEqual(['车辆左前角', '车辆右前角', '车辆左后角', '车辆右后角', '车架号（VIN）', '里程表', '各处受损部位']);
    const console = await admin.json(`/api/cases/${caseId}/checklist`);
    expect(console.body.items[0]).toMatchObject({ id: 'corner-front-left', title: 'Front left corner' });
  });

  it('in the language the page asks for (?language=), a language the service does not speak refused 400', async () => {
    const { caseId, token } = await chineseCase({ checklist: 'property' });
    expect((await customer(token, `/api/cases/${caseId}/checklist?language=en`)).body).toMatchObject({ title: 'Property', items: [{ title: 'Room overview' }, { title: 'Damage close-up with a reference object' }] });
    expect((await customer(token, `/api/cases/${caseId}/checklist?language=zh-cn`)).body).toMatchObject({ title: '房屋财产' });
    const refused = await customer(token, `/api/cases/${caseId}/checklist?language=fr`);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({ code: 'invalid_input', message: 'Invalid query: language: "fr" is not a language this service speaks (en, zh-CN).' });
  });
});

describe('codes and the receipt', () => {
  it('the settlement offer’s code and its receipt go in Chinese, the amount as zh-CN writes it', async () => {
    expect((await admin.json('/api/admin/settings', { method: 'PUT', json: { offerRequiresIdentity: false } })).status).toBe(200);
    const { caseId, token } = await chineseCase();
    const made = await admin.json(`/api/cases/${caseId}/offers`, { method: 'POST', json: { amount: 1250.5, currency: 'CNY', items: [{ description: '车库门', amount: 1250.5 }], conditions: '5个工作日内支付。', expiresAt: new Date(Date.now() + 7 * DAY).toISOString() } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect((await customer(token, `/api/join/offers/${made.body.id}/code`, 'POST')).status).toBe(201);
    expect(lastSms()).toMatch(/^【Acme】您的验证码为\d{6}，/);
    const accepted = await customer(token, `/api/join/offers/${made.body.id}/accept`, 'POST', { code: codeIn(lastSms()) });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    await expect.poll(() => lastSms(), { timeout: 5000 }).toBe(`【Acme】您已接受案件CLM-8801的赔付方案，金额¥1,250.50。回执编号${accepted.body.receiptCode}：${accepted.body.receiptUrl}`);
  });

  it('the identity check’s code goes in Chinese', async () => {
    const { caseId } = await chineseCase();
    const asked = await admin.json(`/api/cases/${caseId}/identity-checks`, { method: 'POST', json: { document: 'passport', withCode: true } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(lastSms()).toMatch(/^【Acme】您的验证码为\d{6}，10分钟内有效/);
  });
});
