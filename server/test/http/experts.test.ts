// Experts invited to a case, over real HTTP: the case's assessor (or a supervisor, an admin) invites a
// user whose role is expert or supervisor; the invited expert reads the case, its photos and its chat,
// chats, and finds it in their case list, but changes nothing else; an expert not invited learns nothing
// (404, as for a case that does not exist); removing the invitation takes it all away again.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { detailedJpeg } from '../evidence/fixtures.ts';
import { type Client, type Harness, newUser, startHarness } from './harness.ts';

let h: Harness;
let admin: Client;
let photo: Buffer;

beforeAll(async () => {
  photo = await detailedJpeg(640, 480);
});
beforeEach(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
});
afterEach(() => h?.close());

let made = 0;

const user = (role: 'assessor' | 'supervisor' | 'expert' | 'admin'): Promise<{ id: string; client: Client }> => newUser(h, admin, role);

async function caseOf(owner: Client): Promise<string> {
  const res = await owner.json('/api/cases', { method: 'POST', json: { title: 'Water under the sink' } });
  expect(res.status).toBe(201);
  return res.body.case.id;
}

async function uploadPhoto(client: Client, caseId: string): Promise<string> {
  const form = new FormData();
  form.set('source', 'device-still');
  form.set('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
  const res = await client.fetch(`/api/cases/${caseId}/evidence`, { method: 'POST', body: form });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const invite = (client: Client, caseId: string, userId: unknown) => client.json(`/api/cases/${caseId}/participants`, { method: 'POST', json: { userId } });
const chat = (client: Client, caseId: string, text: string) => client.json(`/api/cases/${caseId}/chat`, { method: 'POST', json: { id: `line-${++made}-0000`, text } });

describe('an invited expert', () => {
  it('reads how a front-door customer came in (the hand-off summary); an expert not invited gets 404', async () => {
    const arrived = await h.client().json('/api/intake', { method: 'POST', json: { service: 'claim', intent: 'Water came through the kitchen ceiling' } });
    expect(arrived.status, JSON.stringify(arrived.body)).toBe(201);
    const caseId: string = arrived.body.caseId;
    const invited = await user('expert');
    const other = await user('expert');
    expect((await invite(admin, caseId, invited.id)).status).toBe(201);
    const seen = await invited.client.json(`/api/cases/${caseId}/front-door`);
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    expect(seen.body.intake.intent).toBe('Water came through the kitchen ceiling');
    expect((await other.client.json(`/api/cases/${caseId}/front-door`)).status).toBe(404);
  });

  it('reads the case, its photos and chat, chats, and lists it; an expert not invited gets 404 everywhere', async () => {
    const assessor = await user('assessor');
    const expert = await user('expert');
    const stranger = await user('expert');
    const caseId = await caseOf(assessor.client);
    const other = await caseOf(assessor.client);
    const evidenceId = await uploadPhoto(assessor.client, caseId);
    expect((await chat(assessor.client, caseId, 'Can you look at the joint?')).status).toBe(201);

    const invited = await invite(assessor.client, caseId, expert.id);
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect(invited.body.participant).toMatchObject({ userId: expert.id, role: 'expert', invitedBy: assessor.id });

    const detail = await expert.client.json(`/api/cases/${caseId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.evidence.map((e: { id: string }) => e.id)).toEqual([evidenceId]);
    expect(detail.body.chat.map((l: { text: string }) => l.text)).toEqual(['Can you look at the joint?']);
    expect((await expert.client.fetch(`/api/cases/${caseId}/evidence/${evidenceId}/thumbnail`)).status).toBe(200);
    expect((await chat(expert.client, caseId, 'The joint is corroded; replace it.')).status).toBe(201);
    expect((await assessor.client.json(`/api/cases/${caseId}`)).body.chat.map((l: { text: string }) => l.text)).toContain('The joint is corroded; replace it.');
    expect((await expert.client.json('/api/cases')).body.cases.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect((await expert.client.json(`/api/cases/${caseId}/participants`)).body.participants.map((p: { userId: string }) => p.userId)).toEqual([expert.id]);

    // Invited, but not the case's assessor: no decisions, links, uploads or wrap-ups (403: they know the case).
    expect((await expert.client.json(`/api/cases/${caseId}/outcome`, { method: 'POST', json: { decision: 'approved' } })).status).toBe(403);
    expect((await expert.client.json(`/api/cases/${caseId}/join-link`, { method: 'POST', json: {} })).status).toBe(403);
    expect((await expert.client.json(`/api/cases/${caseId}/wrap-up`, { method: 'POST', json: { disposition: 'resolved' } })).status).toBe(403);
    expect((await invite(expert.client, caseId, stranger.id)).status).toBe(403);

    // Not invited: the same answer as a case that does not exist.
    for (const client of [stranger.client]) {
      const notInvited = await client.json(`/api/cases/${caseId}`);
      expect(notInvited.status).toBe(404);
      expect(notInvited.body).toEqual((await client.json('/api/cases/case_missing')).body);
      expect((await client.fetch(`/api/cases/${caseId}/evidence/${evidenceId}/thumbnail`)).status).toBe(404);
      expect((await chat(client, caseId, 'hello?')).status).toBe(404);
      expect((await client.json(`/api/cases/${caseId}/participants`)).status).toBe(404);
      expect((await client.json('/api/cases')).body.cases).toEqual([]);
    }
    expect((await expert.client.json(`/api/cases/${other}`)).status).toBe(404);

    // Removed: back to knowing nothing.
    expect((await assessor.client.fetch(`/api/cases/${caseId}/participants/${expert.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await expert.client.json(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await expert.client.json('/api/cases')).body.cases).toEqual([]);
    expect((await assessor.client.fetch(`/api/cases/${caseId}/participants/${expert.id}`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('inviting', () => {
  it('only an expert or a supervisor, once, to an open case, by its assessor, a supervisor or an admin', async () => {
    const assessor = await user('assessor');
    const otherAssessor = await user('assessor');
    const expert = await user('expert');
    const supervisor = await user('supervisor');
    const caseId = await caseOf(assessor.client);

    const notTheirs = await invite(otherAssessor.client, caseId, expert.id);
    expect(notTheirs.status).toBe(403);
    const asAssessor = await invite(assessor.client, caseId, otherAssessor.id);
    expect(asAssessor.status).toBe(422);
    expect(asAssessor.body.error.code).toBe('not_invitable');
    expect((await invite(assessor.client, caseId, 'usr_missing')).body.error.code).toBe('unknown_user');
    expect((await invite(assessor.client, 'case_missing', expert.id)).status).toBe(404);

    expect((await invite(supervisor.client, caseId, expert.id)).status).toBe(201);
    const twice = await invite(assessor.client, caseId, expert.id);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_invited');
    const bySupervisor = await invite(admin, caseId, supervisor.id);
    expect(bySupervisor.status).toBe(201);
    expect(bySupervisor.body.participant.role).toBe('supervisor');
    expect((await assessor.client.json(`/api/cases/${caseId}/participants`)).body.participants.map((p: { userId: string }) => p.userId)).toEqual([expert.id, supervisor.id]);
    expect((await otherAssessor.client.json(`/api/cases/${caseId}/participants`)).status).toBe(403);

    expect((await assessor.client.json(`/api/cases/${caseId}/close`, { method: 'POST', json: {} })).status).toBe(200);
    const closed = await invite(assessor.client, caseId, (await user('expert')).id);
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('case_closed');
  });

  it.each([[{}], [{ userId: '' }], [{ userId: 42 }], [{ userId: 'x'.repeat(101) }], [{ userId: 'u', role: 'admin' }]])('refuses %j with 400', async (body) => {
    const caseId = await caseOf(admin);
    const res = await admin.json(`/api/cases/${caseId}/participants`, { method: 'POST', json: body });
    expect(res.status).toBe(400);
    expect((await admin.json(`/api/cases/${caseId}/participants`)).body.participants).toEqual([]);
  });
});
