// After the session over real HTTP: the customer's survey (once per join link, scores 1 to 5, the
// ledger's survey.answered) and the wrap-up (dispositions, notes, finishing the queue entry it names so
// the assessor's load drops, once per entry, only by the case's assessor, a supervisor or an admin).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../protocol/http.ts';
import type { QueueView } from '../../../protocol/queue.ts';
import { bearer, type Client, type Harness, newUser, startHarness } from './harness.ts';

let h: Harness;
let admin: Client;

beforeEach(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
});
afterEach(() => h?.close());

const user = (role: 'assessor' | 'supervisor' | 'expert' = 'assessor'): Promise<{ id: string; client: Client }> => newUser(h, admin, role);

async function newCase(owner: Client = admin): Promise<{ caseId: string; token: string }> {
  const res = await owner.json('/api/cases', { method: 'POST', json: { title: 'Hail on the roof' } });
  expect(res.status).toBe(201);
  return { caseId: res.body.case.id, token: res.body.token };
}

const ledgerOf = async (caseId: string): Promise<LedgerEntry[]> => (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries;
const survey = (token: string, json: unknown) => h.client().json('/api/join/survey', { method: 'POST', json, headers: bearer(token) });

describe('the customer survey', () => {
  it('stores one answer per join link, with a survey.answered entry, and says so when asked again', async () => {
    const { caseId, token } = await newCase();
    expect((await h.client().json('/api/join/survey', { headers: bearer(token) })).status).toBe(204);
    const first = await survey(token, { score: 4, comment: '  Quick and kind.  ' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.survey).toMatchObject({ caseId, score: 4, comment: 'Quick and kind.' });
    const again = await survey(token, { score: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_answered');
    const read = await h.client().json('/api/join/survey', { headers: bearer(token) });
    expect(read.body.survey).toMatchObject({ score: 4, comment: 'Quick and kind.' });
    const answered = (await ledgerOf(caseId)).filter((e) => e.type === 'survey.answered');
    expect(answered.map((e) => e.payload)).toEqual([{ surveyId: first.body.survey.id, score: 4, comment: 'Quick and kind.' }]);
    expect(answered[0]!.actor.type).toBe('customer');
  });

  it('takes two answers sent at once as one, the other 409', async () => {
    const { caseId, token } = await newCase();
    const results = await Promise.all([survey(token, { score: 5 }), survey(token, { score: 3 })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await ledgerOf(caseId)).filter((e) => e.type === 'survey.answered')).toHaveLength(1);
  });

  it('a new join link is a new session with its own survey', async () => {
    const { caseId, token } = await newCase();
    expect((await survey(token, { score: 2 })).status).toBe(201);
    const reissued = await admin.json(`/api/cases/${caseId}/join-link`, { method: 'POST', json: {} });
    expect(reissued.status).toBe(201);
    expect((await survey(reissued.body.token, { score: 5, comment: 'better' })).status).toBe(201);
    expect((await ledgerOf(caseId)).filter((e) => e.type === 'survey.answered').map((e) => e.payload.score)).toEqual([2, 5]);
  });

  it.each([
    [{ score: 0 }], [{ score: 6 }], [{ score: 3.5 }], [{ score: '4' }], [{}], [{ score: 4, comment: 'x'.repeat(1001) }], [{ score: 4, extra: true }], [{ score: 4, comment: 'bad \ud800' }],
  ])('refuses %j with 400 and stores nothing', async (body) => {
    const { caseId, token } = await newCase();
    const res = await survey(token, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBeTruthy();
    expect((await ledgerOf(caseId)).filter((e) => e.type === 'survey.answered')).toHaveLength(0);
    expect((await h.client().json('/api/join/survey', { headers: bearer(token) })).status).toBe(204);
  });

  it('takes a comment of exactly 1000 characters', async () => {
    const { token } = await newCase();
    expect((await survey(token, { score: 3, comment: 'y'.repeat(1000) })).status).toBe(201);
  });

  it('refuses a wrong, replaced or missing token with 401', async () => {
    const { caseId, token } = await newCase();
    expect((await survey('not-a-token', { score: 4 })).status).toBe(401);
    expect((await h.client().json('/api/join/survey', { method: 'POST', json: { score: 4 } })).status).toBe(401);
    await admin.json(`/api/cases/${caseId}/join-link`, { method: 'POST', json: {} });
    const replaced = await survey(token, { score: 4 });
    expect(replaced.status).toBe(401);
    expect(replaced.body.error.code).toBe('token_revoked');
    // A logged-in user is not a customer.
    expect((await admin.json('/api/join/survey', { method: 'POST', json: { score: 4 } })).status).toBe(401);
  });
});

/** An assessor routed for one video session, holding the case's queue entry (assigned). */
async function assignedSession() {
  const assessor = await user();
  expect((await admin.json(`/api/users/${assessor.id}/routing`, { method: 'PUT', json: { skills: {}, capacity: { video: 1 } } })).status).toBe(204);
  expect((await assessor.client.json('/api/me/status', { method: 'PUT', json: { status: 'available' } })).status).toBe(204);
  const { caseId } = await newCase();
  const queued = await admin.json('/api/queue', { method: 'POST', json: { caseId, channel: 'video' } });
  expect(queued.status).toBe(201);
  const entryId: string = queued.body.entry.id;
  const offer = await assessor.client.json('/api/me/offer');
  expect(offer.body.offer.entryId).toBe(entryId);
  expect((await assessor.client.json(`/api/queue/${entryId}/accept`, { method: 'POST', json: {} })).status).toBe(200);
  return { assessor, caseId, entryId };
}

const loadOf = async (id: string) => ((await admin.json<QueueView>('/api/queue')).body.assessors.find((a) => a.id === id)!.load.video ?? 0);

describe('the wrap-up', () => {
  it('finishes the assigned entry it names, so the load drops, and ledgers session.wrapped-up', async () => {
    const { assessor, caseId, entryId } = await assignedSession();
    expect(await loadOf(assessor.id)).toBe(1);
    const res = await assessor.client.json(`/api/cases/${caseId}/wrap-up`, { method: 'POST', json: { disposition: 'resolved', notes: ' Roof photos taken; claim approved. ', entryId } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.wrapUp).toMatchObject({ caseId, userId: assessor.id, entryId, disposition: 'resolved', notes: 'Roof photos taken; claim approved.' });
    expect(res.body.wrapUp.userName).toMatch(/^assessor \d+$/);
    expect(await loadOf(assessor.id)).toBe(0);
    // Finished: a second finish says the entry is no longer in a session.
    expect((await assessor.client.json(`/api/queue/${entryId}/finish`, { method: 'POST', json: {} })).body.error.code).toBe('not_assigned');
    const wrapped = (await ledgerOf(caseId)).filter((e) => e.type === 'session.wrapped-up');
    expect(wrapped.map((e) => e.payload)).toEqual([{ wrapUpId: res.body.wrapUp.id, entryId, disposition: 'resolved', notes: 'Roof photos taken; claim approved.' }]);
    const list = await assessor.client.json(`/api/cases/${caseId}/wrap-ups`);
    expect(list.body.wrapUps).toEqual([res.body.wrapUp]);
    // Once per entry.
    const again = await assessor.client.json(`/api/cases/${caseId}/wrap-up`, { method: 'POST', json: { disposition: 'follow-up', entryId } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_wrapped_up');
  });

  it('frees the capacity so the next customer is offered to the same assessor', async () => {
    const { assessor, caseId, entryId } = await assignedSession();
    const next = await newCase();
    expect((await admin.json('/api/queue', { method: 'POST', json: { caseId: next.caseId, channel: 'video' } })).status).toBe(201);
    expect((await assessor.client.json('/api/me/offer')).status).toBe(204);
    expect((await assessor.client.json(`/api/cases/${caseId}/wrap-up`, { method: 'POST', json: { disposition: 'no-contact', entryId } })).status).toBe(201);
    expect((await assessor.client.json('/api/me/offer')).body.offer.caseId).toBe(next.caseId);
  });

  it('a supervisor or an admin may wrap up; another assessor, an expert and a customer may not', async () => {
    const { caseId, entryId, assessor } = await assignedSession();
    const other = await user();
    const refused = await other.client.json(`/api/cases/${caseId}/wrap-up`, { method: 'POST', json: { disposition: 'resolved', entryId } });
    expect(refused.status).toBe(403);
    const expert = await user('expert');
    expect((await expert.client.json(`/api/cases/${caseId}/wrap-up`, { method: 'POST', json: { disposition: 'resolved' } })).status).toBe(404);
    expect((await expert.client.json(`/api/cases/${caseId}/wrap-ups`)).status).toBe(404);
    const { token } = await newCase();
    expect((await h.client().json(`/api/cases/${caseId}/wrap-up`, { method: 'POST', json: { disposition: 'resolved' }, headers: bearer(token) })).status).toBe(401);
    expect(await loadOf(assessor.id)).toBe(1);
    const supervisor = await user('supervisor');
    const bySupervisor = await supervisor.client.json(`/api/cases/${caseId}/wrap-up`, { method: 'POST', json: { disposition: 'escalated', entryId } });
    expect(bySupervisor.status, JSON.stringify(bySupervisor.body)).toBe(201);
    expect(await loadOf(assessor.id)).toBe(0);
    expect((await admin.json(`/api/cases/${caseId}/wrap-up`, { method: 'POST', json: { disposition: 'transferred' } })).status).toBe(201);
    expect((await supervisor.client.json(`/api/cases/${caseId}/wrap-ups`)).body.wrapUps.map((w: { disposition: string }) => w.disposition)).toEqual(['escalated', 'transferred']);
  });

  it('without an entry it records the wrap-up alone; a missing case is 404', async () => {
    const { caseId } = await newCase();
    const res = await admin.json(`/api/cases/${caseId}/wrap-up`, { method: 'POST', json: { disposition: 'follow-up' } });
    expect(res.status).toBe(201);
    expect(res.body.wrapUp).toMatchObject({ entryId: null, notes: null });
    expect((await admin.json('/api/cases/case_missing/wrap-up', { method: 'POST', json: { disposition: 'resolved' } })).status).toBe(404);
  });

  it('refuses an entry of another case (422) or still waiting (409), storing nothing', async () => {
    const { caseId, entryId } = await assignedSession();
    const other = await newCase();
    const foreign = await admin.json(`/api/cases/${other.caseId}/wrap-up`, { method: 'POST', json: { disposition: 'resolved', entryId } });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.code).toBe('unknown_entry');
    const waiting = await admin.json('/api/queue', { method: 'POST', json: { caseId: other.caseId, channel: 'text' } });
    const early = await admin.json(`/api/cases/${other.caseId}/wrap-up`, { method: 'POST', json: { disposition: 'resolved', entryId: waiting.body.entry.id } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('not_in_session');
    expect((await ledgerOf(other.caseId)).filter((e) => e.type === 'session.wrapped-up')).toHaveLength(0);
    expect((await ledgerOf(caseId)).filter((e) => e.type === 'session.wrapped-up')).toHaveLength(0);
  });

  it.each([
    [{}], [{ disposition: 'done' }], [{ disposition: 'resolved', notes: 'n'.repeat(2001) }], [{ disposition: 'resolved', entryId: '' }], [{ disposition: 'resolved', entryId: 7 }], [{ disposition: 'resolved', extra: 1 }],
  ])('refuses %j with 400', async (body) => {
    const { caseId } = await newCase();
    const res = await admin.json(`/api/cases/${caseId}/wrap-up`, { method: 'POST', json: body });
    expect(res.status).toBe(400);
    expect((await admin.json(`/api/cases/${caseId}/wrap-ups`)).body.wrapUps).toEqual([]);
  });
});
