// Settlement offers over real HTTP (issue 15): made by the assessor, confirmed by a one-time code sent
// to a real SMS webhook on loopback, accepted (outcome settled, signed entries, a receipt that verifies
// at /api/receipts/:code) or declined; superseded, expired; and every refusal with nothing changed.
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../protocol/http.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { startSmsReceiver, type SmsReceiver } from '../links/receivers.ts';
import { bearer, newUser, startHarness, type Client, type Harness } from './harness.ts';

let h: Harness;
let admin: Client;
let sms: SmsReceiver;

beforeAll(async () => {
  sms = await startSmsReceiver();
});
afterAll(() => sms.close());
beforeEach(async () => {
  sms.messages.length = 0;
  h = await startHarness({ SIGHTLINE_SMS_WEBHOOK_URL: sms.url, SIGHTLINE_ORGANISATION: 'Acme Insurance' });
  admin = h.client();
  await admin.login();
});
afterEach(() => h?.close());

const DAY = 86_400_000;
const customer = (token: string, pathname: string, method = 'GET', json?: unknown) => h.client().json(pathname, { method, headers: bearer(token), ...(json !== undefined ? { json } : {}) });
const ledgerOf = async (caseId: string): Promise<LedgerEntry[]> => (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries;
const kinds = async (caseId: string) => (await ledgerOf(caseId)).map((e) => e.type);
const offerBody = (over: Record<string, unknown> = {}) => ({
  amount: 1250.5,
  currency: 'EUR',
  items: [{ description: 'Rear bumper', amount: 900 }, { description: 'Paint', amount: 350.5 }],
  conditions: 'Paid within 5 working days of acceptance.',
  expiresAt: new Date(Date.now() + 7 * DAY).toISOString(),
  ...over,
});

async function setIdentityGate(on: boolean) {
  const res = await admin.json('/api/admin/settings', { method: 'PUT', json: { offerRequiresIdentity: on } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** A damage case whose join link went by SMS (where the code and receipt go). */
async function caseWithLink(who: Client = admin, phone = '+447700900123'): Promise<{ caseId: string; token: string }> {
  const created = await who.json('/api/cases', { method: 'POST', json: { kind: 'damage', title: 'Dented bumper', customerName: 'Dana Ruiz', reference: 'CLM-4411' } });
  expect(created.status).toBe(201);
  expect((await who.json(`/api/cases/${created.body.case.id}/join-link/send`, { method: 'POST', json: { channel: 'sms', to: phone } })).status).toBe(201);
  return { caseId: created.body.case.id, token: created.body.token };
}

async function lastCode(): Promise<string> {
  const sent = sms.messages.at(-1)!.json as { body: string };
  return /\b(\d{6})\b/.exec(sent.body)![1]!;
}

async function withDb<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = h.databaseUrl ? await openDatabase({ kind: 'postgres', url: h.databaseUrl }) : await openDatabase(path.join(h.dataDir, 'sightline.db'));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** A passed identity check, as the identity routes store one. */
async function passIdentity(caseId: string, userId: string) {
  const at = new Date().toISOString();
  await withDb((db) => db.q().insertInto('identity_checks').values({
    id: `idc_${caseId}`, case_id: caseId, document: 'id-card', requested_by: userId, requested_at: at, state: 'passed', decided_by: userId, decided_at: at, reason: 'matches',
  }).execute());
}

async function offersRows(caseId: string) {
  return withDb((db) => db.q().selectFrom('settlement_offers').selectAll().where('case_id', '=', caseId).orderBy('made_at').execute());
}

describe('org settings', () => {
  it('admin reads and changes them; an assessor reads them but cannot change them; bad input names the field', async () => {
    expect((await admin.json('/api/admin/settings')).body).toEqual({ offerRequiresIdentity: true, offerConfirmWith: 'code', captureMaxDistanceM: 1000 });
    const changed = await admin.json('/api/admin/settings', { method: 'PUT', json: { offerConfirmWith: 'identity', captureMaxDistanceM: 250 } });
    expect(changed.body).toEqual({ offerRequiresIdentity: true, offerConfirmWith: 'identity', captureMaxDistanceM: 250 });
    const assessor = await newUser(h, admin);
    expect((await assessor.client.json('/api/admin/settings')).body.offerConfirmWith).toBe('identity');
    expect((await assessor.client.json('/api/admin/settings', { method: 'PUT', json: { offerRequiresIdentity: false } })).status).toBe(403);
    for (const [json, field] of [[{ captureMaxDistanceM: 5 }, 'captureMaxDistanceM'], [{ offerConfirmWith: 'fax' }, 'offerConfirmWith'], [{ colour: 'red' }, 'colour'], [{ offerRequiresIdentity: 'yes' }, 'offerRequiresIdentity']] as const) {
      const res = await admin.json('/api/admin/settings', { method: 'PUT', json });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
    expect((await h.client().json('/api/admin/settings')).status).toBe(401);
  });
});

describe('offers', () => {
  it('identity gate: refused 409 until the identity check passed, then made', async () => {
    const { caseId } = await caseWithLink();
    const before = await kinds(caseId);
    const refused = await admin.json(`/api/cases/${caseId}/offers`, { method: 'POST', json: offerBody() });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'identity_not_passed' });
    expect(refused.body.error.message).toContain('identity check has not passed');
    expect((await admin.json(`/api/cases/${caseId}/offers`)).body.readiness).toMatchObject({ canOffer: false });
    expect(await kinds(caseId)).toEqual(before);
    const me = (await admin.json('/api/me')).body.user.id as string;
    await passIdentity(caseId, me);
    expect((await admin.json(`/api/cases/${caseId}/offers`)).body.readiness).toMatchObject({ canOffer: true, reason: null });
    expect((await admin.json(`/api/cases/${caseId}/offers`, { method: 'POST', json: offerBody() })).status).toBe(201);
  });

  it('full flow: offer, code by SMS, accept → settled outcome, signed entries, receipt by SMS that verifies', async () => {
    await setIdentityGate(false);
    const { caseId, token } = await caseWithLink();
    const made = await admin.json(`/api/cases/${caseId}/offers`, { method: 'POST', json: offerBody() });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ state: 'open', confirmWith: 'code', amount: 1250.5, supersedes: null });
    const offerId = made.body.id as string;

    const current = await customer(token, '/api/join/offer');
    expect(current.body.offer).toMatchObject({ id: offerId, state: 'open', items: offerBody().items });

    const sent = await customer(token, `/api/join/offers/${offerId}/code`, 'POST');
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({ channel: 'sms', recipient: '••• 123' });
    expect((sms.messages.at(-1)!.json as { to: string }).to).toBe('+447700900123');
    const code = await lastCode();

    const accepted = await customer(token, `/api/join/offers/${offerId}/accept`, 'POST', { code });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const receiptCode = accepted.body.receiptCode as string;
    expect(receiptCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(accepted.body.offer).toMatchObject({ state: 'accepted', receiptCode, codeSentTo: '••• 123' });
    expect(accepted.body.receiptUrl).toBe(`${h.base}/receipt#${receiptCode}`);
    expect(accepted.body.receiptSentTo).toBe('••• 123');

    const detail = (await admin.json(`/api/cases/${caseId}`)).body;
    expect(detail.outcomes.at(-1)).toMatchObject({ decision: 'settled', amount: 1250.5, currency: 'EUR' });
    expect(detail.outcomes.at(-1).reason).toContain(receiptCode);
    const entries = await ledgerOf(caseId);
    expect(entries.map((e) => e.type).slice(-4)).toEqual(['offer.made', 'offer.code-sent', 'offer.accepted', 'outcome.recorded']);
    const acceptance = entries.find((e) => e.type === 'offer.accepted')!;
    expect(acceptance.actor.type).toBe('customer');
    expect(acceptance.payload).toEqual({ offerId, confirmedWith: 'code', identityCheckId: null, receiptCode });
    expect(entries.find((e) => e.type === 'offer.code-sent')!.payload).toMatchObject({ recipient: '••• 123', status: 'sent' });
    expect(JSON.stringify(entries)).not.toContain(code);

    const receiptSms = (sms.messages.at(-1)!.json as { body: string }).body;
    expect(receiptSms).toContain(receiptCode);
    expect(receiptSms).toContain(`/receipt#${receiptCode}`);

    const receipt = await h.client().json(`/api/receipts/${receiptCode.toLowerCase().replace(/-/g, ' ')}`);
    expect(receipt.status).toBe(200);
    expect(receipt.body).toMatchObject({
      code: receiptCode, organisation: 'Acme Insurance', caseReference: 'CLM-4411', decision: 'accepted',
      offer: { amount: 1250.5, currency: 'EUR', items: offerBody().items },
      ledger: { seq: acceptance.seq, hash: acceptance.hash, verified: true, fault: null },
    });
    expect(JSON.stringify(receipt.body)).not.toContain('Dana');
    // Without a claim number the receipt names none: never the case's internal id.
    await withDb((db) => db.q().updateTable('cases').set({ reference: null }).where('id', '=', caseId).execute());
    const unnumbered = await h.client().json(`/api/receipts/${receiptCode}`);
    expect(unnumbered.body).toMatchObject({ code: receiptCode, organisation: 'Acme Insurance', caseReference: null, ledger: { hash: acceptance.hash, verified: true } });
    expect(JSON.stringify(unnumbered.body)).not.toContain(caseId);
    await withDb((db) => db.q().updateTable('cases').set({ reference: 'CLM-4411' }).where('id', '=', caseId).execute());

    // Replays: nothing stored changes.
    const hashes = entries.map((e) => e.hash);
    const again = await customer(token, `/api/join/offers/${offerId}/accept`, 'POST', { code });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('offer_decided');
    expect((await customer(token, `/api/join/offers/${offerId}/decline`, 'POST', { reason: 'changed my mind' })).status).toBe(409);
    // The claim is settled: no offer follows an accepted one, and the console is told why.
    const after = await admin.json(`/api/cases/${caseId}/offers`, { method: 'POST', json: offerBody() });
    expect(after.status).toBe(409);
    expect(after.body.error.code).toBe('offer_already_accepted');
    expect(after.body.error.message).toContain(receiptCode);
    expect((await admin.json(`/api/cases/${caseId}/offers`)).body.readiness).toMatchObject({ canOffer: false });
    expect((await ledgerOf(caseId)).map((e) => e.hash)).toEqual(hashes);
    expect((await customer(token, '/api/join/offer')).body).toMatchObject({ offer: { state: 'accepted', receiptCode }, receiptUrl: accepted.body.receiptUrl });
  });

  it('the settled outcome’s reason is written in the console language of the assessor who made the offer', async () => {
    await setIdentityGate(false);
    expect((await admin.json('/api/me/language', { method: 'PUT', json: { language: 'zh-CN' } })).status).toBe(200);
    try {
      const { caseId, token } = await caseWithLink();
      const offerId = (await admin.json(`/api/cases/${caseId}/offers`, { method: 'POST', json: offerBody() })).body.id as string;
      expect((await customer(token, `/api/join/offers/${offerId}/code`, 'POST')).status).toBe(201);
      const accepted = await customer(token, `/api/join/offers/${offerId}/accept`, 'POST', { code: await lastCode() });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      const reason = (await admin.json(`/api/cases/${caseId}`)).body.outcomes.at(-1).reason as string;
      expect(reason).toBe(`客户已接受赔付方案 ${offerId}（回执 ${accepted.body.receiptCode}）：${offerBody().items.map((i) => `${i.description} ${new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'EUR' }).format(i.amount)}`).join('；')}。`);
    } finally {
      expect((await admin.json('/api/me/language', { method: 'PUT', json: { language: null } })).status).toBe(200);
    }
  });

  it('decline with a reason → declined entry and a receipt; a reason is required', async () => {
    await setIdentityGate(false);
    const { caseId, token } = await caseWithLink();
    const offerId = (await admin.json(`/api/cases/${caseId}/offers`, { method: 'POST', json: offerBody() })).body.id;
    expect((await customer(token, `/api/join/offers/${offerId}/decline`, 'POST', {})).status).toBe(400);
    expect((await customer(token, `/api/join/offers/${offerId}/decline`, 'POST', { reason: '   ' })).status).toBe(400);
    const declined = await customer(token, `/api/join/offers/${offerId}/decline`, 'POST', { reason: 'The garage quoted 1,800.' });
    expect(declined.status).toBe(200);
    expect(declined.body.offer).toMatchObject({ state: 'declined', declineReason: 'The garage quoted 1,800.' });
    const entry = (await ledgerOf(caseId)).at(-1)!;
    expect(entry).toMatchObject({ type: 'offer.declined', payload: { offerId, reason: 'The garage quoted 1,800.', receiptCode: declined.body.receiptCode } });
    expect((await admin.json(`/api/cases/${caseId}`)).body.outcomes).toEqual([]);
    const receipt = await h.client().json(`/api/receipts/${declined.body.receiptCode}`);
    expect(receipt.body).toMatchObject({ decision: 'declined', ledger: { seq: entry.seq, verified: true } });
    expect(JSON.stringify(receipt.body)).not.toContain('garage');
  });

  it('a second offer supersedes the first, in the ledger; the first can no longer be accepted', async () => {
    await setIdentityGate(false);
    const { caseId, token } = await caseWithLink();
    const first = (await admin.json(`/api/cases/${caseId}/offers`, { method: 'POST', json: offerBody() })).body.id;
    expect((await customer(token, `/api/join/offers/${first}/code`, 'POST')).status).toBe(201);
    const code = await lastCode();
    const second = await admin.json(`/api/cases/${caseId}/offers`, { method: 'POST', json: offerBody({ amount: 1400, items: [{ description: 'Rear bumper and paint', amount: 1400 }] }) });
    expect(second.status).toBe(201);
    expect(second.body.supersedes).toBe(first);
    expect((await ledgerOf(caseId)).at(-1)!.payload).toMatchObject({ offerId: second.body.id, supersedes: first });
    const list = (await admin.json(`/api/cases/${caseId}/offers`)).body.offers;
    expect(list.map((o: { state: string }) => o.state)).toEqual(['superseded', 'open']);
    expect(list[0].supersededBy).toBe(second.body.id);
    const hashes = (await ledgerOf(caseId)).map((e) => e.hash);
    const refused = await customer(token, `/api/join/offers/${first}/accept`, 'POST', { code });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('offer_superseded');
    expect((await ledgerOf(caseId)).map((e) => e.hash)).toEqual(hashes);
    expect((await customer(token, '/api/join/offer')).body.offer.id).toBe(second.body.id);
  });

  it('expiry: an expired offer is shown as expired and cannot be accepted, even with a right code', async () => {
    await setIdentityGate(false);
    const { caseId, token } = await caseWithLink();
    const offerId = (await admin.json(`/api/cases/${caseId}/offers`, { method: 'POST', json: offerBody({ expiresAt: new Date(Date.now() + 60 * 60_000).toISOString() }) })).body.id;
    await customer(token, `/api/join/offers/${offerId}/code`, 'POST');
    const code = await lastCode();
    h.advance(61 * 60_000);
    expect((await customer(token, '/api/join/offer')).body.offer.state).toBe('expired');
    const hashes = (await ledgerOf(caseId)).map((e) => e.hash);
    const refused = await customer(token, `/api/join/offers/${offerId}/accept`, 'POST', { code });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('offer_expired');
    expect((await customer(token, `/api/join/offers/${offerId}/code`, 'POST')).body.error.code).toBe('offer_expired');
    expect((await ledgerOf(caseId)).map((e) => e.hash)).toEqual(hashes);
    expect((await offersRows(caseId))[0]).toMatchObject({ state: 'open', receipt_code: null });
  });

  it('forged: another case\'s offer and an unknown id are 404; wrong code ×5 then the right one refused; an expired code refused', async () => {
    await setIdentityGate(false);
    const mine = await caseWithLink();
    const other = await caseWithLink(admin, '+447700900999');
    const otherOffer = (await admin.json(`/api/cases/${other.caseId}/offers`, { method: 'POST', json: offerBody() })).body.id;
    const offerId = (await admin.json(`/api/cases/${mine.caseId}/offers`, { method: 'POST', json: offerBody() })).body.id;
    for (const id of [otherOffer, 'offer_unknown']) {
      for (const action of ['code', 'accept', 'decline']) {
        const res = await customer(mine.token, `/api/join/offers/${id}/${action}`, 'POST', action === 'decline' ? { reason: 'no' } : action === 'accept' ? { code: '123456' } : undefined);
        expect(res.status, `${action} ${id}`).toBe(404);
      }
    }
    expect((await customer(mine.token, `/api/join/offers/${offerId}/accept`, 'POST', { code: '123456' })).body.error.code).toBe('no_code_sent');
    expect((await customer(mine.token, `/api/join/offers/${offerId}/accept`, 'POST', {})).status).toBe(400);
    expect((await customer(mine.token, `/api/join/offers/${offerId}/accept`, 'POST', { code: '12a456' })).status).toBe(400);
    await customer(mine.token, `/api/join/offers/${offerId}/code`, 'POST');
    const code = await lastCode();
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) expect((await customer(mine.token, `/api/join/offers/${offerId}/accept`, 'POST', { code: wrong })).body.error.code).toBe('code_wrong');
    const locked = await customer(mine.token, `/api/join/offers/${offerId}/accept`, 'POST', { code });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('code_attempts_used');
    // A new code resets the attempts; one past its ten minutes is refused.
    await customer(mine.token, `/api/join/offers/${offerId}/code`, 'POST');
    const fresh = await lastCode();
    h.advance(11 * 60_000);
    expect((await customer(mine.token, `/api/join/offers/${offerId}/accept`, 'POST', { code: fresh })).body.error.code).toBe('code_expired');
    expect((await offersRows(mine.caseId))[0]).toMatchObject({ state: 'open', receipt_code: null });
    expect((await kinds(mine.caseId)).filter((k) => k.startsWith('offer.'))).toEqual(['offer.made', 'offer.code-sent', 'offer.code-sent']);
  });

  it('two accepts at once with the right code: one wins, the other is refused, one settled outcome', async () => {
    await setIdentityGate(false);
    const { caseId, token } = await caseWithLink();
    const offerId = (await admin.json(`/api/cases/${caseId}/offers`, { method: 'POST', json: offerBody() })).body.id;
    await customer(token, `/api/join/offers/${offerId}/code`, 'POST');
    const code = await lastCode();
    const answers = await Promise.all([0, 1, 2].map(() => customer(token, `/api/join/offers/${offerId}/accept`, 'POST', { code })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect((await kinds(caseId)).filter((k) => k === 'offer.accepted' || k === 'outcome.recorded')).toEqual(['offer.accepted', 'outcome.recorded']);
    expect((await admin.json(`/api/cases/${caseId}`)).body.outcomes).toHaveLength(1);
  });

  it('confirmed with the identity check: no code; accepted while it stands passed, refused once a new check is asked for', async () => {
    expect((await admin.json('/api/admin/settings', { method: 'PUT', json: { offerRequiresIdentity: false, offerConfirmWith: 'identity' } })).status).toBe(200);
    const { caseId, token } = await caseWithLink();
    const me = (await admin.json('/api/me')).body.user.id as string;
    expect((await admin.json(`/api/cases/${caseId}/offers`, { method: 'POST', json: offerBody() })).body.error.code).toBe('identity_not_passed');
    await passIdentity(caseId, me);
    const first = (await admin.json(`/api/cases/${caseId}/offers`, { method: 'POST', json: offerBody() })).body;
    expect(first.confirmWith).toBe('identity');
    expect((await customer(token, `/api/join/offers/${first.id}/code`, 'POST')).body.error.code).toBe('no_code_needed');
    // A new check asked for after the pass replaces it: the offer cannot be accepted until it passes.
    await withDb((db) => db.q().insertInto('identity_checks').values({ id: `idc_again_${caseId}`, case_id: caseId, document: 'passport', requested_by: me, requested_at: new Date(Date.now() + 1000).toISOString(), state: 'requested' }).execute());
    expect((await customer(token, `/api/join/offers/${first.id}/accept`, 'POST', {})).body.error.code).toBe('identity_not_passed');
    await withDb((db) => db.q().updateTable('identity_checks').set({ state: 'passed', decided_by: me, decided_at: new Date().toISOString(), reason: 'matches' }).where('id', '=', `idc_again_${caseId}`).execute());
    const accepted = await customer(token, `/api/join/offers/${first.id}/accept`, 'POST', {});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect((await ledgerOf(caseId)).find((e) => e.type === 'offer.accepted')!.payload).toMatchObject({ confirmedWith: 'identity', identityCheckId: `idc_again_${caseId}` });
  });

  it('rate limits: 20 code sends and 60 receipt look-ups per address in 10 minutes, then 429 with Retry-After', async () => {
    await setIdentityGate(false);
    const { caseId, token } = await caseWithLink();
    const offerId = (await admin.json(`/api/cases/${caseId}/offers`, { method: 'POST', json: offerBody() })).body.id;
    for (let i = 0; i < 20; i++) expect((await customer(token, `/api/join/offers/${offerId}/code`, 'POST')).status).toBe(201);
    const limited = await h.client().fetch(`/api/join/offers/${offerId}/code`, { method: 'POST', headers: bearer(token) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    for (let i = 0; i < 60; i++) expect((await h.client().json('/api/receipts/0000-0000-0000')).status).toBe(404);
    expect((await h.client().json('/api/receipts/0000-0000-0000')).status).toBe(429);
  });

  it('refusals: no contact on file, a closed case, bad offers, another assessor, unknown receipts', async () => {
    await setIdentityGate(false);
    const created = (await admin.json('/api/cases', { method: 'POST', json: { kind: 'damage', title: 'No phone' } })).body;
    const offerId = (await admin.json(`/api/cases/${created.case.id}/offers`, { method: 'POST', json: offerBody() })).body.id;
    const noContact = await customer(created.token, `/api/join/offers/${offerId}/code`, 'POST');
    expect(noContact.status).toBe(409);
    expect(noContact.body.error.message).toContain('no phone or email on file');

    const bad: [Record<string, unknown>, string][] = [
      [{ amount: 100 }, 'items'],
      [{ currency: 'euro' }, 'currency'],
      [{ items: [] }, 'items'],
      [{ expiresAt: 'tomorrow' }, 'expiresAt'],
      [{ expiresAt: new Date(Date.now() - 60_000).toISOString() }, 'expiresAt'],
      [{ expiresAt: new Date(Date.now() + 31 * DAY).toISOString() }, 'expiresAt'],
      [{ items: [{ description: '', amount: 1250.5 }] }, 'items.0.description'],
      [{ amount: -1, items: [{ description: 'x', amount: -1 }] }, 'amount'],
      [{ extra: true }, 'extra'],
    ];
    for (const [over, field] of bad) {
      const res = await admin.json(`/api/cases/${created.case.id}/offers`, { method: 'POST', json: offerBody(over) });
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(res.body.error.message, JSON.stringify(over)).toContain(field);
    }
    const bob = await newUser(h, admin);
    expect((await bob.client.json(`/api/cases/${created.case.id}/offers`, { method: 'POST', json: offerBody() })).status).toBe(403);
    expect((await bob.client.json(`/api/cases/${created.case.id}/offers`)).status).toBe(403);

    expect((await admin.json(`/api/cases/${created.case.id}/close`, { method: 'POST', json: { reason: 'done' } })).status).toBe(200);
    const closed = await admin.json(`/api/cases/${created.case.id}/offers`, { method: 'POST', json: offerBody() });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('case_closed');

    for (const code of ['ABCD-EFGH-JKMN', 'nonsense', '0000-0000-0000']) expect((await h.client().json(`/api/receipts/${encodeURIComponent(code)}`)).status).toBe(404);
  });
});
