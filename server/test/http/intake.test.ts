// The front door over real HTTP, the customer's side: intake for each service, the digital agent on the
// join link, the hand-off with its summary, the place in the queue (position, estimate, callback,
// leaving), an existing case by join link or by reference and one-time code (sent to a real SMS
// webhook on loopback), and every refusal with nothing stored changed.
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../protocol/http.ts';
import { ServiceType } from '../../../protocol/agent.ts';
import { detailedJpeg } from '../evidence/fixtures.ts';
import { startSmsReceiver, type SmsReceiver } from '../links/receivers.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { bearer, startHarness, type Client, type Harness } from './harness.ts';

let h: Harness;
let admin: Client;
let sms: SmsReceiver;

beforeAll(async () => {
  sms = await startSmsReceiver();
});
afterAll(() => sms.close());
beforeEach(async () => {
  sms.messages.length = 0;
  h = await startHarness({ SIGHTLINE_SMS_WEBHOOK_URL: sms.url });
  admin = h.client();
  await admin.login();
});
afterEach(() => h?.close());

const PASSWORD = 'a long enough password';
let made = 0;

const intake = (json: unknown, headers: Record<string, string> = {}) => h.client().json('/api/intake', { method: 'POST', json, headers });
const customer = (token: string, pathname: string, method = 'GET', json?: unknown) => h.client().json(pathname, { method, headers: bearer(token), ...(json !== undefined ? { json } : {}) });
const ledgerOf = async (caseId: string): Promise<LedgerEntry[]> => (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries;
const kinds = async (caseId: string) => (await ledgerOf(caseId)).map((e) => e.type);

async function opened(json: Record<string, unknown> = {}): Promise<{ caseId: string; token: string; reference: string; answer: { handOff: string; source: string } }> {
  const res = await intake({ service: 'claim', intent: 'A storm broke my fence', ...json });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { caseId: res.body.caseId, token: res.body.joinToken, reference: res.body.reference, answer: res.body.answer };
}

/** An assessor with these skills, logged in and available. */
async function assessor(skills: Record<string, number>, capacity: Record<string, number> = { video: 1 }): Promise<{ id: string; name: string; client: Client }> {
  made += 1;
  const email = `intake-asr${made}@example.test`;
  const name = `Assessor ${made}`;
  const created = await admin.json('/api/users', { method: 'POST', json: { email, name, password: PASSWORD } });
  expect(created.status).toBe(201);
  const id: string = created.body.user.id;
  expect((await admin.json(`/api/users/${id}/routing`, { method: 'PUT', json: { skills, capacity } })).status).toBe(204);
  const client = h.client();
  await client.login(email, PASSWORD);
  expect((await client.json('/api/me/status', { method: 'PUT', json: { status: 'available' } })).status).toBe(204);
  return { id, name, client };
}

/** Rows of the front door's tables and every ledger entry: what a refusal must leave as it was. */
async function stored(): Promise<Record<string, number>> {
  const db = h.databaseUrl ? await openDatabase({ kind: 'postgres', url: h.databaseUrl }) : await openDatabase(path.join(h.dataDir, 'sightline.db'));
  try {
    const count = async (table: 'cases' | 'intakes' | 'intake_codes' | 'queue_entries' | 'join_tokens' | 'ledger_entries') =>
      Number((await db.q().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const attempts = await db.q().selectFrom('intake_codes').select('attempts').execute();
    return {
      cases: await count('cases'), intakes: await count('intakes'), codes: await count('intake_codes'), entries: await count('queue_entries'),
      tokens: await count('join_tokens'), ledger: await count('ledger_entries'), attempts: attempts.reduce((sum, r) => sum + Number(r.attempts), 0),
    };
  } finally {
    await db.close();
  }
}

describe('intake: a new case', () => {
  it('opens a case for each service, with no assessor, a reference, its own link and the agent answering', async () => {
    for (const service of ServiceType.options) {
      const res = await intake({ service, intent: 'I need some help with my booking please', channel: 'text', customerName: 'Dana' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.reference).toMatch(/^SL-[2-9A-Z]{6}$/);
      expect(res.body.joinUrl).toBe(`${h.base}/j#${res.body.joinToken}`);
      expect(res.body.answer).toMatchObject({ speaker: 'digital-agent', label: expect.stringContaining('not a person') });
      const detail = (await admin.json(`/api/cases/${res.body.caseId}`)).body;
      expect(detail.case).toMatchObject({ kind: service === 'preview' ? 'preview' : 'damage', assessorId: null, reference: res.body.reference, customerName: 'Dana' });
      expect(detail.case.title).toMatch(/: I need some help/);
      const entries = await ledgerOf(res.body.caseId);
      expect(entries.map((e) => e.type)).toEqual(['case.created', 'joinlink.issued', 'intake.received', 'agent.answered']);
      expect(entries[2]!.payload).toMatchObject({ service, intent: 'I need some help with my booking please', channel: 'text', existingCase: false });
      expect(entries[2]!.actor.type).toBe('customer');
      const join = await customer(res.body.joinToken, '/api/join');
      expect(join.body.frontDoor).toMatchObject({ service, channel: 'text', turns: [{ question: 'I need some help with my booking please' }], queue: { state: 'not-queued', position: null } });
    }
  });

  it('a preview takes a tour the server offers; an unknown one is 422 naming it, and nothing is stored', async () => {
    const ok = await intake({ service: 'preview', intent: 'Show me the suite', tour: 'hotel-suite' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect((await customer(ok.body.joinToken, '/api/join')).body.tour).toMatchObject({ id: 'hotel-suite' });
    const before = await stored();
    const bad = await intake({ service: 'preview', intent: 'Show me the moon', tour: 'moon-base' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('moon-base');
    expect(await stored()).toEqual(before);
  });

  it('a complaint is offered a person at once', async () => {
    const { answer } = await opened({ service: 'complaint', intent: 'Your assessor never called me back' });
    expect(answer).toMatchObject({ source: 'rule:complaint', handOff: 'offered' });
  });
});

describe('the agent on the join link', () => {
  it('answers a status question from the case facts without a hand-off, and ledgers it', async () => {
    const { caseId, token, reference } = await opened();
    const res = await customer(token, '/api/join/agent', 'POST', { question: 'What is the status of my claim?' });
    expect(res.status).toBe(200);
    expect(res.body.answer).toMatchObject({ source: 'rule:case-status', handOff: 'none' });
    expect(res.body.answer.text).toContain(reference);
    expect(res.body.answer.text).toContain('open');
    const last = (await ledgerOf(caseId)).at(-1)!;
    expect(last).toMatchObject({ type: 'agent.answered', actor: { type: 'system', id: 'digital-agent' }, payload: { question: 'What is the status of my claim?', source: 'rule:case-status', handOff: 'none' } });
    expect(await kinds(caseId)).not.toContain('queue.entered');
  });

  it('refuses a case that did not come through the front door (409) and an oversized question (400)', async () => {
    const plain = (await admin.json('/api/cases', { method: 'POST', json: { title: 'Hail' } })).body;
    const before = await stored();
    const res = await customer(plain.token, '/api/join/agent', 'POST', { question: 'Where is my claim?' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('no_intake');
    const { token } = await opened();
    const mid = await stored();
    const long = await customer(token, '/api/join/agent', 'POST', { question: 'x'.repeat(501) });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toContain('question');
    expect(mid.ledger!).toBeGreaterThan(before.ledger!);
    expect(await stored()).toEqual(mid);
  });
});

describe('hand-off and the queue', () => {
  it('puts the case in the queue with the summary the person reads first, once', async () => {
    const { caseId, token } = await opened({ intent: 'A tree fell on my shed', channel: 'video' });
    expect((await customer(token, '/api/join/consent', 'POST', { recording: true, location: false })).status).toBe(200);
    const photo = new FormData();
    photo.set('source', 'gallery');
    photo.set('file', new Blob([new Uint8Array(await detailedJpeg(640, 480))], { type: 'image/jpeg' }), 'shed.jpg');
    expect((await h.client().json(`/api/cases/${caseId}/evidence`, { method: 'POST', headers: bearer(token), body: photo })).status).toBe(201);
    await customer(token, '/api/join/agent', 'POST', { question: 'I want to talk to a person' });

    const place = await customer(token, '/api/join/hand-off', 'POST', {});
    expect(place.status, JSON.stringify(place.body)).toBe(200);
    expect(place.body).toMatchObject({ state: 'waiting', channel: 'video', position: 1, callback: null, assessorName: null });
    expect((await customer(token, '/api/join/hand-off', 'POST', {})).body).toMatchObject({ state: 'waiting', position: 1 });
    expect((await kinds(caseId)).filter((k) => k === 'queue.entered')).toHaveLength(1);
    expect(await kinds(caseId)).toContain('agent.handed-off');

    const claims = await assessor({ claims: 2 });
    const offer = (await claims.client.json('/api/me/offer')).body.offer;
    expect(offer).toMatchObject({ caseId, service: 'claim', caseTitle: expect.stringContaining('A tree fell'), callback: null });
    expect(offer.summary).toMatchObject({ service: 'claim', intent: 'A tree fell on my shed', photos: { count: 1 }, reason: 'the customer asked for a person' });
    expect(offer.summary.turns.map((t: { question: string }) => t.question)).toEqual(['A tree fell on my shed', 'I want to talk to a person']);
    expect(offer.summary.text).toContain('Photos: 1');

    expect((await claims.client.json(`/api/queue/${offer.entryId}/accept`, { method: 'POST', json: {} })).status).toBe(200);
    expect((await customer(token, '/api/join/queue')).body).toMatchObject({ state: 'assigned', assessorName: claims.name, position: null });
    expect((await admin.json(`/api/cases/${caseId}`)).body.case.assessorId).toBe(claims.id);
    const frontDoor = await claims.client.json(`/api/cases/${caseId}/front-door`);
    expect(frontDoor.status).toBe(200);
    expect(frontDoor.body).toMatchObject({ intake: { service: 'claim', outcome: 'handed-off' }, summary: { photos: { count: 1 } }, callback: null });
    expect(frontDoor.body.turns).toHaveLength(2);
  });

  it('shows two waiting customers their places and estimates, and moves the second up once the first is served', async () => {
    const first = await opened({ service: 'query', intent: 'Question one', channel: 'text' });
    h.advance(1_000);
    const second = await opened({ service: 'query', intent: 'Question two', channel: 'text' });
    await customer(first.token, '/api/join/hand-off', 'POST', {});
    await customer(second.token, '/api/join/hand-off', 'POST', {});
    expect((await customer(first.token, '/api/join/queue')).body).toMatchObject({ state: 'waiting', position: 1, etaSeconds: null });
    expect((await customer(second.token, '/api/join/queue')).body).toMatchObject({ state: 'waiting', position: 2, etaSeconds: null });

    const desk = await assessor({ service: 1 }, { text: 1 });
    const offer = (await desk.client.json('/api/me/offer')).body.offer;
    expect(offer.caseId).toBe(first.caseId);
    const waiting = (await customer(second.token, '/api/join/queue')).body;
    expect(waiting).toMatchObject({ state: 'waiting', position: 2 });
    expect(waiting.etaSeconds).toBeGreaterThan(0);
    expect((await desk.client.json(`/api/queue/${offer.entryId}/accept`, { method: 'POST', json: {} })).status).toBe(200);
    const next = (await customer(second.token, '/api/join/queue')).body;
    expect(next).toMatchObject({ state: 'waiting', position: 1 });
    expect(next.etaSeconds).toBeGreaterThan(0);
    expect((await customer(first.token, '/api/join/queue')).body).toMatchObject({ state: 'assigned', position: null });
  });

  it('a callback keeps the place and shows on the offer; leaving ends the wait (queue.left, abandonment)', async () => {
    const first = await opened({ service: 'query', intent: 'First', channel: 'voice' });
    const second = await opened({ service: 'query', intent: 'Second', channel: 'voice' });
    await customer(first.token, '/api/join/hand-off', 'POST', {});
    await customer(second.token, '/api/join/hand-off', 'POST', {});
    const called = await customer(first.token, '/api/join/queue/callback', 'POST', { phone: '+44 20 7946 0000', note: 'after 5pm' });
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ state: 'waiting', position: 1, callback: { phone: '+44 20 7946 0000', note: 'after 5pm' } });
    expect((await ledgerOf(first.caseId)).at(-1)).toMatchObject({ type: 'queue.callback-requested', payload: { phone: '+44 20 7946 0000', note: 'after 5pm' } });

    const left = await customer(second.token, '/api/join/queue', 'DELETE');
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ state: 'left', position: null });
    expect((await ledgerOf(second.caseId)).at(-1)).toMatchObject({ type: 'queue.left', actor: { type: 'customer' } });
    const again = await customer(second.token, '/api/join/queue', 'DELETE');
    expect(again.status).toBe(409);

    const desk = await assessor({ service: 1 }, { voice: 1 });
    const offer = (await desk.client.json('/api/me/offer')).body.offer;
    expect(offer).toMatchObject({ caseId: first.caseId, callback: { phone: '+44 20 7946 0000', note: 'after 5pm' } });
    expect((await desk.client.json(`/api/cases/${second.caseId}/front-door`)).status).toBe(403);
    expect((await admin.json(`/api/cases/${second.caseId}/front-door`)).body.intake.outcome).toBe('left');
  });

  it('refuses a callback when not waiting and a bad phone number, storing nothing', async () => {
    const { token } = await opened();
    const before = await stored();
    const notWaiting = await customer(token, '/api/join/queue/callback', 'POST', { phone: '+44 20 7946 0000' });
    expect(notWaiting.status).toBe(409);
    const badPhone = await customer(token, '/api/join/queue/callback', 'POST', { phone: 'call me maybe' });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.message).toContain('phone');
    expect(await stored()).toEqual(before);
  });
});

describe('an existing case', () => {
  it('by its join link: the same token back, a new intake on the case', async () => {
    const { caseId, token } = await opened();
    const res = await intake({ service: 'query', intent: 'What is the status?' }, bearer(token));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ caseId, joinToken: token, answer: { source: 'rule:case-status' } });
    expect((await ledgerOf(caseId)).filter((e) => e.type === 'intake.received').map((e) => e.payload.existingCase)).toEqual([false, true]);
  });

  it('by reference and one-time code: sent by SMS to where the link went, a fresh link, the old one revoked', async () => {
    const created = (await admin.json('/api/cases', { method: 'POST', json: { title: 'Hail on the roof', reference: 'CLM-7731' } })).body;
    expect((await admin.json(`/api/cases/${created.case.id}/join-link/send`, { method: 'POST', json: { channel: 'sms', to: '+447700900123' } })).status).toBe(201);
    const messages = sms.messages.length;
    const asked = await h.client().json('/api/intake/code', { method: 'POST', json: { reference: 'CLM-7731' } });
    expect(asked.status).toBe(202);
    await expect.poll(() => sms.messages.length, { timeout: 5000 }).toBe(messages + 1);
    const sent = sms.messages.at(-1)!.json as { to: string; body: string };
    expect(sent.to).toBe('+447700900123');
    const code = /\b(\d{6})\b/.exec(sent.body)![1]!;

    const res = await intake({ service: 'query', intent: 'Is anything missing?', existing: { reference: 'CLM-7731', code } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ caseId: created.case.id, reference: 'CLM-7731' });
    expect(res.body.joinToken).not.toBe(created.token);
    expect((await customer(created.token, '/api/join')).status).toBe(401);
    expect((await customer(res.body.joinToken, '/api/join')).status).toBe(200);
    // Used once.
    expect((await intake({ service: 'query', intent: 'Again', existing: { reference: 'CLM-7731', code } })).status).toBe(401);
  });

  it('five wrong codes void the code: even the right one then fails', async () => {
    await admin.json('/api/cases', { method: 'POST', json: { title: 'Flood', reference: 'CLM-9001' } }).then(async (c) => {
      expect((await admin.json(`/api/cases/${c.body.case.id}/join-link/send`, { method: 'POST', json: { channel: 'sms', to: '+447700900124' } })).status).toBe(201);
    });
    await h.client().json('/api/intake/code', { method: 'POST', json: { reference: 'CLM-9001' } });
    await expect.poll(() => sms.messages.some((m) => (m.json as { body: string }).body.includes('code is'))).toBe(true);
    const code = /\b(\d{6})\b/.exec((sms.messages.at(-1)!.json as { body: string }).body)![1]!;
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await intake({ service: 'query', intent: 'Status?', existing: { reference: 'CLM-9001', code: wrong } });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('code_rejected');
    }
    const before = await stored();
    const right = await intake({ service: 'query', intent: 'Status?', existing: { reference: 'CLM-9001', code } });
    expect(right.status).toBe(401);
    expect(right.body.error.message).toBe('That reference and code do not match, or the code has expired or been used up; ask for a new code.');
    expect(await stored()).toEqual(before);
  });

  it('an unknown reference gets the same 202, and a closed case is 409 once the code is right', async () => {
    const unknown = await h.client().json('/api/intake/code', { method: 'POST', json: { reference: 'NOPE-1' } });
    const created = (await admin.json('/api/cases', { method: 'POST', json: { title: 'Closed one', reference: 'CLM-5' } })).body;
    await admin.json(`/api/cases/${created.case.id}/join-link/send`, { method: 'POST', json: { channel: 'sms', to: '+447700900125' } });
    const known = await h.client().json('/api/intake/code', { method: 'POST', json: { reference: 'CLM-5' } });
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(known.body);
    await expect.poll(() => sms.messages.some((m) => (m.json as { to: string; body: string }).to === '+447700900125' && (m.json as { body: string }).body.includes('code is'))).toBe(true);
    const code = /\b(\d{6})\b/.exec((sms.messages.at(-1)!.json as { body: string }).body)![1]!;
    expect((await admin.json(`/api/cases/${created.case.id}/close`, { method: 'POST', json: { reason: 'settled' } })).status).toBe(200);
    const res = await intake({ service: 'query', intent: 'Status?', existing: { reference: 'CLM-5', code } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('case_closed');
  });
});

describe('refusals', () => {
  it('an oversized intent is 400 naming the field, and nothing is stored', async () => {
    const before = await stored();
    const res = await intake({ service: 'claim', intent: 'x'.repeat(501) });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('intent');
    expect(await stored()).toEqual(before);
  });

  it('a flood of intakes from one address is 429 with Retry-After and a reason, storing nothing more', async () => {
    for (let i = 0; i < 10; i++) expect((await intake({ service: 'query', intent: `Question ${i}` })).status).toBe(201);
    const before = await stored();
    const res = await h.client().fetch('/api/intake', { method: 'POST', json: { service: 'query', intent: 'One more' } });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await res.json()).error).toMatchObject({ code: 'too_many_requests', message: expect.stringMatching(/too many/i) });
    expect(await stored()).toEqual(before);
  });

  it('code requests and attempts are limited per reference, whatever the address says', async () => {
    // The path spelled as the router still matches it (it ignores case; a trailing slash too) counts the same.
    const spellings = ['/api/intake/code', '/API/Intake/CODE', '/api/intake/code/'];
    for (let i = 0; i < 10; i++) expect((await h.client().json(spellings[i % spellings.length]!, { method: 'POST', json: { reference: 'CLM-FLOOD' } })).status).toBe(202);
    const res = await h.client().json('/api/intake', { method: 'POST', json: { service: 'query', intent: 'Hi', existing: { reference: 'clm-flood', code: '123456' } } });
    expect(res.status).toBe(429);
    expect(res.body.error.message).toContain('for this case');
  });
});
