// Every kind of ledger entry the server writes, written by the real server through its API (and the
// retention and legal-hold commands), then read back against the contract in protocol/ledger.ts: each
// entry parses with its kind's schema, and no kind of the contract goes unwritten.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { LedgerEntry } from '../../../protocol/http.ts';
import { LEDGER_KINDS, readLedgerEntry } from '../../../protocol/ledger.ts';
import { canonicalJson } from '../../src/ledger/canonical-json.ts';
import { detailedJpeg } from '../evidence/fixtures.ts';
import { FIXTURE_TOURS } from '../faults/principals.ts';
import { bearer, startHarness, type Client, type Harness } from '../http/harness.ts';
import { startSmsReceiver, type SmsReceiver } from '../links/receivers.ts';
import { DAY_MS, legalHold, retention } from '../retention/support.ts';

/** Kinds in the contract that no route writes yet (none: every kind has a route or command that writes it). */
const NOT_YET_WRITTEN = new Set<string>();

let h: Harness;
/** The SMS gateway: it refuses (503) unless a step needs a message to arrive. */
let sms: SmsReceiver;
let admin: Client;
const entries: LedgerEntry[] = [];

const ok = async (what: string, call: Promise<{ status: number; body: any }>, status = [200, 201]): Promise<any> => {
  const res = await call;
  if (!status.includes(res.status)) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
const post = (client: Client, path: string, json: unknown, headers: Record<string, string> = {}) => client.json(path, { method: 'POST', json, headers });
const sha256 = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');

async function upload(client: Client, caseId: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<string> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  body.set('file', new Blob([new Uint8Array(await detailedJpeg(640, 480))], { type: 'image/jpeg' }), 'photo.jpg');
  return (await ok('upload', client.json(`/api/cases/${caseId}/evidence`, { method: 'POST', body, headers }))).id;
}

/** The customer's page comes onto the signalling server and leaves it: customer.joined, customer.left. */
async function visitSignalling(caseId: string, token: string): Promise<void> {
  const cred = await ok('peer credential', post(h.client(), '/api/join/peer', undefined, bearer(token)));
  const ws = new WebSocket(`${h.base.replace('http', 'ws')}/peerjs/peerjs?key=${cred.key}&id=${cred.peerId}&token=${cred.token}`);
  await new Promise((resolve) => ws.once('message', resolve));
  ws.close();
  await expect.poll(async () => (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries.some((e: LedgerEntry) => e.type === 'customer.left')).toBe(true);
}

async function damageCase(): Promise<string> {
  const created = await ok('create', post(admin, '/api/cases', { title: 'Hail', customerName: 'Jane Doe', checklist: 'vehicle', reference: 'CLM-7' }));
  const caseId: string = created.case.id;
  const customer = bearer(created.token);
  const base = `/api/cases/${caseId}`;
  await ok('open link', h.client().json('/api/join', { headers: customer }));
  await ok('decline', post(h.client(), '/api/join/decline', {}, customer), [200, 204]);
  await ok('consent', post(h.client(), '/api/join/consent', { recording: true, location: true }, customer));
  await visitSignalling(caseId, created.token);

  for (const event of ['started', 'connected', 'reconnecting', 'recovered', 'ended']) await ok(`call ${event}`, post(admin, `${base}/calls`, { callId: 'call-00000001', event }));
  for (const event of ['started', 'failed']) await ok(`call ${event}`, post(admin, `${base}/calls`, { callId: 'call-00000002', event, detail: 'ICE failed' }));
  await ok('chat', post(h.client(), `${base}/chat`, { id: 'chat-line-0001', text: 'Water comes in at the corner.' }, customer));
  // A third participant: the admin listens in, whispers to the assessor, leaves.
  for (const mode of ['listen', 'whisper']) await ok(`participant ${mode}`, post(admin, `${base}/participants/session`, { mode, peerId: 'a'.repeat(32) }));
  await ok('participant leaves', admin.json(`${base}/participants/session`, { method: 'DELETE' }), [204]);
  // The assessor proposes video, the customer accepts and switches; later switches back on their own.
  await ok('propose', post(admin, `${base}/channel-proposals`, { proposalId: 'proposal-0001', from: 'text', to: 'camera', reason: 'so I can see the damage' }));
  await ok('answer', post(h.client(), '/api/join/channel-proposals/proposal-0001', { accepted: true }, customer));
  await ok('switch', post(h.client(), '/api/join/channel', { switchId: 'switch-0001', from: 'text', to: 'camera', proposalId: 'proposal-0001' }, customer));

  await ok('address', admin.json(`${base}/address`, { method: 'PUT', json: { address: '1 Hail Street', latitude: 51.5, longitude: -0.14 } }));
  const layer = JSON.stringify({ items: [{ kind: 'marker', points: [{ u: 0.5, v: 0.5 }], label: 'Dent' }] });
  const first = await upload(h.client(), caseId, { source: 'device-still', checklistItem: 'vin-plate', latitude: '51.5', longitude: '-0.14', layer }, customer);
  const second = await upload(admin, caseId, { source: 'video-frame' });
  await ok('note', post(admin, `${base}/evidence/${first}/notes`, { caption: 'VIN plate', note: 'Readable' }));
  await ok('supersede', post(admin, `${base}/evidence/${first}/supersede`, { reason: 'Glare', replacedBy: second }));

  const pose = { position: [0, 1.4, 0], orientation: [0, 0, 0, 1] };
  await ok('annotate', post(admin, `${base}/annotations`, { id: 'annot-0001', kind: 'circle', label: 'Dent', screen: { u: 0.4, v: 0.6 }, anchor: { pose, anchored: true, cameraPose: pose } }));
  await ok('clear', post(admin, `${base}/annotations/clear`, {}));
  await ok('measure', post(admin, `${base}/measurements`, { id: 'measure-01', a: [0, 0, -1], b: [0.8, 0, -1], screenA: { u: 0.2, v: 0.5 }, screenB: { u: 0.8, v: 0.5 }, cameraPose: pose, label: 'Door' }));

  const { recording } = await ok('record', post(admin, `${base}/recordings`, { mimeType: 'video/webm;codecs=vp8,opus', startedAt: new Date().toISOString(), chunkMs: 2000 }));
  const chunk = crypto.randomBytes(4096);
  await ok('chunk', admin.json(`${base}/recordings/${recording.id}/chunks/0`, { method: 'PUT', headers: { 'content-type': 'video/webm', 'x-chunk-sha256': sha256(chunk) }, body: new Uint8Array(chunk) }));
  await ok('seal', post(admin, `${base}/recordings/${recording.id}/seal`, { chunkCount: 1, durationMs: 2000, chunks: [{ n: 0, sha256: sha256(chunk) }] }));

  // The gateway refuses: the failed send is recorded too, then answered 502.
  await ok('send link', post(admin, `${base}/join-link/send`, { channel: 'sms', to: '+447700900123' }), [502]);
  // The front door: queued, offered, declined, offered again (the only assessor had passed it over), accepted.
  const { user: me } = await ok('me', admin.json('/api/me'));
  await ok('routing', admin.json(`/api/users/${me.id}/routing`, { method: 'PUT', json: { skills: { auto: 3 }, capacity: { text: 1 } } }), [204]);
  await ok('available', admin.json('/api/me/status', { method: 'PUT', json: { status: 'available' } }), [204]);
  const { entry } = await ok('enqueue', post(admin, '/api/queue', { caseId, channel: 'text', steps: [{ afterSeconds: 0, requires: [{ skill: 'auto', minLevel: 2 }] }] }));
  await ok('decline', post(admin, `/api/queue/${entry.id}/decline`, {}), [204]);
  await ok('accept', post(admin, `/api/queue/${entry.id}/accept`, {}));
  // Handed on cold to the queue, where the only assessor takes it again.
  await ok('transfer', post(admin, `/api/queue/${entry.id}/transfer`, { mode: 'cold', note: 'Back to the queue' }));
  await ok('accept again', post(admin, `/api/queue/${entry.id}/accept`, {}));
  // The wrap-up names the entry and so finishes it; the customer answers the survey.
  await ok('wrap up', post(admin, `${base}/wrap-up`, { disposition: 'resolved', notes: 'Photos taken', entryId: entry.id }));
  await ok('survey', post(h.client(), '/api/join/survey', { score: 4, comment: 'Quick' }, customer));
  await ok('update', admin.json(base, { method: 'PATCH', json: { title: 'Hail damage' } }));
  const { user: rita } = await ok('user', post(admin, '/api/users', { email: 'rita@example.test', name: 'Rita', password: 'a long enough password' }));
  await ok('assign', post(admin, `${base}/assign`, { assessorId: rita.id }));
  await ok('outcome', post(admin, `${base}/outcome`, { decision: 'approved', reason: 'Covered by the policy' }));
  for (const step of ['close', 'reopen', 'close', 'archive', 'unarchive']) await ok(step, post(admin, `${base}/${step}`, {}));
  return caseId;
}

async function previewCase(): Promise<string> {
  const created = await ok('create preview', post(admin, '/api/cases', { kind: 'preview', title: 'Room preview', tour: 'test-room' }));
  const caseId: string = created.case.id;
  await ok('consent', post(h.client(), '/api/join/consent', { recording: true }, bearer(created.token)));
  const at = new Date().toISOString();
  await ok('tour', post(h.client(), `/api/cases/${caseId}/tour-activity`, { batchId: 'batch-0000001', view: '3d', events: [{ kind: 'hotspot', hotspot: 'bed', at }] }, bearer(created.token)));
  await ok('booked', post(admin, `/api/cases/${caseId}/outcome`, { decision: 'booked', reason: 'Booked for March', booking: { option: 'room-only' } }));
  return caseId;
}

/** The front door: intake, a question to the agent, the hand-off, a callback request, and leaving the queue. */
async function intakeCase(): Promise<string> {
  const created = await ok('intake', post(h.client(), '/api/intake', { service: 'claim', intent: 'A storm broke my fence', channel: 'voice' }));
  const customer = bearer(created.joinToken);
  await ok('ask the agent', post(h.client(), '/api/join/agent', { question: 'What is the status of my claim?' }, customer));
  await ok('hand off', post(h.client(), '/api/join/hand-off', {}, customer));
  await ok('callback', post(h.client(), '/api/join/queue/callback', { phone: '+44 20 7946 0000' }, customer));
  await ok('leave', h.client().json('/api/join/queue', { method: 'DELETE', headers: customer }));
  return created.caseId;
}

/**
 * Settlement offers on a front-door case (the callback's phone is the contact on file): a code that
 * cannot be sent (nothing listens on the SMS port), a second offer that supersedes the first and is
 * declined, and a third confirmed with the identity check passed through its routes, and accepted.
 */
async function settlementCase(): Promise<string> {
  await ok('settings', admin.json('/api/admin/settings', { method: 'PUT', json: { offerRequiresIdentity: false, offerConfirmWith: 'code' } }));
  const created = await ok('intake', post(h.client(), '/api/intake', { service: 'claim', intent: 'Hail dented my car', channel: 'video' }));
  const customer = bearer(created.joinToken);
  await ok('hand off', post(h.client(), '/api/join/hand-off', {}, customer));
  await ok('callback', post(h.client(), '/api/join/queue/callback', { phone: '+44 20 7946 0001' }, customer));
  const base = `/api/cases/${created.caseId}`;
  const offer = (amount: number) => ({ amount, currency: 'EUR', items: [{ description: 'Bonnet', amount }], conditions: 'Paid in 5 days', expiresAt: new Date(Date.now() + 7 * DAY_MS).toISOString() });
  const first = await ok('offer', post(admin, `${base}/offers`, offer(800)));
  await ok('code', post(h.client(), `/api/join/offers/${first.id}/code`, {}, customer), [502]);
  const second = await ok('second offer', post(admin, `${base}/offers`, offer(900)));
  await ok('decline', post(h.client(), `/api/join/offers/${second.id}/decline`, { reason: 'Too low' }, customer));
  await passedIdentityCheck(created.caseId, customer);
  await withdrawnCodeCheck(created.caseId, customer);
  await ok('settings', admin.json('/api/admin/settings', { method: 'PUT', json: { offerConfirmWith: 'identity' } }));
  const third = await ok('third offer', post(admin, `${base}/offers`, offer(1000)));
  await ok('accept', post(h.client(), `/api/join/offers/${third.id}/accept`, {}, customer));
  await ok('settings', admin.json('/api/admin/settings', { method: 'PUT', json: { offerRequiresIdentity: true, offerConfirmWith: 'code' } }));
  return created.caseId;
}

/** The identity check through its routes: identity.requested, identity.submitted (a passport page and a selfie, live), identity.checked. */
async function passedIdentityCheck(caseId: string, customer: Record<string, string>): Promise<void> {
  const base = `/api/cases/${caseId}`;
  const check = await ok('identity check', post(admin, `${base}/identity-checks`, { document: 'passport' }));
  await ok('consent', post(h.client(), '/api/join/consent', { recording: true, location: false }, customer));
  const live = (purpose: string) => ({ source: 'device-still', deviceTime: new Date().toISOString(), purpose });
  const frontEvidenceId = await upload(h.client(), caseId, live('id-front'), customer);
  const selfieEvidenceId = await upload(h.client(), caseId, live('selfie'), customer);
  await ok('identity photos', post(h.client(), `/api/join/identity-check/${check.id}`, { frontEvidenceId, selfieEvidenceId }, customer));
  await ok('identity decision', post(admin, `${base}/identity-checks/${check.id}/decision`, { result: 'passed', reason: 'The passport and the face match' }));
}

/**
 * A check with a one-time code to the callback's phone: identity.code-sent (the gateway answers this time),
 * identity.code-confirmed, then withdrawn: identity.cancelled (the earlier pass still stands).
 */
async function withdrawnCodeCheck(caseId: string, customer: Record<string, string>): Promise<void> {
  const base = `/api/cases/${caseId}`;
  sms.answer.status = 201;
  const check = await ok('identity check with a code', post(admin, `${base}/identity-checks`, { document: 'id-card', withCode: true }));
  sms.answer.status = 503;
  const code = /\b(\d{6})\b/.exec((sms.messages.at(-1)!.json as { body: string }).body)![1]!;
  await ok('identity code', post(h.client(), `/api/join/identity-check/${check.id}/code/confirm`, { code }, customer));
  await ok('identity withdrawn', post(admin, `${base}/identity-checks/${check.id}/cancel`, { reason: 'Asked for the wrong document' }));
}

beforeAll(async () => {
  sms = await startSmsReceiver();
  sms.answer.status = 503;
  h = await startHarness({ SIGHTLINE_TOURS_DIR: FIXTURE_TOURS, SIGHTLINE_SMS_WEBHOOK_URL: sms.url });
  admin = h.client();
  await admin.login();
});
afterAll(async () => {
  await h?.close();
  await sms?.close();
});

describe('every ledger kind, as the server writes it', () => {
  it('is written through the API, the legal-hold command and the retention command', async () => {
    const cases = [await damageCase(), await previewCase(), await intakeCase(), await settlementCase()];
    await legalHold(h, { caseId: cases[0]!, status: 'on', reason: 'Disputed' });
    await legalHold(h, { caseId: cases[0]!, status: 'off' });
    await retention(h, { olderThanDays: 0, now: new Date(Date.now() + DAY_MS) });
    for (const caseId of cases) entries.push(...(await ok('ledger', admin.json(`/api/cases/${caseId}/ledger`))).entries);
    expect(entries.length).toBeGreaterThan(LEDGER_KINDS.length);
  }, 120_000);

  it('reads against its schema in protocol/ledger.ts, which names every field written', () => {
    const problems = entries.flatMap((entry) => {
      const reading = readLedgerEntry(entry);
      if (!reading.ok) return [`${entry.type} #${entry.seq}: ${reading.problem}`];
      // A parse drops fields its schema lacks: the payload read back whole says the schema has them all.
      return canonicalJson(reading.entry.payload) === canonicalJson(entry.payload) ? [] : [`${entry.type} #${entry.seq}: a field the schema does not name`];
    });
    expect(problems).toEqual([]);
  });

  it('covers every kind of the contract', () => {
    expect([...new Set(entries.map((entry) => entry.type))].sort()).toEqual(LEDGER_KINDS.filter((kind) => !NOT_YET_WRITTEN.has(kind)).sort());
  });
});
