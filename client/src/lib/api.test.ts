// The fetch helper's own words and the page's language on every request.
import { afterEach, describe, expect, it } from 'vitest';
import { applyLanguage } from '../i18n/i18n.ts';
import { errorFrom, languageHeader, messageOf } from './api.ts';

afterEach(async () => {
  await applyLanguage('en');
});

describe('the page language in requests and in the helper’s own messages', () => {
  it('says the page’s language as Accept-Language and words its own refusals in it', async () => {
    expect(languageHeader()).toEqual({ 'accept-language': 'en' });
    expect(errorFrom(502, undefined).message).toBe('The server answered with status 502.');
    expect(messageOf(null)).toBe('Something went wrong.');
    await applyLanguage('zh-CN');
    expect(languageHeader()).toEqual({ 'accept-language': 'zh-CN' });
    expect(errorFrom(502, '<html>').message).toBe('服务器返回了状态码 502。');
    expect(messageOf(undefined)).toBe('出错了。');
  });

  it('keeps the server’s message and code as they came', () => {
    const error = errorFrom(409, { error: { code: 'code_wrong', message: '验证码不正确，请核对短信或邮件后重试。' } });
    expect(error.code).toBe('code_wrong');
    expect(error.message).toBe('验证码不正确，请核对短信或邮件后重试。');
  });
});
