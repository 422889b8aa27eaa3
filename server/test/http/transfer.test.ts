// Handing a queued customer's session on, over real HTTP: cold to a person or a skill (back at the head
// of the queue, the sender's load freed at once), warm to a person or a skill (the sender keeps the
// customer until the colleague accepts; declined, timed out or withdrawn it stays theirs, and they hear
// how it ended), the customer told; an assessor whose console goes quiet mid-session loses it to the
// queue's head, an offer to one whose console went quiet mid-offer times out to the next; and every
// refusal. Throughout: one entry per customer, never two sessions at once.
import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../protocol/http.ts';
import type { QueuePlace } from '../../../protocol/intake.ts';
import type { QueueOffer, QueueView } from '../../../protocol/queue.ts';
import { eventsDuring } from './events.ts';
import { bearer, type Client, type Harness, newUser, startHarness } from './harness.ts';

let h: Harness;
let admin: Client;

async function start(env: Record<string, string> = {}): Promise<void> {
  h = await startHarness(env);
  admin = h.client();
  await admin.login();
}
afterEach(() => h?.close());

let made = 0;

interface Person {
  id: string;
  name: string;
  client: Client;
}

async function person(skills: Record<string, number>, capacity: Record<string, number>, options: { status?: 'available' | 'busy'; role?: string } = {}): Promise<Person> {
  made += 1;
  const { id, name, client } = await newUser(h, admin, options.role ?? 'assessor', `Colleague ${made}`);
  expect((await admin.json(`/api/users/${id}/routing`, { method: 'PUT', json: { skills, capacity } })).status).toBe(204);
  expect((await client.json('/api/me/status', { method: 'PUT', json: { status: options.status ?? 'available' } })).status).toBe(204);
  return { id, name, client };
}

const post = (client: Client, path: string, json: unknown = {}) => client.json(path, { method: 'POST', json });
const queueView = async (): Promise<QueueView> => (await admin.json('/api/queue')).body;
const ledgerOf = async (caseId: string): Promise<LedgerEntry[]> => (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries;
const kinds = async (caseId: string, type: string) => (await ledgerOf(caseId)).filter((e) => e.type === type).map((e) => e.payload);
/** Sessions held on the channel (a channel never held reads 0). */
const loadOf = async (p: Person, channel: 'text' | 'video' = 'video') => (await queueView()).assessors.find((a) => a.id === p.id)!.load[channel] ?? 0;

async function offerOf(p: Person): Promise<QueueOffer | null> {
  const res = await p.client.json('/api/me/offer');
  if (res.status === 204) return null;
  expect(res.status).toBe(200);
  return res.body.offer;
}

/** A case with a join link, queued by the admin; its entry and the customer's token. */
async function queued(channel: string, title = 'Hail'): Promise<{ caseId: string; entryId: string; token: string }> {
  const res = await admin.json('/api/cases', { method: 'POST', json: { title } });
  expect(res.status).toBe(201);
  const entered = await post(admin, '/api/queue', { caseId: res.body.case.id, channel });
  expect(entered.status, JSON.stringify(entered.body)).toBe(201);
  return { caseId: res.body.case.id, entryId: entered.body.entry.id, token: res.body.token };
}

/** `p` takes the customer from the queue. */
async function served(p: Person, channel = 'video', title = 'Hail') {
  const made = await queued(channel, title);
  expect((await offerOf(p))?.entryId).toBe(made.entryId);
  expect((await post(p.client, `/api/queue/${made.entryId}/accept`)).status).toBe(200);
  return made;
}

const placeOf = async (token: string): Promise<QueuePlace> => (await h.client().json('/api/join/queue', { headers: bearer(token) })).body;

describe('cold transfer', () => {
  it('to a person: back at the head, pinned to them, the sender free at once', async () => {
    await start();
    const a = await person({}, { video: 1 });
    const b = await person({}, { video: 1 }, { status: 'busy' });
    const { caseId, entryId, token } = await served(a);
    const enqueuedAt = (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries.find((e: LedgerEntry) => e.type === 'queue.entered').at;
    h.advance(30_000);
    const later = await queued('video', 'later');
    const moved = await post(a.client, `/api/queue/${entryId}/transfer`, { mode: 'cold', to: b.id, note: 'Needs the roof expert' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.entry).toMatchObject({ state: 'waiting', assignedTo: null });
    expect(await loadOf(a)).toBe(0);
    expect(await placeOf(token)).toMatchObject({ state: 'waiting', transferring: true });
    // a is free, but the pin keeps the customer for b; the later customer goes to a.
    expect((await offerOf(a))?.entryId).toBe(later.entryId);
    expect((await b.client.json('/api/me/status', { method: 'PUT', json: { status: 'available' } })).status).toBe(204);
    const offer = (await offerOf(b))!;
    expect(offer).toMatchObject({ entryId, reason: `pinned to ${b.id}`, transfer: null });
    expect(Date.parse(offer.enqueuedAt)).toBeLessThanOrEqual(Date.parse(enqueuedAt));
    expect((await post(b.client, `/api/queue/${entryId}/accept`)).status).toBe(200);
    expect((await admin.json(`/api/cases/${caseId}`)).body.case.assessorId).toBe(b.id);
    expect(await placeOf(token)).toEqual(expect.objectContaining({ state: 'assigned', assessorName: b.name }));
    expect(await placeOf(token)).not.toHaveProperty('transferring');
    expect(await kinds(caseId, 'queue.transferred')).toEqual([{ entryId, from: a.id, to: b.id, mode: 'cold', note: 'Needs the roof expert' }]);
    expect(await kinds(caseId, 'queue.entered')).toHaveLength(1);
  });

  it('to a skill: routed to the best match ahead of a later customer, the sender passed over', async () => {
    await start();
    const a = await person({ auto: 3 }, { text: 1 });
    const { caseId, entryId } = await served(a, 'text');
    const roof = await person({ property: 4 }, { text: 1 }, { status: 'busy' });
    await person({ property: 1 }, { text: 1 }, { status: 'busy' });
    h.advance(5_000);
    const later = await queued('text', 'later');
    const moved = await post(a.client, `/api/queue/${entryId}/transfer`, { mode: 'cold', skill: { skill: 'property', minLevel: 2 } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    // a took the later customer at once, the transferred one needs property≥2.
    expect((await offerOf(a))?.entryId).toBe(later.entryId);
    expect((await roof.client.json('/api/me/status', { method: 'PUT', json: { status: 'available' } })).status).toBe(204);
    expect(await offerOf(roof)).toMatchObject({ entryId, reason: 'matched property≥2 (first step)' });
    const view = await queueView();
    expect(view.entries.map((e) => e.id)).toEqual([entryId, later.entryId]);
    expect(view.entries[0]).toMatchObject({ caseTitle: 'Hail', service: null });
    expect(await kinds(caseId, 'queue.transferred')).toEqual([{ entryId, from: a.id, to: null, mode: 'cold', note: null }]);
  });
});

describe('cold transfer to a colleague with a skill behind', () => {
  it('waits for the colleague; once they decline it goes by the skill', async () => {
    await start();
    const a = await person({ auto: 3 }, { text: 1 });
    const { entryId } = await served(a, 'text');
    const bo = await person({ roof: 1 }, { text: 1 });
    const cy = await person({ roof: 2 }, { text: 1 }, { status: 'busy' });
    const moved = await post(a.client, `/api/queue/${entryId}/transfer`, { mode: 'cold', to: bo.id, skill: { skill: 'roof', minLevel: 2 } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(await offerOf(bo)).toMatchObject({ entryId, reason: `pinned to ${bo.id}` });
    expect((await post(bo.client, `/api/queue/${entryId}/decline`)).status).toBe(204);
    expect(await offerOf(a)).toBeNull(); // free, but not roof≥2
    expect((await queueView()).entries[0]).toMatchObject({ id: entryId, state: 'waiting' });
    expect((await cy.client.json('/api/me/status', { method: 'PUT', json: { status: 'available' } })).status).toBe(204);
    expect(await offerOf(cy)).toMatchObject({ entryId, reason: `pin to ${bo.id} lapsed (passed over); matched roof≥2 (first step)` });
  });
});

describe('warm transfer', () => {
  it('the colleague sees the note first; on accept the case is theirs and the sender hears it', async () => {
    await start();
    const a = await person({}, { video: 1 });
    const { caseId, entryId, token } = await served(a);
    const b = await person({}, { video: 1 });
    h.advance(10_000);
    const moved = await post(a.client, `/api/queue/${entryId}/transfer`, { mode: 'warm', to: b.id, note: '  Water under the sink; she has photos  ' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.entry).toMatchObject({ state: 'offered', offeredTo: b.id, assignedTo: a.id });
    const offer = (await offerOf(b))!;
    expect(offer).toMatchObject({ entryId, caseTitle: 'Hail', transfer: { fromId: a.id, fromName: a.name, note: 'Water under the sink; she has photos' } });
    // Meanwhile a keeps the customer and the load; the customer is told.
    expect(await loadOf(a)).toBe(1);
    expect(await placeOf(token)).toMatchObject({ state: 'assigned', assessorName: a.name, transferring: true, transferTo: b.name, position: null });
    expect((await h.client().json('/api/join/queue', { method: 'DELETE', headers: bearer(token) })).status).toBe(409);
    expect((await post(a.client, `/api/queue/${entryId}/finish`)).status).toBe(409);

    const seen = await eventsDuring(a.client, async () => {
      expect((await post(b.client, `/api/queue/${entryId}/accept`)).status).toBe(200);
    }, (events) => events.some((e) => e.type === 'transfer'));
    expect(seen.find((e) => e.type === 'transfer')).toEqual({ type: 'transfer', assessorId: a.id, entryId, caseId, outcome: 'accepted', colleagueName: b.name });
    expect(await loadOf(a)).toBe(0);
    expect(await loadOf(b)).toBe(1);
    expect((await admin.json(`/api/cases/${caseId}`)).body.case.assessorId).toBe(b.id);
    expect(await placeOf(token)).toEqual(expect.objectContaining({ state: 'assigned', assessorName: b.name }));
    expect(await placeOf(token)).not.toHaveProperty('transferring');
    expect(await placeOf(token)).not.toHaveProperty('transferTo');
    expect((await post(a.client, `/api/queue/${entryId}/finish`)).status).toBe(403);
    const queueKinds = (await ledgerOf(caseId)).filter((e) => e.type.startsWith('queue.')).map((e) => e.type);
    expect(queueKinds).toEqual(['queue.entered', 'queue.offered', 'queue.assigned', 'queue.offered', 'queue.transferred', 'queue.assigned']);
    expect(await kinds(caseId, 'queue.transferred')).toEqual([{ entryId, from: a.id, to: b.id, mode: 'warm', note: 'Water under the sink; she has photos' }]);
    // The customer waited once: the second assignment keeps the first answer's time.
    const [first, second] = await kinds(caseId, 'queue.assigned');
    expect(second!.waitedMs).toBe(first!.waitedMs);
    expect((await post(b.client, `/api/queue/${entryId}/finish`)).status).toBe(200);
    expect([await loadOf(a), await loadOf(b)]).toEqual([0, 0]);
  });

  it('to a skill: the best free match, never the sender', async () => {
    await start();
    const a = await person({ auto: 5 }, { text: 2 });
    const { entryId } = await served(a, 'text');
    await person({ auto: 2 }, { text: 1 });
    const best = await person({ auto: 4 }, { text: 1 });
    const moved = await post(a.client, `/api/queue/${entryId}/transfer`, { mode: 'warm', skill: { skill: 'auto', minLevel: 2 } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.entry.offeredTo).toBe(best.id);
    expect(await offerOf(best)).toMatchObject({ entryId, reason: `warm transfer from ${a.id} (auto≥2)`, facts: { kind: 'transfer', from: a.id, skill: { skill: 'auto', minLevel: 2 } } });
  });

  it('to a colleague who is not free, with a skill to fall back on: the best free match', async () => {
    await start();
    const a = await person({}, { text: 1 });
    const { entryId } = await served(a, 'text');
    const away = await person({ auto: 5 }, { text: 1 }, { status: 'busy' });
    const free = await person({ auto: 3 }, { text: 1 });
    const moved = await post(a.client, `/api/queue/${entryId}/transfer`, { mode: 'warm', to: away.id, skill: { skill: 'auto', minLevel: 3 } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.entry.offeredTo).toBe(free.id);
  });

  it('declined, timed out or withdrawn: the session stays with the sender, who is told', async () => {
    await start();
    const a = await person({}, { video: 1 });
    const { caseId, entryId, token } = await served(a);
    const b = await person({}, { video: 1 });
    const outcomes: string[] = [];
    const transferOnce = async (end: () => Promise<unknown>) => {
      expect((await post(a.client, `/api/queue/${entryId}/transfer`, { mode: 'warm', to: b.id })).status).toBe(200);
      const seen = await eventsDuring(a.client, end, (events) => events.some((e) => e.type === 'transfer'));
      const told = seen.find((e) => e.type === 'transfer');
      outcomes.push(told?.type === 'transfer' ? told.outcome : 'none');
      expect((await admin.json(`/api/queue`)).body.entries).toEqual([]);
      expect(await loadOf(a)).toBe(1);
      expect(await loadOf(b)).toBe(0);
      expect(await placeOf(token)).toEqual(expect.objectContaining({ state: 'assigned', assessorName: a.name }));
      expect(await placeOf(token)).not.toHaveProperty('transferring');
      expect(await offerOf(b)).toBeNull();
    };
    await transferOnce(() => post(b.client, `/api/queue/${entryId}/decline`));
    await transferOnce(async () => {
      h.advance(20_001);
      await queueView();
    });
    await transferOnce(() => post(a.client, `/api/queue/${entryId}/transfer/cancel`));
    expect(outcomes).toEqual(['declined', 'timed out', 'withdrawn']);
    expect((await post(a.client, `/api/queue/${entryId}/transfer/cancel`)).status).toBe(409);
    expect((await post(b.client, `/api/queue/${entryId}/accept`)).status).toBe(409);
    expect((await kinds(caseId, 'queue.declined')).map((p) => p.why)).toEqual(['declined', 'timed out', 'withdrawn']);
    expect(await kinds(caseId, 'queue.transferred')).toEqual([]);
    expect(await kinds(caseId, 'queue.assigned')).toHaveLength(1);
    expect((await post(a.client, `/api/queue/${entryId}/finish`)).status).toBe(200);
  });
});

describe('a lost assessor', () => {
  it('mid-session: a console quiet past the away time loses the customer to the head of the queue', async () => {
    await start();
    const a = await person({}, { video: 1 });
    const b = await person({}, { video: 1 }, { status: 'busy' });
    const { caseId, entryId } = await served(a);
    h.advance(10_000);
    const later = await queued('video', 'later');
    h.advance(49_000);
    expect((await queueView()).entries.map((e) => e.id)).toEqual([later.entryId]); // 59 s quiet: still a's
    h.advance(2_000);
    expect((await b.client.json('/api/me/status', { method: 'PUT', json: { status: 'available' } })).status).toBe(204);
    expect((await offerOf(b))?.entryId).toBe(entryId);
    expect(await loadOf(a)).toBe(0);
    expect((await queueView()).entries.map((e) => [e.id, e.state])).toEqual([[entryId, 'offered'], [later.entryId, 'waiting']]);
    expect(await kinds(caseId, 'queue.entered')).toEqual([expect.objectContaining({ entryId }), expect.objectContaining({ entryId, requeuedFrom: a.id })]);
    expect((await ledgerOf(caseId)).at(-2)).toMatchObject({ type: 'queue.entered', actor: { type: 'system' } });
    expect((await post(a.client, `/api/queue/${entryId}/finish`)).status).toBe(403);
  });

  it('mid-offer: the offer times out to the next after the configured time', async () => {
    await start({ SIGHTLINE_QUEUE_OFFER_SECONDS: '5', SIGHTLINE_QUEUE_AWAY_SECONDS: '600' });
    const a = await person({}, { text: 1 });
    const b = await person({}, { text: 1 });
    const { caseId, entryId } = await queued('text');
    const [first, second] = (await offerOf(a)) ? [a, b] : [b, a];
    h.advance(4_000);
    expect((await queueView()).entries[0]).toMatchObject({ offeredTo: first.id });
    h.advance(1_001);
    expect((await offerOf(second))?.entryId).toBe(entryId);
    expect(await kinds(caseId, 'queue.declined')).toEqual([{ entryId, assessorId: first.id, why: 'timed out' }]);
    // With the away time at ten minutes, five quiet minutes leave the assessor available.
    h.advance(300_000);
    expect((await queueView()).assessors.find((x) => x.id === first.id)?.status).toBe('available');
  });
});

describe('refusals', () => {
  it('refuses what is not yours, not in a session, unknown or yourself, and stores nothing', async () => {
    await start();
    const a = await person({}, { video: 1, text: 1 });
    const { caseId, entryId } = await served(a);
    const other = await person({}, { video: 1 });
    const chatOnly = await person({}, { text: 1 });
    const busy = await person({}, { video: 1 }, { status: 'busy' });
    const waiting = await queued('text', 'waiting');
    const before = await ledgerOf(caseId);
    const cases: [Client, string, unknown, number, string][] = [
      [other.client, entryId, { mode: 'cold' }, 403, 'forbidden'],
      [admin, waiting.entryId, { mode: 'cold' }, 409, 'not_assigned'],
      [a.client, 'qe_nobody', { mode: 'cold' }, 404, 'not_found'],
      [a.client, entryId, { mode: 'warm', to: 'usr_nobody' }, 422, 'not_routed'],
      [a.client, entryId, { mode: 'cold', to: chatOnly.id }, 422, 'not_routed'],
      [a.client, entryId, { mode: 'warm', to: a.id }, 422, 'transfer_to_self'],
      [a.client, entryId, { mode: 'warm', to: busy.id }, 409, 'colleague_unavailable'],
      [a.client, entryId, { mode: 'warm', skill: { skill: 'roof', minLevel: 5 } }, 409, 'colleague_unavailable'],
      [a.client, entryId, { mode: 'warm' }, 400, 'invalid_input'],
      [a.client, entryId, { mode: 'warm', to: other.id, note: 'x'.repeat(501) }, 400, 'invalid_input'],
      [a.client, entryId, { mode: 'hot', to: other.id }, 400, 'invalid_input'],
      [h.client(), entryId, { mode: 'cold' }, 401, 'login_required'],
    ];
    for (const [client, id, body, status, code] of cases) {
      const res = await post(client, `/api/queue/${id}/transfer`, body);
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect(await ledgerOf(caseId)).toEqual(before);
    expect(await loadOf(a)).toBe(1);

    // A supervisor may hand any session on; the second transfer while one is pending is refused.
    const supervisor = await person({}, {}, { role: 'supervisor' });
    expect((await post(supervisor.client, `/api/queue/${entryId}/transfer`, { mode: 'warm', to: other.id })).status).toBe(200);
    expect((await post(a.client, `/api/queue/${entryId}/transfer`, { mode: 'warm', to: other.id })).body.error.code).toBe('transfer_pending');
    expect((await post(other.client, `/api/queue/${entryId}/transfer/cancel`)).status).toBe(403);
  });

  it('lists colleagues to staff, not to experts or strangers', async () => {
    await start();
    const a = await person({ auto: 2 }, { video: 1, text: 2 });
    const expert = await person({}, {}, { role: 'expert' });
    const res = await a.client.json('/api/queue/colleagues');
    expect(res.status).toBe(200);
    expect(res.body.colleagues).toContainEqual({ id: a.id, name: a.name, status: 'available', skills: { auto: 2 }, channels: ['text', 'video'] });
    expect((await expert.client.json('/api/queue/colleagues')).status).toBe(403);
    expect((await h.client().json('/api/queue/colleagues')).status).toBe(401);
  });
});
