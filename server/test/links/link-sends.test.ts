// Sending a join link, over real HTTP to real receivers on loopback: by email to an SMTP server that
// checks the URL's credentials, by SMS to a webhook; a failed send is recorded and answered 502; bad
// input is a 400 with a reason and stores nothing. Every send is a row and a ledger entry.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';
import { startHarness, type Client, type Harness } from '../http/harness.ts';
import { mimePart, startSmsReceiver, startSmtpReceiver, type SmsReceiver, type SmtpReceiver } from './receivers.ts';

let h: Harness;
let admin: Client;
let smtp: SmtpReceiver;
let sms: SmsReceiver;

beforeAll(async () => {
  smtp = await startSmtpReceiver({ user: 'sightline@mail.test', pass: 'p@ss:word/1' });
  sms = await startSmsReceiver();
  h = await startHarness({
    SIGHTLINE_SMTP_URL: `smtp://${encodeURIComponent('sightline@mail.test')}:${encodeURIComponent('p@ss:word/1')}@127.0.0.1:${smtp.port}`,
    SIGHTLINE_MAIL_FROM: 'Harbour Mutual <claims@harbour.test>',
    SIGHTLINE_SMS_WEBHOOK_URL: sms.url,
    SIGHTLINE_SMS_WEBHOOK_AUTH: 'Bearer sms-secret',
    SIGHTLINE_ORGANISATION: 'Harbour Mutual',
  });
  admin = h.client();
  await admin.login();
});
afterAll(async () => {
  await h.close();
  await sms.close();
  await smtp.close();
});

async function newCase(title: string): Promise<{ id: string; joinUrl: string }> {
  const created = await admin.json('/api/cases', { method: 'POST', json: { title } });
  expect(created.status).toBe(201);
  return { id: created.body.case.id, joinUrl: created.body.joinUrl };
}

const send = (caseId: string, json: unknown) => admin.json(`/api/cases/${caseId}/join-link/send`, { method: 'POST', json });
const sentEntries = async (caseId: string) =>
  (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries.filter((e: { type: string }) => e.type === 'joinlink.sent').map((e: { payload: unknown }) => e.payload);
const sendRows = async (caseId: string): Promise<number> => {
  const db = await openDatabase(path.join(h.dataDir, 'sightline.db'));
  try {
    const row = await db.q().selectFrom('link_sends').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.close();
  }
};

describe('sending a join link', () => {
  it('offers both channels in /api/me', async () => {
    expect((await admin.json('/api/me')).body).toMatchObject({ user: { email: 'admin@example.test' }, linkChannels: { email: true, sms: true } });
  });

  it('by email: the message arrives with the organisation, the case, the expiry and the link', async () => {
    const c = await newCase('Storm damage, fence');
    const sent = await send(c.id, { channel: 'email', to: 'Dana@Example.test' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ channel: 'email', recipient: 'dana@example.test', status: 'sent', detail: null });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.from).toBe('claims@harbour.test');
    expect(mail.to).toEqual(['dana@example.test']);
    expect(mail.raw).toMatch(/^From: Harbour Mutual <claims@harbour\.test>$/m);
    const text = mimePart(mail.raw, 'text/plain');
    expect(text).toContain(c.joinUrl);
    expect(text).toContain('Harbour Mutual would like to look at “Storm damage, fence”');
    expect(text).toMatch(/works until \d{1,2} \w+ 20\d\d at \d\d:\d\d UTC/);
    expect(mimePart(mail.raw, 'text/html')).toContain(`href="${c.joinUrl}"`);
    expect(await sentEntries(c.id)).toEqual([{ channel: 'email', recipient: 'dana@example.test', status: 'sent' }]);
    expect((await admin.json(`/api/cases/${c.id}/join-link/sends`)).body.sends).toEqual([sent.body]);
  });

  it('by SMS: the webhook gets {to, body} as JSON with the configured Authorization', async () => {
    const c = await newCase('Cracked windscreen');
    const sent = await send(c.id, { channel: 'sms', to: '+447700900123' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ channel: 'sms', recipient: '+447700900123', status: 'sent' });
    const message = sms.messages.at(-1)!;
    expect(message.authorization).toBe('Bearer sms-secret');
    expect(message.contentType).toBe('application/json');
    expect(message.json).toEqual({ to: '+447700900123', body: expect.stringContaining(c.joinUrl) });
    expect((message.json as { body: string }).body).toMatch(/^Harbour Mutual: join the video call for “Cracked windscreen”: /);
    expect(await sentEntries(c.id)).toEqual([{ channel: 'sms', recipient: '+447700900123', status: 'sent' }]);
  });

  it('a webhook that refuses: recorded as failed with the reason, answered 502', async () => {
    const c = await newCase('Refused SMS');
    sms.answer.status = 400;
    sms.answer.body = '{"message":"The number is not a mobile"}';
    try {
      const sent = await send(c.id, { channel: 'sms', to: '+15005550009' });
      expect(sent.status).toBe(502);
      expect(sent.body.error).toEqual({ code: 'send_failed', message: 'The SMS gateway refused the message: The number is not a mobile (HTTP 400).' });
    } finally {
      sms.answer.status = 201;
    }
    const sends = (await admin.json(`/api/cases/${c.id}/join-link/sends`)).body.sends;
    expect(sends).toEqual([expect.objectContaining({ channel: 'sms', recipient: '+15005550009', status: 'failed', detail: 'The SMS gateway refused the message: The number is not a mobile (HTTP 400)' })]);
    expect(await sentEntries(c.id)).toEqual([{ channel: 'sms', recipient: '+15005550009', status: 'failed' }]);
  });

  it('bad input (a bad email, a bad phone number, an unknown channel): 400 with the reason, nothing stored', async () => {
    const c = await newCase('Bad input');
    const cases: Array<[unknown, RegExp]> = [
      [{ channel: 'email', to: 'not an address' }, /to: /],
      [{ channel: 'sms', to: '07700 900123' }, /to must be a phone number in international form/],
      [{ channel: 'sms', to: '+44' }, /to must be a phone number in international form/],
      [{ channel: 'fax', to: '+447700900123' }, /channel/],
      [{ to: 'dana@example.test' }, /channel/],
      [{ channel: 'email' }, /to/],
    ];
    const mailsBefore = smtp.mails.length;
    const smsBefore = sms.messages.length;
    for (const [body, reason] of cases) {
      const answer = await send(c.id, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe('invalid_input');
      expect(answer.body.error.message).toMatch(reason);
    }
    expect(await sendRows(c.id)).toBe(0);
    expect(await sentEntries(c.id)).toEqual([]);
    expect(smtp.mails).toHaveLength(mailsBefore);
    expect(sms.messages).toHaveLength(smsBefore);
  });

  it('is for the case\'s assessor: another assessor is refused and nothing is sent', async () => {
    const c = await newCase('Someone else\'s case');
    const other = await admin.json('/api/users', { method: 'POST', json: { email: 'ola@example.test', name: 'Ola', password: 'a long password 1' } });
    expect(other.status).toBe(201);
    const ola = h.client();
    await ola.login('ola@example.test', 'a long password 1');
    const mailsBefore = smtp.mails.length;
    const answer = await ola.json(`/api/cases/${c.id}/join-link/send`, { method: 'POST', json: { channel: 'email', to: 'dana@example.test' } });
    expect(answer.status).toBe(403);
    expect(smtp.mails).toHaveLength(mailsBefore);
    expect(await sendRows(c.id)).toBe(0);
    expect((await ola.json(`/api/cases/${c.id}/join-link/sends`)).status).toBe(403);
  });

  // Last: it stops the SMTP receiver.
  it('with the mail server down: recorded as failed with the reason, answered 502', async () => {
    const c = await newCase('Mail server down');
    await smtp.close();
    const sent = await send(c.id, { channel: 'email', to: 'dana@example.test' });
    expect(sent.status).toBe(502);
    expect(sent.body.error.code).toBe('send_failed');
    expect(sent.body.error.message).toMatch(/^The mail server did not take the message: .*ECONNREFUSED/);
    const sends = (await admin.json(`/api/cases/${c.id}/join-link/sends`)).body.sends;
    expect(sends).toEqual([expect.objectContaining({ channel: 'email', recipient: 'dana@example.test', status: 'failed', detail: expect.stringMatching(/ECONNREFUSED/) })]);
    expect(await sentEntries(c.id)).toEqual([{ channel: 'email', recipient: 'dana@example.test', status: 'failed' }]);
  });
});
