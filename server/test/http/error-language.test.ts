// Refusals in the page's language: the page sends Accept-Language, the error middleware answers the
// message in it when it has one (the `errors` namespace), English otherwise; the code never changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startHarness, type Harness } from './harness.ts';

const ZH = { 'accept-language': 'zh-CN' };
const HAN = /\p{Script=Han}/u;

let h: Harness;
let token: string;
let caseId: string;

beforeAll(async () => {
  h = await startHarness({ SIGHTLINE_JOIN_LINK_HOURS: '1' });
  const admin = h.client();
  await admin.login();
  const created = (await admin.json('/api/cases', { method: 'POST', json: { title: 'Error language' } })).body;
  caseId = created.case.id;
  token = created.token;
  await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true, location: false } });
});
afterAll(async () => {
  await h?.close();
});

const login = (headers: Record<string, string> = {}) =>
  h.client().json('/api/auth/login', { method: 'POST', headers, json: { email: 'nobody@example.org', password: 'wrong password here' } });

function notAPhoto(): FormData {
  const body = new FormData();
  body.set('file', new Blob(['hello, this is not a photo\n'.repeat(50)], { type: 'image/jpeg' }), 'photo.jpg');
  return body;
}

describe('error messages in the language the request asks for', () => {
  it('a login failure: Chinese for zh-CN, English without the header or for a language the server does not speak', async () => {
    const zh = await login(ZH);
    expect(zh.status).toBe(401);
    expect(zh.body.error).toEqual({ code: 'bad_credentials', message: '邮箱或密码错误。' });
    for (const headers of [{}, { 'accept-language': 'fr-FR' }, { 'accept-language': 'en-GB' }] as Array<Record<string, string>>) {
      expect((await login(headers)).body.error).toEqual({ code: 'bad_credentials', message: 'The email or the password is wrong.' });
    }
  });

  it("a browser's own weighted list picks the best language the server speaks", async () => {
    expect((await login({ 'accept-language': 'fr;q=1, zh;q=0.8, en;q=0.5' })).body.error.message).toBe('邮箱或密码错误。');
    expect((await login({ 'accept-language': 'en;q=1, zh-CN;q=0.5' })).body.error.message).toBe('The email or the password is wrong.');
  });

  it("a customer's refused upload: the image pipeline's refusal in Chinese, its English details unchanged", async () => {
    const send = (headers: Record<string, string>) =>
      h.client().json(`/api/cases/${caseId}/evidence`, { method: 'POST', headers: { ...bearer(token), ...headers }, body: notAPhoto() });
    const zh = await send(ZH);
    expect(zh.status).toBe(415);
    expect(zh.body.error).toEqual({ code: 'not_an_image', message: '此文件不是图片，请发送照片。' });
    const en = await send({});
    expect(en.status).toBe(415);
    expect(en.body.error.code).toBe('not_an_image');
    expect(en.body.error.message).toMatch(/^The file is not an image/);
  });

  it('a validation error: the field named, zod\'s reason in Chinese; English as before', async () => {
    const admin = h.client();
    await admin.login();
    const zh = await admin.json('/api/cases', { method: 'POST', headers: ZH, json: { title: 42 } });
    expect(zh.status).toBe(400);
    expect(zh.body.error.code).toBe('invalid_input');
    expect(zh.body.error.message).toMatch(/^请求内容有误：title: 无效输入：期望 string，实际接收 数字/);
    const en = await admin.json('/api/cases', { method: 'POST', json: { title: 42 } });
    expect(en.body.error).toEqual({ code: 'invalid_input', message: 'Invalid request body: title: Invalid input: expected string, received number.' });
  });

  it('an expired join link: Chinese for the customer whose page is in Chinese', async () => {
    h.advance(3600_000 + 1000);
    const zh = await h.client().json('/api/join', { headers: { ...bearer(token), ...ZH } });
    expect(zh.status).toBe(401);
    expect(zh.body.error).toEqual({ code: 'token_expired', message: '此加入链接已过期。' });
    const en = await h.client().json('/api/join', { headers: bearer(token) });
    expect(en.body.error).toEqual({ code: 'token_expired', message: 'This join link has expired.' });
  });

  it('an address nothing serves and a malformed body: Chinese too', async () => {
    const missing = await h.client().json('/api/nothing-here', { headers: { accept: 'application/json', ...ZH } });
    expect(missing.body.error).toEqual({ code: 'not_found', message: '没有 GET /api/nothing-here 这个接口。' });
    const malformed = await h.client().json('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', ...ZH }, body: '{nope' });
    expect(malformed.body.error.code).toBe('invalid_json');
    expect(malformed.body.error.message).toMatch(HAN);
  });
});
