// The link-sending settings: a channel is offered only when configured, and a bad value stops the start
// with a message naming the variable.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

const base = { PORT: '0', HTTPS_PORT: 'off' };

describe('link sending configuration', () => {
  it('offers no channel by default', () => {
    expect(loadConfig(base).linkSending).toEqual({ email: null, sms: null });
  });

  it('takes an SMTP URL with its From, and an SMS webhook with its Authorization', () => {
    const config = loadConfig({
      ...base,
      SIGHTLINE_SMTP_URL: 'smtps://claims%40harbour.example:p%40ss@mail.harbour.example',
      SIGHTLINE_MAIL_FROM: 'Harbour Mutual <claims@harbour.example>',
      SIGHTLINE_SMS_WEBHOOK_URL: 'https://sms.harbour.example/send',
      SIGHTLINE_SMS_WEBHOOK_AUTH: 'Bearer abc',
    });
    expect(config.linkSending).toEqual({
      email: { smtpUrl: 'smtps://claims%40harbour.example:p%40ss@mail.harbour.example', from: 'Harbour Mutual <claims@harbour.example>' },
      sms: { webhookUrl: 'https://sms.harbour.example/send', authorization: 'Bearer abc' },
    });
  });

  it('refuses an SMTP URL of another scheme, one without its From, a bad From, a non-http webhook, and an Authorization without a webhook', () => {
    const from = { SIGHTLINE_MAIL_FROM: 'claims@harbour.example' };
    expect(() => loadConfig({ ...base, ...from, SIGHTLINE_SMTP_URL: 'https://mail.harbour.example' })).toThrow(/SIGHTLINE_SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => loadConfig({ ...base, SIGHTLINE_SMTP_URL: 'smtp://mail.harbour.example' })).toThrow(/set SIGHTLINE_SMTP_URL and SIGHTLINE_MAIL_FROM together/);
    expect(() => loadConfig({ ...base, SIGHTLINE_SMTP_URL: 'smtp://mail.harbour.example', SIGHTLINE_MAIL_FROM: 'Harbour Mutual' })).toThrow(/SIGHTLINE_MAIL_FROM: must be an address/);
    expect(() => loadConfig({ ...base, SIGHTLINE_SMS_WEBHOOK_URL: 'ftp://sms.harbour.example' })).toThrow(/SIGHTLINE_SMS_WEBHOOK_URL: must be an http/);
    expect(() => loadConfig({ ...base, SIGHTLINE_SMS_WEBHOOK_AUTH: 'Bearer abc' })).toThrow(/SIGHTLINE_SMS_WEBHOOK_AUTH is set but SIGHTLINE_SMS_WEBHOOK_URL is not/);
  });
});
