// A third participant in a live session, over real HTTP: an invited expert gets peer credentials and
// joins in full, an expert not invited learns nothing (404); a supervisor joins, listens, whispers and
// barges, each change a ledger entry; only a participant sets their own mode (the case's assessor
// cannot put a supervisor in whisper); leaving writes participant.left.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, type Harness, newUser, startHarness } from './harness.ts';

let h: Harness;
let admin: Client;

beforeEach(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
});
afterEach(() => h?.close());

const user = (role: 'assessor' | 'supervisor' | 'expert'): Promise<{ id: string; client: Client }> => newUser(h, admin, role);

async function caseOf(owner: Client): Promise<string> {
  const res = await owner.json('/api/cases', { method: 'POST', json: { title: 'Cracked tile' } });
  expect(res.status).toBe(201);
  return res.body.case.id;
}

const peerId = (n: number): string => n.toString(16).padStart(32, 'a');
const enter = (client: Client, caseId: string, body: unknown) => client.json(`/api/cases/${caseId}/participants/session`, { method: 'POST', json: body });
const sessions = (client: Client, caseId: string) => client.json(`/api/cases/${caseId}/participants/session`);
const participantEntries = async (caseId: string) =>
  ((await admin.json(`/api/cases/${caseId}/ledger`)).body.entries as Array<{ type: string; payload: unknown }>).filter((e) => e.type.startsWith('participant.'));

describe('an expert in the session', () => {
  it('invited: gets peer credentials and joins in full; not invited: 404 for credentials and session alike', async () => {
    const assessor = await user('assessor');
    const expert = await user('expert');
    const stranger = await user('expert');
    const caseId = await caseOf(assessor.client);
    expect((await assessor.client.json(`/api/cases/${caseId}/participants`, { method: 'POST', json: { userId: expert.id } })).status).toBe(201);

    const credential = await expert.client.json(`/api/cases/${caseId}/peer`, { method: 'POST' });
    expect(credential.status, JSON.stringify(credential.body)).toBe(200);
    expect(credential.body.peerId).toMatch(/^[0-9a-f]{32}$/);
    // Registered as a participant: the signalling server lets them reach the assessor's console only.
    expect(credential.body.token.split('.')[1]).toBe('participant');
    expect((await assessor.client.json(`/api/cases/${caseId}/peer`, { method: 'POST' })).body.token.split('.')[1]).toBe('assessor');
    const notInvited = await stranger.client.json(`/api/cases/${caseId}/peer`, { method: 'POST' });
    expect(notInvited.status).toBe(404);
    expect(notInvited.body).toEqual((await stranger.client.json('/api/cases/case_missing/peer', { method: 'POST' })).body);
    expect((await enter(stranger.client, caseId, { mode: 'full', peerId: peerId(1) })).status).toBe(404);
    expect((await sessions(stranger.client, caseId)).status).toBe(404);

    const joined = await enter(expert.client, caseId, { mode: 'full', peerId: credential.body.peerId });
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);
    expect(joined.body.session).toMatchObject({ userId: expert.id, role: 'expert', mode: 'full', peerId: credential.body.peerId });
    // The same again changes nothing and writes nothing.
    expect((await enter(expert.client, caseId, { mode: 'full', peerId: credential.body.peerId })).status).toBe(200);
    const whisper = await enter(expert.client, caseId, { mode: 'whisper', peerId: credential.body.peerId });
    expect(whisper.status).toBe(422);
    expect(whisper.body.error.code).toBe('mode_not_allowed');

    const listed = await sessions(assessor.client, caseId);
    expect(listed.status).toBe(200);
    expect(listed.body.sessions.map((s: { userId: string; mode: string }) => [s.userId, s.mode])).toEqual([[expert.id, 'full']]);
    expect((await participantEntries(caseId)).map((e) => [e.type, e.payload])).toEqual([
      ['participant.joined', { userId: expert.id, role: 'expert', mode: 'full', peerId: credential.body.peerId }],
    ]);

    expect((await expert.client.fetch(`/api/cases/${caseId}/participants/session`, { method: 'DELETE' })).status).toBe(204);
    expect((await sessions(assessor.client, caseId)).body.sessions).toEqual([]);
    const again = await expert.client.json(`/api/cases/${caseId}/participants/session`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('not_in_session');
    expect((await participantEntries(caseId)).map((e) => e.type)).toEqual(['participant.joined', 'participant.left']);
    // The invitation itself is still there: leaving the session is not being removed from the case.
    expect((await assessor.client.json(`/api/cases/${caseId}/participants`)).body.participants.map((p: { userId: string }) => p.userId)).toEqual([expert.id]);
  });

  it('removed from the case while in the session: no longer listed, so the assessor’s console drops them', async () => {
    const assessor = await user('assessor');
    const expert = await user('expert');
    const caseId = await caseOf(assessor.client);
    expect((await assessor.client.json(`/api/cases/${caseId}/participants`, { method: 'POST', json: { userId: expert.id } })).status).toBe(201);
    expect((await enter(expert.client, caseId, { mode: 'full', peerId: peerId(6) })).status).toBe(201);
    expect((await sessions(assessor.client, caseId)).body.sessions).toHaveLength(1);

    expect((await assessor.client.fetch(`/api/cases/${caseId}/participants/${expert.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await sessions(assessor.client, caseId)).body.sessions).toEqual([]);
    expect((await enter(expert.client, caseId, { mode: 'full', peerId: peerId(7) })).status).toBe(404);
    expect((await expert.client.json(`/api/cases/${caseId}/peer`, { method: 'POST' })).status).toBe(404);
  });
});

describe('whom to invite', () => {
  it('the case’s lead sees the experts and supervisors not yet invited, by name; an invited expert does not', async () => {
    const assessor = await user('assessor');
    const other = await user('assessor');
    const expert = await user('expert');
    const supervisor = await user('supervisor');
    const caseId = await caseOf(assessor.client);
    const candidates = async (client: Client) => (await client.json(`/api/cases/${caseId}/participants/candidates`)).body.candidates.map((c: { userId: string }) => c.userId);

    expect(await candidates(assessor.client)).toEqual(expect.arrayContaining([expert.id, supervisor.id]));
    expect(await candidates(assessor.client)).not.toContain(other.id);
    expect((await expert.client.json(`/api/cases/${caseId}/participants/candidates`)).status).toBe(404);
    expect((await other.client.json(`/api/cases/${caseId}/participants/candidates`)).status).toBe(403);
    expect((await assessor.client.json(`/api/cases/${caseId}/participants`, { method: 'POST', json: { userId: expert.id } })).status).toBe(201);
    expect(await candidates(assessor.client)).not.toContain(expert.id);
    expect(await candidates(supervisor.client)).toContain(supervisor.id);
    // Invited, the expert reads the case but chooses no one to bring in.
    expect((await expert.client.json(`/api/cases/${caseId}/participants/candidates`)).status).toBe(403);
  });
});

describe('a supervisor in the session', () => {
  it('joins, listens, whispers and barges: each change a ledger entry; the assessor cannot set anyone’s mode', async () => {
    const assessor = await user('assessor');
    const supervisor = await user('supervisor');
    const caseId = await caseOf(assessor.client);

    // A supervisor reads every case: no invitation needed for credentials or a place in the session.
    expect((await supervisor.client.json(`/api/cases/${caseId}/peer`, { method: 'POST' })).status).toBe(200);
    expect((await enter(supervisor.client, caseId, { mode: 'listen', peerId: peerId(2) })).status).toBe(201);
    for (const mode of ['whisper', 'barge', 'full']) {
      const changed = await enter(supervisor.client, caseId, { mode, peerId: peerId(2) });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body.session.mode).toBe(mode);
    }
    // A new registration (the page reconnected) is a change too.
    expect((await enter(supervisor.client, caseId, { mode: 'full', peerId: peerId(3) })).body.session.peerId).toBe(peerId(3));

    const byAssessor = await enter(assessor.client, caseId, { mode: 'whisper', peerId: peerId(2) });
    expect(byAssessor.status).toBe(403);
    expect(byAssessor.body.error.code).toBe('not_a_participant');
    // No field names whose mode to set: the supervisor's stays as they set it.
    expect((await enter(assessor.client, caseId, { mode: 'whisper', peerId: peerId(2), userId: supervisor.id })).status).toBe(400);
    expect((await sessions(assessor.client, caseId)).body.sessions.map((s: { userId: string; mode: string }) => [s.userId, s.mode])).toEqual([[supervisor.id, 'full']]);
    expect((await assessor.client.json(`/api/cases/${caseId}/participants/session`, { method: 'DELETE' })).status).toBe(404);

    const entries = await participantEntries(caseId);
    expect(entries.map((e) => [e.type, (e.payload as { mode?: string }).mode])).toEqual([
      ['participant.joined', 'listen'],
      ['participant.mode-changed', 'whisper'],
      ['participant.mode-changed', 'barge'],
      ['participant.mode-changed', 'full'],
      ['participant.mode-changed', 'full'],
    ]);
    expect(entries[0]!.payload).toEqual({ userId: supervisor.id, role: 'supervisor', mode: 'listen', peerId: peerId(2) });
  });

  it('joins no closed case', async () => {
    const supervisor = await user('supervisor');
    const caseId = await caseOf(admin);
    expect((await admin.json(`/api/cases/${caseId}/close`, { method: 'POST', json: {} })).status).toBe(200);
    const closed = await enter(supervisor.client, caseId, { mode: 'listen', peerId: peerId(4) });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('case_closed');
  });

  it.each([[{}], [{ mode: 'listen' }], [{ mode: 'shout', peerId: peerId(5) }], [{ mode: 'listen', peerId: 'not-a-peer' }], [{ mode: 'listen', peerId: peerId(5).toUpperCase() }], [{ mode: 'listen', peerId: 42 }]])(
    'refuses %j with 400 and writes nothing',
    async (body) => {
      const supervisor = await user('supervisor');
      const caseId = await caseOf(admin);
      const res = await enter(supervisor.client, caseId, body);
      expect(res.status).toBe(400);
      expect(await participantEntries(caseId)).toEqual([]);
    },
  );
});
