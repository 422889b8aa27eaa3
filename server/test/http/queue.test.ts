// The front door's queue over real HTTP: skills that relax with time, priority then oldest first, one
// offer at a time per entry and per assessor, offers that time out or are declined going to the next,
// accepting (the case and the load move), a session ending or its customer lost, assessors away or
// offline getting nothing, and bad input refused with nothing stored changed.
import { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../protocol/http.ts';
import type { QueueView } from '../../../protocol/queue.ts';
import { eventsDuring } from './events.ts';
import { bearer, type Client, type Harness, newUser, startHarness } from './harness.ts';

let h: Harness;
let admin: Client;

beforeEach(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
});
afterEach(() => h?.close());

interface Person {
  id: string;
  client: Client;
}

/** An assessor with these skills and capacity, logged in; available unless told otherwise. */
async function assessor(skills: Record<string, number>, capacity: Record<string, number>, status: 'available' | 'busy' | 'away' | null = 'available'): Promise<Person> {
  const { id, client } = await newUser(h, admin);
  expect((await admin.json(`/api/users/${id}/routing`, { method: 'PUT', json: { skills, capacity } })).status).toBe(204);
  if (status) expect((await client.json('/api/me/status', { method: 'PUT', json: { status } })).status).toBe(204);
  return { id, client };
}

async function newCase(title = 'Hail'): Promise<string> {
  const res = await admin.json('/api/cases', { method: 'POST', json: { title } });
  expect(res.status).toBe(201);
  return res.body.case.id;
}

async function enqueue(body: Record<string, unknown>): Promise<string> {
  const res = await admin.json('/api/queue', { method: 'POST', json: body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.entry.id;
}

async function offerOf(person: Person): Promise<{ entryId: string; caseId: string; reason: string } | null> {
  const res = await person.client.json('/api/me/offer');
  if (res.status === 204) return null;
  expect(res.status).toBe(200);
  return res.body.offer;
}

const queueView = async (): Promise<QueueView> => (await admin.json('/api/queue')).body;
const post = (client: Client, path: string) => client.json(path, { method: 'POST', json: {} });
const ledgerOf = async (caseId: string): Promise<LedgerEntry[]> => (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries;
const queueEntries = async (caseId: string) => (await ledgerOf(caseId)).filter((e) => e.type.startsWith('queue.')).map((e) => ({ type: e.type, ...e.payload }));

describe('routing by skills that relax over time', () => {
  it('offers only to a matching assessor, then to a lesser one once the step relaxes', async () => {
    const expert = await assessor({ auto: 4 }, { video: 1 }, 'busy');
    const junior = await assessor({ auto: 2 }, { video: 1 });
    const caseId = await newCase();
    const entryId = await enqueue({ caseId, channel: 'video', steps: [{ afterSeconds: 0, requires: [{ skill: 'auto', minLevel: 3 }] }, { afterSeconds: 30, requires: [{ skill: 'auto', minLevel: 2 }] }] });
    expect(await offerOf(junior)).toBeNull();
    expect(await offerOf(expert)).toBeNull();
    h.advance(29_000);
    expect(await offerOf(junior)).toBeNull();
    h.advance(1_000);
    const offer = await offerOf(junior);
    // The reason in English words, and the same as facts the console words in its reader's language.
    const facts = { kind: 'matched', stepIndex: 1, afterSeconds: 30, requires: [{ skill: 'auto', minLevel: 2 }] };
    expect(offer).toMatchObject({ entryId, caseId, reason: 'matched auto≥2 after relaxing at 30 s', facts });
    expect(await queueEntries(caseId)).toContainEqual(expect.objectContaining({ type: 'queue.offered', assessorId: junior.id, stepIndex: 1, reason: 'matched auto≥2 after relaxing at 30 s', facts }));
  });

  it('never offers a call to someone who does not take the channel', async () => {
    const chatOnly = await assessor({ auto: 5 }, { text: 3 });
    await enqueue({ caseId: await newCase(), channel: 'video' });
    expect(await offerOf(chatOnly)).toBeNull();
  });
});

describe('order and offers', () => {
  it('serves priority first, then the longest waiting, and shows positions in that order', async () => {
    const only = await assessor({}, { text: 1 }, 'busy');
    const first = await enqueue({ caseId: await newCase('first'), channel: 'text' });
    h.advance(1_000);
    const second = await enqueue({ caseId: await newCase('second'), channel: 'text' });
    h.advance(1_000);
    const urgent = await enqueue({ caseId: await newCase('urgent'), channel: 'text', priority: 5 });
    const view = await queueView();
    expect(view.entries.map((e) => [e.id, e.position])).toEqual([[urgent, 1], [first, 2], [second, 3]]);
    expect(view.entries.every((e) => e.etaSeconds === null)).toBe(true); // nobody available yet

    expect((await only.client.json('/api/me/status', { method: 'PUT', json: { status: 'available' } })).status).toBe(204);
    const served: string[] = [];
    for (let i = 0; i < 3; i++) {
      const offer = (await offerOf(only))!;
      served.push(offer.entryId);
      expect((await post(only.client, `/api/queue/${offer.entryId}/accept`)).status).toBe(200);
      expect(await offerOf(only)).toBeNull(); // text capacity 1, now held
      expect((await post(only.client, `/api/queue/${offer.entryId}/finish`)).status).toBe(200);
    }
    expect(served).toEqual([urgent, first, second]);
  });

  it('makes one offer per entry and per assessor at a time', async () => {
    const a = await assessor({}, { text: 3 });
    const b = await assessor({}, { text: 3 });
    for (let i = 0; i < 3; i++) await enqueue({ caseId: await newCase(`c${i}`), channel: 'text' });
    const view = await queueView();
    const offered = view.entries.filter((e) => e.state === 'offered');
    expect(offered).toHaveLength(2);
    expect(new Set(offered.map((e) => e.offeredTo))).toEqual(new Set([a.id, b.id]));
    expect(view.entries.filter((e) => e.state === 'waiting')).toHaveLength(1);
    expect(view.assessors.map((x) => x.offer).sort()).toEqual(offered.map((e) => e.id).sort());
  });

  it('sends an offer that times out to the next assessor, and refuses a late accept', async () => {
    const a = await assessor({}, { video: 1 });
    const b = await assessor({}, { video: 1 });
    const caseId = await newCase();
    const entryId = await enqueue({ caseId, channel: 'video' });
    const [first, second] = (await offerOf(a)) ? [a, b] : [b, a];
    expect((await offerOf(first))!.entryId).toBe(entryId);
    expect(await offerOf(second)).toBeNull();
    h.advance(20_001);
    expect((await offerOf(second))!.entryId).toBe(entryId);
    expect(await offerOf(first)).toBeNull();
    const late = await post(first.client, `/api/queue/${entryId}/accept`);
    expect(late.status).toBe(409);
    expect(await queueEntries(caseId)).toEqual([
      expect.objectContaining({ type: 'queue.entered', entryId, channel: 'video', priority: 0, steps: [] }),
      expect.objectContaining({ type: 'queue.offered', assessorId: first.id }),
      expect.objectContaining({ type: 'queue.declined', assessorId: first.id, why: 'timed out' }),
      expect.objectContaining({ type: 'queue.offered', assessorId: second.id }),
    ]);
  });

  it('sends a declined offer to the next assessor; a decline that is not yours is refused', async () => {
    const a = await assessor({}, { text: 1 });
    const b = await assessor({}, { text: 1 });
    const caseId = await newCase();
    const entryId = await enqueue({ caseId, channel: 'text' });
    const [first, second] = (await offerOf(a)) ? [a, b] : [b, a];
    expect((await post(second.client, `/api/queue/${entryId}/decline`)).status).toBe(409);
    expect((await post(first.client, `/api/queue/${entryId}/decline`)).status).toBe(204);
    expect((await offerOf(second))!.entryId).toBe(entryId);
    expect(await offerOf(first)).toBeNull();
    expect((await post(first.client, `/api/queue/${entryId}/decline`)).status).toBe(409);
    expect((await post(h.client(), `/api/queue/${entryId}/decline`)).status).toBe(401);
    expect(await queueEntries(caseId)).toContainEqual(expect.objectContaining({ type: 'queue.declined', assessorId: first.id, why: 'declined' }));
  });
});

describe('accepting, ending and losing a session', () => {
  it('assigns the case and the load on accept, frees the load at the end', async () => {
    const a = await assessor({}, { text: 2 });
    const caseId = await newCase();
    const entryId = await enqueue({ caseId, channel: 'text' });
    h.advance(5_000);
    const accepted = await post(a.client, `/api/queue/${entryId}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.entry).toMatchObject({ state: 'assigned', assignedTo: a.id });
    expect((await post(a.client, `/api/queue/${entryId}/accept`)).status).toBe(409);
    expect((await a.client.json(`/api/cases/${caseId}`)).body.case.assessorId).toBe(a.id);
    const ledger = await ledgerOf(caseId);
    expect(ledger.find((e) => e.type === 'case.assigned')?.payload).toMatchObject({ to: a.id });
    const assigned = ledger.find((e) => e.type === 'queue.assigned')?.payload;
    expect(assigned).toMatchObject({ entryId, assessorId: a.id });
    expect(assigned?.waitedMs).toBeGreaterThanOrEqual(5_000);
    expect(assigned?.waitedMs).toBeLessThan(10_000);
    expect((await queueView()).assessors.find((x) => x.id === a.id)?.load).toEqual({ text: 1 });

    const other = await assessor({}, { text: 1 });
    expect((await post(other.client, `/api/queue/${entryId}/finish`)).status).toBe(403);
    expect((await post(a.client, `/api/queue/${entryId}/finish`)).status).toBe(200);
    expect((await post(a.client, `/api/queue/${entryId}/finish`)).status).toBe(409);
    expect((await queueView()).assessors.find((x) => x.id === a.id)?.load).toEqual({ text: 0 });
  });

  it('puts a customer lost mid-session back at the head of the queue, nobody passed over', async () => {
    const a = await assessor({}, { video: 1 });
    const lost = await newCase('lost');
    const lostEntry = await enqueue({ caseId: lost, channel: 'video' });
    const enqueuedAt = (await queueView()).entries[0]!.enqueuedAt;
    expect((await post(a.client, `/api/queue/${lostEntry}/accept`)).status).toBe(200);
    h.advance(30_000);
    const later = await enqueue({ caseId: await newCase('later'), channel: 'video' });
    const back = await post(a.client, `/api/queue/${lostEntry}/requeue`);
    expect(back.status).toBe(200);
    expect(back.body.entry).toMatchObject({ enqueuedAt, assignedTo: null });
    const view = await queueView();
    expect(view.entries[0]).toMatchObject({ id: lostEntry, enqueuedAt, state: 'offered', offeredTo: a.id });
    expect(view.entries[1]).toMatchObject({ id: later, state: 'waiting' });
    expect(await queueEntries(lost)).toContainEqual(expect.objectContaining({ type: 'queue.entered', requeuedFrom: a.id }));
  });
});

describe('who is routed', () => {
  it('offers nothing to an assessor who never came online, or whose console went quiet', async () => {
    const offline = await assessor({}, { text: 1 }, null);
    const quiet = await assessor({}, { text: 1 });
    h.advance(61_000);
    const entryId = await enqueue({ caseId: await newCase(), channel: 'text' });
    const view = await queueView();
    expect(view.entries[0]).toMatchObject({ id: entryId, state: 'waiting', etaSeconds: null });
    expect(Object.fromEntries(view.assessors.map((x) => [x.id, x.status]))).toMatchObject({ [offline.id]: 'offline', [quiet.id]: 'away' });
    expect(await offerOf(offline)).toBeNull();
    // Asking for an offer is the console's sign of life: the quiet one is back, and served.
    expect((await offerOf(quiet))!.entryId).toBe(entryId);
  });

  it('counts an open console stream as a heartbeat, and sends the offer on it live', async () => {
    const a = await assessor({}, { text: 1 });
    h.advance(61_000);
    expect((await queueView()).assessors[0]).toMatchObject({ id: a.id, status: 'away' });
    const caseId = await newCase();
    const seen = await eventsDuring(a.client, async () => {
      await expect.poll(async () => (await queueView()).assessors[0]?.status).toBe('available');
      await enqueue({ caseId, channel: 'text' });
    }, (events) => events.some((e) => e.type === 'offer'));
    expect(seen.find((e) => e.type === 'offer')).toMatchObject({ assessorId: a.id, offer: { caseId, channel: 'text', reason: 'matched any assessor (first step)' } });
  });

  it('passes an open offer to the next when its assessor steps away', async () => {
    const a = await assessor({}, { text: 1 });
    const b = await assessor({}, { text: 1 });
    const caseId = await newCase();
    const entryId = await enqueue({ caseId, channel: 'text' });
    const [first, second] = (await offerOf(a)) ? [a, b] : [b, a];
    expect((await first.client.json('/api/me/status', { method: 'PUT', json: { status: 'busy' } })).status).toBe(204);
    expect((await offerOf(second))!.entryId).toBe(entryId);
    expect(await queueEntries(caseId)).toContainEqual(expect.objectContaining({ type: 'queue.declined', assessorId: first.id, why: 'declined' }));
  });

  it('reads back the status the assessor chose: offline until they choose, the choice even once their console goes quiet', async () => {
    const a = await assessor({}, { text: 1 }, null);
    const statusOf = async (client: Client) => {
      const res = await client.json('/api/me/status');
      expect(res.status).toBe(200);
      return res.body;
    };
    expect(await statusOf(a.client)).toEqual({ status: 'offline' });
    expect(await statusOf(admin)).toEqual({ status: 'offline' });
    for (const status of ['available', 'busy', 'away', 'available'] as const) {
      expect((await a.client.json('/api/me/status', { method: 'PUT', json: { status } })).status).toBe(204);
      expect(await statusOf(a.client)).toEqual({ status });
    }
    h.advance(61_000);
    expect(await statusOf(a.client)).toEqual({ status: 'available' });
    expect((await queueView()).assessors.find((x) => x.id === a.id)).toMatchObject({ status: 'away' });
    expect((await h.client().json('/api/me/status')).status).toBe(401);
  });

  describe('an assessor in a call of their own (from a join link)', () => {
    /** A case of `person`'s with its customer's page on signalling and a call connected from `person`'s console. */
    async function inCall(person: Person): Promise<{ caseId: string; callId: string; customer: WebSocket }> {
      const created = await person.client.json('/api/cases', { method: 'POST', json: { title: 'Storm damage' } });
      expect(created.status).toBe(201);
      const { case: { id: caseId }, token } = created.body;
      expect((await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true } })).status).toBe(200);
      const cred = (await h.client().json('/api/join/peer', { method: 'POST', headers: bearer(token) })).body;
      const customer = new WebSocket(`${h.base.replace('http', 'ws')}/peerjs/peerjs?key=${cred.key}&id=${cred.peerId}&token=${cred.token}`);
      await new Promise((resolve) => customer.once('message', resolve));
      const callId = `call-${caseId}`;
      for (const event of ['started', 'connected']) {
        expect((await person.client.json(`/api/cases/${caseId}/calls`, { method: 'POST', json: { callId, event } })).status).toBe(200);
      }
      return { caseId, callId, customer };
    }

    it('is offered no one while the call is up, and the next customer once it ends', async () => {
      const a = await assessor({}, { video: 1, text: 3 });
      const call = await inCall(a);
      const entryId = await enqueue({ caseId: await newCase(), channel: 'video' });
      const chatId = await enqueue({ caseId: await newCase(), channel: 'text' });
      expect(await offerOf(a)).toBeNull();
      expect((await queueView()).entries.map((e) => [e.id, e.state])).toEqual([[entryId, 'waiting'], [chatId, 'waiting']]);
      expect((await a.client.json(`/api/cases/${call.caseId}/calls`, { method: 'POST', json: { callId: call.callId, event: 'ended' } })).status).toBe(200);
      expect((await offerOf(a))!.entryId).toBe(entryId);
      call.customer.close();
    });

    it('counts a call the console never ended only while its customer is still there', async () => {
      const a = await assessor({}, { video: 1 });
      const call = await inCall(a);
      const entryId = await enqueue({ caseId: await newCase(), channel: 'video' });
      expect(await offerOf(a)).toBeNull();
      call.customer.close();
      await expect.poll(async () => (await offerOf(a))?.entryId ?? null).toBe(entryId);
    });

    it('is not a free colleague for a warm transfer', async () => {
      const a = await assessor({}, { video: 1 });
      const b = await assessor({}, { video: 1 }, 'busy');
      const entryId = await enqueue({ caseId: await newCase(), channel: 'video' });
      expect((await post(a.client, `/api/queue/${entryId}/accept`)).status).toBe(200);
      expect((await b.client.json('/api/me/status', { method: 'PUT', json: { status: 'available' } })).status).toBe(204);
      const call = await inCall(b);
      const warm = await a.client.json(`/api/queue/${entryId}/transfer`, { method: 'POST', json: { mode: 'warm', to: b.id } });
      expect(warm.status).toBe(409);
      expect(warm.body.error.code).toBe('colleague_unavailable');
      call.customer.close();
    });
  });

  it('offers nothing to an assessor who set themselves away', async () => {
    const away = await assessor({}, { text: 1 }, 'away');
    await enqueue({ caseId: await newCase(), channel: 'text' });
    expect(await offerOf(away)).toBeNull();
  });
});

describe('bad input and access', () => {
  it('refuses bad status, routing and criteria with a reason, and stores nothing', async () => {
    const a = await assessor({ auto: 2 }, { text: 1 });
    const caseId = await newCase();
    const before = { view: await queueView(), ledger: await ledgerOf(caseId) };
    const refusals: [Client, string, string, unknown, RegExp][] = [
      [a.client, 'PUT', '/api/me/status', { status: 'gone' }, /status/],
      [a.client, 'PUT', '/api/me/status', { status: 'offline' }, /status/],
      [admin, 'PUT', `/api/users/${a.id}/routing`, { skills: { auto: 9 }, capacity: { text: 1 } }, /skills\.auto: a skill level is 1 to 5/],
      [admin, 'PUT', `/api/users/${a.id}/routing`, { skills: { '<script>': 2 }, capacity: { text: 1 } }, /skill name/],
      [admin, 'PUT', `/api/users/${a.id}/routing`, { skills: {}, capacity: { video: 2 } }, /capacity\.video/],
      [admin, 'POST', '/api/queue', { caseId, channel: 'fax' }, /channel/],
      [admin, 'POST', '/api/queue', { caseId, channel: 'text', steps: [{ afterSeconds: 30, requires: [] }, { afterSeconds: 10, requires: [] }] }, /steps\.1\.afterSeconds: steps must be in ascending afterSeconds/],
      [admin, 'POST', '/api/queue', { caseId, channel: 'text', steps: [{ afterSeconds: 0, requires: [{ skill: 'auto', minLevel: 2 }] }, { afterSeconds: 10, requires: [{ skill: 'auto', minLevel: 3 }] }] }, /steps\.1\.requires: a later step may only relax/],
      [admin, 'POST', '/api/queue', { caseId, channel: 'text', steps: [{ afterSeconds: 0, requires: [{ skill: 'auto', minLevel: 0 }] }] }, /minLevel/],
    ];
    for (const [client, method, path, json, reason] of refusals) {
      const res = await client.json(path, { method, json });
      expect(res.status, `${method} ${path} ${JSON.stringify(json)}`).toBe(400);
      expect(res.body.error.message).toMatch(reason);
    }
    expect((await admin.json('/api/users/usr_nobody/routing', { method: 'PUT', json: { skills: {}, capacity: {} } })).status).toBe(404);
    expect((await admin.json('/api/queue', { method: 'POST', json: { caseId: 'case_nobody', channel: 'text' } })).status).toBe(404);
    expect({ view: await queueView(), ledger: await ledgerOf(caseId) }).toEqual(before);

    await enqueue({ caseId, channel: 'text' });
    expect((await admin.json('/api/queue', { method: 'POST', json: { caseId, channel: 'video' } })).status).toBe(409);
  });

  it('keeps the queue and routing to admins', async () => {
    const a = await assessor({}, { text: 1 });
    const caseId = await newCase();
    expect((await a.client.json('/api/queue')).status).toBe(403);
    expect((await a.client.json('/api/queue', { method: 'POST', json: { caseId, channel: 'text' } })).status).toBe(403);
    expect((await a.client.json(`/api/users/${a.id}/routing`, { method: 'PUT', json: { skills: { auto: 5 }, capacity: { text: 9 } } })).status).toBe(403);
    expect((await h.client().json('/api/me/offer')).status).toBe(401);
  });
});
