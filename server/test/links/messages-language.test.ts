// Every text the server sends a customer, in English (word for word as before) and in Simplified Chinese:
// the join link (email and SMS), the one-time code (SMS and email) and the settlement receipt (SMS and
// email), dates and amounts formatted for the language; and a Chinese email as it leaves over SMTP: UTF-8
// parts, an RFC 2047 subject, Content-Language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeEmail, codeSms } from '../../src/frontdoor/intake/one-time-code.ts';
import { createEmailSender } from '../../src/links/email-sender.ts';
import { linkEmail, linkSms } from '../../src/links/link-message.ts';
import { messageLanguage } from '../../src/links/message-language.ts';
import { receiptEmail, receiptSms } from '../../src/settlement/receipt-message.ts';
import { startSmtpReceiver, type SmtpReceiver } from './receivers.ts';

const link = { organisation: 'Harbour Mutual', caseTitle: 'Storm <damage> & fence', joinUrl: 'https://sightline.example/j#abc_DEF-123', expiresAt: '2026-12-07T14:00:00.000Z' };
const receipt = { organisation: 'Acme Insurance', caseReference: 'CLM-4411', decision: 'accepted' as const, amount: 1250.5, currency: 'CNY', receiptCode: 'ABCD-EFGH-JKMN', receiptUrl: 'https://sightline.example/receipt#ABCD-EFGH-JKMN' };

/** An email as sent: its language (the HTML's lang too), subject, text paragraphs one blank line apart, and parts of its HTML. */
function expectEmail(mail: { language: string; subject: string; text: string; html: string }, expected: { language: string; subject: string; paragraphs: string[]; html: string[] }): void {
  expect(mail.language).toBe(expected.language);
  expect(mail.subject).toBe(expected.subject);
  expect(mail.text).toBe(expected.paragraphs.join('\n\n'));
  expect(mail.html).toContain(`<html lang="${expected.language}">`);
  for (const part of expected.html) expect(mail.html).toContain(part);
}

/** SMS segments as a phone network counts them: GSM-7 160 (153 when split), any other character UCS-2 70 (67). */
function smsSegments(text: string): number {
  const gsm = /^[\n\r !"#$%&'()*+,\-./0-9:;<=>?@A-Z_a-z£¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉÄÖÑÜ§¿äöñüà]*$/.test(text);
  const [single, split] = gsm ? [160, 153] : [70, 67];
  const length = [...text].length;
  return length <= single ? 1 : Math.ceil(length / split);
}

describe('the language a message is written in', () => {
  it('is the customer page’s, else the case’s, else none (English)', () => {
    expect(messageLanguage({ language: 'en', customerLanguage: 'zh-CN' })).toBe('zh-CN');
    expect(messageLanguage({ language: 'zh-CN', customerLanguage: null })).toBe('zh-CN');
    expect(messageLanguage({ language: null, customerLanguage: null })).toBeNull();
  });
});

describe('join link', () => {
  it('English: word for word as before, html lang="en", Content-Language en', () => {
    expectEmail(linkEmail(link), {
      language: 'en',
      subject: 'Harbour Mutual: your video call link for “Storm <damage> & fence”',
      paragraphs: [
        'Hello,',
        'Harbour Mutual would like to look at “Storm <damage> & fence” with you over a live video call. Open this link on your phone to join — no app or account is needed:',
        'https://sightline.example/j#abc_DEF-123',
        'The link works until 7 December 2026 at 14:00 UTC. You will be asked to agree before anything is recorded.',
        'If you were not expecting this message, you can ignore it.',
      ],
      html: [
        '<p>Harbour Mutual would like to look at “Storm &lt;damage&gt; &amp; fence” with you over a live video call. Open this link on your phone to join — no app or account is needed:</p>',
        '>Join the video call</a>',
      ],
    });
    expect(linkEmail({ ...link, organisation: null }).text).toContain('\nYour assessor would like to look at “Storm <damage> & fence”');
    expect(linkSms({ ...link, organisation: null })).toBe('Your assessor: join the video call for “Storm <damage> & fence”: https://sightline.example/j#abc_DEF-123 (works until 7 December 2026 at 14:00 UTC)');
  });

  it('Simplified Chinese: the words, the date as 2026年12月7日, the link, HTML escaped', () => {
    const mail = linkEmail({ ...link, language: 'zh-CN' });
    expectEmail(mail, {
      language: 'zh-CN',
      subject: 'Harbour Mutual：“Storm <damage> & fence”视频通话链接',
      paragraphs: [
        '您好：',
        'Harbour Mutual希望通过实时视频通话与您一起查看“Storm <damage> & fence”。请在手机上打开以下链接加入，无需安装App，也无需注册账号：',
        'https://sightline.example/j#abc_DEF-123',
        '链接有效期至2026年12月7日 14:00（UTC）。录制任何内容之前，都会先征得您的同意。',
        '如果您并未预约此服务，请忽略本消息。',
      ],
      html: ['“Storm &lt;damage&gt; &amp; fence”', '>加入视频通话</a>'],
    });
    expect(mail.html).not.toContain('<damage>');
    expect(linkEmail({ ...link, organisation: null, language: 'zh' }).subject).toBe('“Storm <damage> & fence”视频通话链接');
  });

  it('Chinese SMS: signed 【organisation】, and what it costs in UCS-2 segments (measured)', () => {
    const sms = linkSms({ ...link, language: 'zh-CN' });
    expect(sms).toBe('【Harbour Mutual】“Storm <damage> & fence”视频通话链接：https://sightline.example/j#abc_DEF-123 ，2026年12月7日 14:00（UTC）前有效');
    expect(linkSms({ ...link, organisation: null, language: 'zh-CN' })).toMatch(/^您的评估员发来“Storm <damage> & fence”视频通话链接：https:/);
    // A typical link (a 43-character token), a short case title: the English text's curly quotes already make
    // it UCS-2 (169 characters, three segments); the Chinese is worded to fit two (133 characters).
    const typical = { ...link, caseTitle: 'Water leak', joinUrl: `https://claims.example.com/j#${'x'.repeat(43)}` };
    expect(smsSegments(linkSms(typical))).toBe(3);
    expect(smsSegments(linkSms({ ...typical, language: 'zh-CN' }))).toBe(2);
  });

  it('a language the server does not speak is English', () => {
    expect(linkSms({ ...link, language: 'fr' })).toBe(linkSms(link));
  });
});

describe('one-time code', () => {
  const input = { organisation: null, code: '012345', reference: 'SL-7K3QXM' };

  it('English: word for word as before', () => {
    expect(codeSms(input)).toBe('Sightline: your code is 012345. It works once, for 10 minutes. Nobody from us will ask you for it.');
    const mail = codeEmail({ ...input, organisation: 'Acme & Co' });
    expect(mail).toEqual({
      subject: 'Acme & Co: your code',
      text: 'Your code for case SL-7K3QXM is 012345.\n\nIt works once, for 10 minutes. Nobody from Acme & Co will ask you for it; if you did not ask for it, ignore this message.',
      html: '<p>Your code for case SL-7K3QXM is <strong>012345</strong>.</p><p>It works once, for 10 minutes. Nobody from Acme &#38; Co will ask you for it; if you did not ask for it, ignore this message.</p>',
      language: 'en',
    });
  });

  it('Simplified Chinese: one UCS-2 segment by SMS', () => {
    const sms = codeSms({ ...input, language: 'zh-CN' });
    expect(sms).toBe('【Sightline】您的验证码为012345，10分钟内有效，仅可使用一次。我们的工作人员不会向您索取验证码。');
    expect(smsSegments(sms)).toBe(1);
    expect(codeEmail({ ...input, organisation: 'Acme & Co', language: 'zh-CN' })).toEqual({
      subject: 'Acme & Co：您的验证码',
      text: '您在案件SL-7K3QXM中的验证码为012345。\n\n验证码10分钟内有效，仅可使用一次。Acme & Co的工作人员不会向您索取验证码；如果您没有申请过验证码，请忽略本消息。',
      html: '<p>您在案件SL-7K3QXM中的验证码为<strong>012345</strong>。</p><p>验证码10分钟内有效，仅可使用一次。Acme &#38; Co的工作人员不会向您索取验证码；如果您没有申请过验证码，请忽略本消息。</p>',
      language: 'zh-CN',
    });
  });

  it('a case without a claim number: the sentence names no case (never its internal id)', () => {
    expect(codeEmail({ ...input, reference: null }).text.split('\n')[0]).toBe('Your code is 012345.');
    expect(codeEmail({ ...input, reference: null }).html).toContain('<p>Your code is <strong>012345</strong>.</p>');
    expect(codeEmail({ ...input, reference: null, language: 'zh-CN' }).text.split('\n')[0]).toBe('您的验证码为012345。');
  });
});

describe('settlement receipt', () => {
  it('English: word for word as before, the amount as en-GB writes it', () => {
    expect(receiptSms(receipt)).toBe('Acme Insurance: You accepted the settlement offer of CN¥1,250.50 for case CLM-4411. Receipt ABCD-EFGH-JKMN: https://sightline.example/receipt#ABCD-EFGH-JKMN');
    expect(receiptSms({ ...receipt, organisation: null, decision: 'declined', currency: 'EUR' }))
      .toBe('Sightline: You declined the settlement offer of €1,250.50 for case CLM-4411. Receipt ABCD-EFGH-JKMN: https://sightline.example/receipt#ABCD-EFGH-JKMN');
    expect(receiptEmail(receipt)).toEqual({
      subject: 'Acme Insurance: your settlement receipt ABCD-EFGH-JKMN',
      text: 'You accepted the settlement offer of CN¥1,250.50 for case CLM-4411.\n\nYour receipt code is ABCD-EFGH-JKMN. Anyone can check it against our server:\nhttps://sightline.example/receipt#ABCD-EFGH-JKMN\n\nAcme Insurance',
      html: '<p>You accepted the settlement offer of CN¥1,250.50 for case CLM-4411.</p><p>Your receipt code is <strong>ABCD-EFGH-JKMN</strong>. Anyone can check it against our server:</p><p><a href="https://sightline.example/receipt#ABCD-EFGH-JKMN">https://sightline.example/receipt#ABCD-EFGH-JKMN</a></p><p>Acme Insurance</p>',
      language: 'en',
    });
  });

  it('Simplified Chinese: the amount as zh-CN writes it (¥1,250.50)', () => {
    expect(receiptSms({ ...receipt, language: 'zh-CN' })).toBe('【Acme Insurance】您已接受案件CLM-4411的赔付方案，金额¥1,250.50。回执编号ABCD-EFGH-JKMN：https://sightline.example/receipt#ABCD-EFGH-JKMN');
    const mail = receiptEmail({ ...receipt, decision: 'declined', currency: 'EUR', language: 'zh-CN' });
    expect(mail.subject).toBe('Acme Insurance：您的赔付回执ABCD-EFGH-JKMN');
    expect(mail.text).toBe('您已拒绝案件CLM-4411的赔付方案，金额€1,250.50。\n\n您的回执编号为ABCD-EFGH-JKMN。任何人都可以在我们的服务器上核验：\nhttps://sightline.example/receipt#ABCD-EFGH-JKMN\n\nAcme Insurance');
    expect(mail.html).toContain('<p>您的回执编号为<strong>ABCD-EFGH-JKMN</strong>。任何人都可以在我们的服务器上核验：</p>');
  });

  it('without a claim number the sentence names no case (never the internal case id)', () => {
    expect(receiptSms({ ...receipt, caseReference: null })).toBe('Acme Insurance: You accepted the settlement offer of CN¥1,250.50. Receipt ABCD-EFGH-JKMN: https://sightline.example/receipt#ABCD-EFGH-JKMN');
    expect(receiptEmail({ ...receipt, caseReference: null, decision: 'declined', currency: 'EUR' }).text.split('\n')[0]).toBe('You declined the settlement offer of €1,250.50.');
    expect(receiptSms({ ...receipt, caseReference: null, language: 'zh-CN' })).toBe('【Acme Insurance】您已接受赔付方案，金额¥1,250.50。回执编号ABCD-EFGH-JKMN：https://sightline.example/receipt#ABCD-EFGH-JKMN');
  });
});

describe('a Chinese email over SMTP', () => {
  let smtp: SmtpReceiver;
  beforeAll(async () => {
    smtp = await startSmtpReceiver({ user: 'mailer', pass: 'secret' });
  });
  afterAll(() => smtp.close());

  /** An RFC 2047 header value decoded (B or Q encoded-words, folded lines joined). */
  const decodeHeader = (value: string): string =>
    value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_m, how: string, data: string) =>
      how.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'));

  /** The decoded body of the part whose Content-Type starts with `type`. */
  const part = (raw: string, type: string): { head: string; body: string } => {
    const found = raw.split(/\r?\n--[^\r\n]+\r?\n/).find((p) => new RegExp(`^Content-Type: ${type}`, 'im').test(p));
    if (!found) throw new Error(`no ${type} part in:\n${raw}`);
    const [head = '', ...rest] = found.split(/\r?\n\r?\n/);
    const data = rest.join('\n\n').replace(/\r?\n--[^\r\n]+--\s*$/, '');
    if (/Content-Transfer-Encoding: base64/i.test(head)) return { head, body: Buffer.from(data.replace(/\s+/g, ''), 'base64').toString('utf8') };
    if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
      return { head, body: Buffer.from(data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8') };
    }
    return { head, body: data };
  };

  it('says Content-Language: zh-CN, encodes the subject by RFC 2047 and writes every part in UTF-8', async () => {
    const send = createEmailSender({ smtpUrl: `smtp://mailer:secret@127.0.0.1:${smtp.port}`, from: 'Claims <claims@example.test>' });
    const mail = linkEmail({ ...link, caseTitle: '台风损坏的围栏与车库门，需要尽快查勘', language: 'zh-CN' });
    await send('dana@example.test', mail);
    const { raw } = smtp.mails.at(-1)!;
    const [headers = ''] = raw.split(/\r?\n\r?\n/);
    const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
    expect(unfolded).toMatch(/^Content-Language: zh-CN$/m);
    const subject = /^Subject: (.*)$/m.exec(unfolded)![1]!;
    expect(subject).toMatch(/^=\?UTF-8\?[BQ]\?/i);
    expect(/[^\x20-\x7e]/.test(subject)).toBe(false);
    expect(decodeHeader(subject)).toBe(mail.subject);
    const text = part(raw, 'text/plain');
    expect(text.head).toMatch(/charset=utf-8/i);
    expect(text.body.replace(/\r\n/g, '\n')).toBe(mail.text);
    const html = part(raw, 'text/html');
    expect(html.head).toMatch(/charset=utf-8/i);
    expect(html.body).toContain('<html lang="zh-CN">');
    expect(html.body).toContain('台风损坏的围栏与车库门');
  });
});
