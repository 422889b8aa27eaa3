// Identity checks withdrawn by the assessor, and the optional one-time code sent to the contact on file (a
// real SMS webhook on loopback): sent when asked for, confirmed before the photos, wrong ×5, expired, no
// contact → 409; every refusal is a 4xx with nothing stored changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detailedJpeg } from '../evidence/fixtures.ts';
import { startSmsReceiver, type SmsReceiver } from '../links/receivers.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { pdfText } from '../report/poppler.ts';
import { bearer, newUser, snapshotOf, startHarness, type Client, type Harness } from './harness.ts';

let h: Harness;
let admin: Client;
let sms: SmsReceiver;
let photo: Buffer;

interface Case { id: string; token: string }
type Reply = { status: number; body: any };

beforeAll(async () => {
  sms = await startSmsReceiver();
  h = await startHarness({ SIGHTLINE_SMS_WEBHOOK_URL: sms.url, SIGHTLINE_ORGANISATION: 'Acme Insurance' });
  admin = h.client();
  await admin.login();
  photo = await detailedJpeg(640, 480);
}, 60_000);
afterAll(async () => {
  await h?.close();
  await sms?.close();
});

/** A case whose customer consented; `phone`: its join link went by SMS there (the contact on file). */
async function newCase(phone: string | null = '+447700900123', owner: Client = admin): Promise<Case> {
  const created = (await owner.json('/api/cases', { method: 'POST', json: { title: 'Identity', reference: 'CLM-77' } })).body;
  if (phone) expect((await owner.json(`/api/cases/${created.case.id}/join-link/send`, { method: 'POST', json: { channel: 'sms', to: phone } })).status).toBe(201);
  await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(created.token), json: { recording: true, location: false } });
  return { id: created.case.id, token: created.token };
}

const request = (c: Case, json: unknown = { document: 'passport' }, by = admin): Promise<Reply> =>
  by.json(`/api/cases/${c.id}/identity-checks`, { method: 'POST', json });
const cancel = (c: Case, checkId: string, json: unknown, by = admin): Promise<Reply> =>
  by.json(`/api/cases/${c.id}/identity-checks/${checkId}/cancel`, { method: 'POST', json });
const customer = (c: Case, pathname: string, json?: unknown, token = c.token): Promise<Reply> =>
  h.client().json(pathname, { method: json === undefined && !pathname.endsWith('/code') ? 'GET' : 'POST', headers: bearer(token), ...(json !== undefined ? { json } : {}) });
const sendCode = (c: Case, checkId: string, token = c.token) => customer(c, `/api/join/identity-check/${checkId}/code`, undefined, token);
const confirm = (c: Case, checkId: string, code: string, token = c.token) => customer(c, `/api/join/identity-check/${checkId}/code/confirm`, { code }, token);
const kinds = async (c: Case) => ((await admin.json(`/api/cases/${c.id}/ledger`)).body.entries as Array<{ type: string }>).map((e) => e.type).filter((k) => k.startsWith('identity.'));
const lastCode = (): string => /\b(\d{6})\b/.exec((sms.messages.at(-1)!.json as { body: string }).body)![1]!;

async function upload(c: Case, purpose: string): Promise<string> {
  const body = new FormData();
  body.set('source', 'device-still');
  body.set('deviceTime', new Date().toISOString());
  body.set('purpose', purpose);
  body.set('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
  const res = await h.client().json(`/api/cases/${c.id}/evidence`, { method: 'POST', headers: bearer(c.token), body });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

async function reportText(c: Case): Promise<string> {
  const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'identity-code-report-')), 'report.pdf');
  fs.writeFileSync(pdf, Buffer.from(await (await admin.fetch(`/api/cases/${c.id}/report`)).arrayBuffer()));
  return pdfText(pdf);
}

async function rowOf(checkId: string) {
  const db = h.databaseUrl ? await openDatabase({ kind: 'postgres', url: h.databaseUrl }) : await openDatabase(path.join(h.dataDir, 'sightline.db'));
  try {
    return await db.q().selectFrom('identity_checks').selectAll().where('id', '=', checkId).executeTakeFirstOrThrow();
  } finally {
    await db.close();
  }
}

/** The stored state a refusal must leave as it was: the ledger, the case, the checks and the check's row. */
async function stored(c: Case, checkId: string) {
  return { snapshot: await snapshotOf(admin, c.id, h.dataDir), checks: (await admin.json(`/api/cases/${c.id}/identity-checks`)).body, row: await rowOf(checkId) };
}

describe('withdrawing an identity check', () => {
  it('the assessor withdraws an open check with a reason: cancelled, an entry, the customer no longer sees it, a new one can be asked', async () => {
    const c = await newCase(null);
    const checkId = (await request(c)).body.id;
    const withdrawn = await cancel(c, checkId, { reason: 'Asked for the wrong document' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ id: checkId, state: 'cancelled', reason: 'Asked for the wrong document', decidedAt: null });
    expect((await customer(c, '/api/join/identity-check')).body).toEqual({ check: null });
    const entries = (await admin.json(`/api/cases/${c.id}/ledger`)).body.entries as Array<{ type: string; payload: unknown; actor: { type: string } }>;
    const entry = entries.find((e) => e.type === 'identity.cancelled')!;
    expect(entry.payload).toEqual({ checkId, reason: 'Asked for the wrong document' });
    expect(entry.actor.type).toBe('assessor');
    const again = await request(c, { document: 'id-card' });
    expect(again.status).toBe(201);
    expect((await customer(c, '/api/join/identity-check')).body.check).toMatchObject({ id: again.body.id, document: 'id-card', state: 'requested', code: null });
  });

  it('a submitted check can be withdrawn too (its photos stay evidence)', async () => {
    const c = await newCase(null);
    const checkId = (await request(c)).body.id;
    const sent = await customer(c, `/api/join/identity-check/${checkId}`, { frontEvidenceId: await upload(c, 'id-front'), selfieEvidenceId: await upload(c, 'selfie') });
    expect(sent.status).toBe(200);
    expect((await cancel(c, checkId, { reason: 'No longer needed' })).body.state).toBe('cancelled');
    expect(await kinds(c)).toEqual(['identity.requested', 'identity.submitted', 'identity.cancelled']);
  }, 60_000);

  describe('refusals: a 4xx and nothing stored', () => {
    let c: Case;
    let open: string;
    let decided: string;
    let stranger: Client;
    beforeAll(async () => {
      c = await newCase(null);
      const first = (await request(c)).body.id;
      await customer(c, `/api/join/identity-check/${first}`, { frontEvidenceId: await upload(c, 'id-front'), selfieEvidenceId: await upload(c, 'selfie') });
      expect((await admin.json(`/api/cases/${c.id}/identity-checks/${first}/decision`, { method: 'POST', json: { result: 'failed', reason: 'blurred' } })).status).toBe(200);
      decided = first;
      open = (await request(c)).body.id;
      stranger = (await newUser(h, admin, 'assessor')).client;
    }, 60_000);

    const cases: Array<[string, () => Promise<Reply>, number, string, () => string]> = [
      ['a decided check', () => cancel(c, decided, { reason: 'oops' }), 409, 'identity_check_closed', () => decided],
      ['the customer withdrawing', () => h.client().json(`/api/cases/${c.id}/identity-checks/${open}/cancel`, { method: 'POST', headers: bearer(c.token), json: { reason: 'me' } }), 401, 'login_required', () => open],
      ['the assessor of another case', () => cancel(c, open, { reason: 'not mine' }, stranger), 403, 'forbidden', () => open],
      ['no reason', () => cancel(c, open, {}), 400, 'invalid_input', () => open],
      ['a blank reason', () => cancel(c, open, { reason: '  ' }), 400, 'invalid_input', () => open],
      ['an unknown check', () => cancel(c, 'idc_nope', { reason: 'x' }), 404, 'not_found', () => open],
    ];
    it.each(cases)('%s', async (_name, send, status, code, check) => {
      const before = await stored(c, check());
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(await stored(c, check())).toEqual(before);
    });
  });
});

describe('the one-time code with an identity check', () => {
  it('asked for: the code goes by SMS at once, the customer confirms it, then submits; every step in the ledger', async () => {
    const c = await newCase();
    sms.messages.length = 0;
    const asked = await request(c, { document: 'passport', withCode: true });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ withCode: true, codeSentTo: '••• 123', codeConfirmedAt: null });
    const checkId = asked.body.id;
    expect(sms.messages).toHaveLength(1);
    expect((sms.messages[0]!.json as { to: string }).to).toBe('+447700900123');
    expect((await customer(c, '/api/join/identity-check')).body.check).toEqual({ id: checkId, document: 'passport', state: 'requested', code: { sentTo: '••• 123', confirmed: false } });

    const photos = { frontEvidenceId: await upload(c, 'id-front'), selfieEvidenceId: await upload(c, 'selfie') };
    const early = await customer(c, `/api/join/identity-check/${checkId}`, photos);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('code_not_confirmed');

    const resent = await sendCode(c, checkId);
    expect(resent.status).toBe(201);
    expect(resent.body).toMatchObject({ channel: 'sms', recipient: '••• 123' });
    const code = lastCode();
    const confirmed = await confirm(c, checkId, code);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.check).toMatchObject({ id: checkId, state: 'requested', code: { sentTo: '••• 123', confirmed: true } });
    expect((await confirm(c, checkId, code)).body.error.code).toBe('code_already_confirmed');
    expect((await customer(c, `/api/join/identity-check/${checkId}`, photos)).status).toBe(200);

    const [view] = (await admin.json(`/api/cases/${c.id}/identity-checks`)).body.checks;
    expect(view.codeConfirmedAt).toEqual(expect.any(String));
    const entries = (await admin.json(`/api/cases/${c.id}/ledger`)).body.entries as Array<{ type: string; payload: any; actor: { type: string } }>;
    const identity = entries.filter((e) => e.type.startsWith('identity.'));
    expect(identity.map((e) => [e.type, e.actor.type])).toEqual([
      ['identity.requested', 'assessor'], ['identity.code-sent', 'assessor'], ['identity.code-sent', 'customer'],
      ['identity.code-confirmed', 'customer'], ['identity.submitted', 'customer'],
    ]);
    expect(identity[1]!.payload).toEqual({ checkId, channel: 'sms', recipient: '••• 123', status: 'sent' });
    expect(identity[3]!.payload).toEqual({ checkId });
    expect(JSON.stringify(entries)).not.toContain(code);

    expect((await admin.json(`/api/cases/${c.id}/identity-checks/${checkId}/decision`, { method: 'POST', json: { result: 'passed', reason: 'matches' } })).status).toBe(200);
    // A second check, withdrawn: the PDF says the first one's code was confirmed and the second was withdrawn.
    const second = (await request(c, { document: 'id-card' })).body.id;
    expect((await cancel(c, second, { reason: 'Asked twice by mistake' })).status).toBe(200);
    expect((await request(c, { document: 'id-card' })).status).toBe(201);
    const text = (await reportText(c)).replace(/\s+/g, ' ');
    expect(text).toMatch(/One-time code sent to ••• 123: confirmed by the customer on/);
    expect(text).toContain('Withdrawn by the assessor on');
    expect(text).toContain('Asked twice by mistake');
  }, 60_000);

  it('no contact on file: asking with a code is refused 409 and nothing is stored; without a code it goes', async () => {
    const c = await newCase(null);
    const before = await snapshotOf(admin, c.id, h.dataDir);
    const refused = await request(c, { document: 'passport', withCode: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('no_contact');
    expect(refused.body.error.message).toMatch(/no phone or email on file/);
    expect(await snapshotOf(admin, c.id, h.dataDir)).toEqual(before);
    expect((await admin.json(`/api/cases/${c.id}/identity-checks`)).body.checks).toEqual([]);
    expect((await request(c, { document: 'passport' })).status).toBe(201);
  });

  it('wrong ×5 then the right code is refused; a new code resets the attempts; an expired code is refused', async () => {
    const c = await newCase();
    const checkId = (await request(c, { document: 'passport', withCode: true })).body.id;
    const code = lastCode();
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) expect((await confirm(c, checkId, wrong)).body.error.code).toBe('code_wrong');
    expect((await rowOf(checkId)).code_attempts).toBe(5);
    const locked = await confirm(c, checkId, code);
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('code_attempts_used');
    await sendCode(c, checkId);
    const fresh = lastCode();
    expect((await rowOf(checkId)).code_attempts).toBe(0);
    h.advance(11 * 60_000);
    expect((await confirm(c, checkId, fresh)).body.error.code).toBe('code_expired');
    expect((await rowOf(checkId)).code_confirmed_at).toBeNull();
    expect(await kinds(c)).toEqual(['identity.requested', 'identity.code-sent', 'identity.code-sent']);
  });

  describe('refusals: a 4xx and nothing stored', () => {
    let c: Case;
    let other: Case;
    let withCode: string;
    let plain: Case;
    let plainCheck: string;
    beforeAll(async () => {
      c = await newCase();
      other = await newCase();
      withCode = (await request(c, { document: 'passport', withCode: true })).body.id;
      plain = await newCase();
      plainCheck = (await request(plain, { document: 'passport' })).body.id;
    });
    const cases: Array<[string, () => Promise<Reply>, number, string, () => [Case, string]]> = [
      ['a code that is not six digits', () => confirm(c, withCode, '12a456'), 400, 'invalid_input', () => [c, withCode]],
      ['an unknown field', () => customer(c, `/api/join/identity-check/${withCode}/code/confirm`, { code: '123456', extra: 1 }), 400, 'invalid_input', () => [c, withCode]],
      ["another case's token confirming", () => confirm(c, withCode, '123456', other.token), 404, 'not_found', () => [c, withCode]],
      ["another case's token sending", () => sendCode(c, withCode, other.token), 404, 'not_found', () => [c, withCode]],
      ['a code for a check that asks for none', () => confirm(plain, plainCheck, '123456'), 409, 'no_code_needed', () => [plain, plainCheck]],
      ['sending a code for a check that asks for none', () => sendCode(plain, plainCheck), 409, 'no_code_needed', () => [plain, plainCheck]],
      ['withCode not a boolean', () => request(plain, { document: 'passport', withCode: 'yes' }), 400, 'invalid_input', () => [plain, plainCheck]],
    ];
    it.each(cases)('%s', async (_name, send, status, code, which) => {
      const [target, checkId] = which();
      const before = await stored(target, checkId);
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(await stored(target, checkId)).toEqual(before);
    });
  });

  it('code sends are limited per address: past 20 in ten minutes, 429 with Retry-After and nothing sent', async () => {
    const c = await newCase();
    const checkId = (await request(c, { document: 'passport', withCode: true })).body.id;
    let last: Reply | null = null;
    let sends = 0;
    for (; sends < 25; sends++) {
      last = await sendCode(c, checkId);
      if (last.status !== 201) break;
    }
    expect(last!.status).toBe(429);
    expect(last!.body.error.code).toBe('too_many_requests');
    expect(sends).toBeLessThanOrEqual(20);
    const sentBefore = sms.messages.length;
    const limited = await h.client().fetch(`/api/join/identity-check/${checkId}/code`, { method: 'POST', headers: bearer(c.token) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect(sms.messages.length).toBe(sentBefore);
  });
});
