// Channel switches with consent over real HTTP (both engines in the postgres project): the assessor's
// proposal, the customer's answer, the switch — each one ledger entry, written once per client-made id.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../protocol/http.ts';
import { bearer, type Client, type Harness, newUser, startHarness } from './harness.ts';

let h: Harness;
let admin: Client;

beforeEach(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
});
afterEach(() => h?.close());

let made = 0;

const user = (role: 'assessor' | 'supervisor' | 'expert' = 'assessor'): Promise<{ id: string; client: Client }> => newUser(h, admin, role);

async function newCase(owner: Client = admin): Promise<{ caseId: string; token: string }> {
  const res = await owner.json('/api/cases', { method: 'POST', json: { title: 'Water in the cellar' } });
  expect(res.status).toBe(201);
  return { caseId: res.body.case.id, token: res.body.token };
}

const channelEntries = async (caseId: string): Promise<LedgerEntry[]> =>
  ((await admin.json(`/api/cases/${caseId}/ledger`)).body.entries as LedgerEntry[]).filter((e) => e.type.startsWith('channel.'));
const propose = (caseId: string, json: unknown, by: Client = admin) => by.json(`/api/cases/${caseId}/channel-proposals`, { method: 'POST', json });
const answer = (token: string, proposalId: string, json: unknown) => h.client().json(`/api/join/channel-proposals/${proposalId}`, { method: 'POST', json, headers: bearer(token) });
const switched = (token: string, json: unknown) => h.client().json('/api/join/channel', { method: 'POST', json, headers: bearer(token) });

const VIDEO = { proposalId: 'proposal-0001', from: 'text', to: 'camera', reason: 'so I can see the damage' };

describe('a proposal, its answer and the switch', () => {
  it('ledgers proposed → answered(true) → switched(text→camera), each once however often it is sent', async () => {
    const { caseId, token } = await newCase();
    const first = await propose(caseId, VIDEO);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.proposal).toEqual({ ...VIDEO, accepted: null });
    expect((await propose(caseId, VIDEO)).status).toBe(200);

    const yes = await answer(token, VIDEO.proposalId, { accepted: true });
    expect(yes.status, JSON.stringify(yes.body)).toBe(201);
    expect(yes.body.proposal).toEqual({ ...VIDEO, accepted: true });
    expect((await answer(token, VIDEO.proposalId, { accepted: true })).status).toBe(200);

    const body = { switchId: 'switch-0001', from: 'text', to: 'camera', proposalId: VIDEO.proposalId };
    const moved = await switched(token, body);
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
    expect(moved.body.switch).toEqual(body);
    expect((await switched(token, body)).status).toBe(200);

    const entries = await channelEntries(caseId);
    expect(entries.map((e) => [e.type, e.actor.type, e.payload])).toEqual([
      ['channel.proposed', 'assessor', { proposalId: VIDEO.proposalId, from: 'text', to: 'camera', reason: 'so I can see the damage' }],
      ['channel.answered', 'customer', { proposalId: VIDEO.proposalId, accepted: true }],
      ['channel.switched', 'customer', { from: 'text', to: 'camera', proposalId: VIDEO.proposalId, switchId: 'switch-0001' }],
    ]);
  });

  it('a switch on the customer’s own choice names no proposal', async () => {
    const { caseId, token } = await newCase();
    const moved = await switched(token, { switchId: 'switch-own-1', from: 'camera', to: 'voice' });
    expect(moved.status).toBe(201);
    expect(moved.body.switch).toEqual({ switchId: 'switch-own-1', from: 'camera', to: 'voice', proposalId: null });
    expect((await channelEntries(caseId)).map((e) => e.payload)).toEqual([{ from: 'camera', to: 'voice', proposalId: null, switchId: 'switch-own-1' }]);
  });

  it('sent at once, the same proposal and the same switch are written once', async () => {
    const { caseId, token } = await newCase();
    expect((await Promise.all([propose(caseId, VIDEO), propose(caseId, VIDEO), propose(caseId, VIDEO)])).map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const answers = await Promise.all([answer(token, VIDEO.proposalId, { accepted: true }), answer(token, VIDEO.proposalId, { accepted: false })]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const accepted = (await channelEntries(caseId)).find((e) => e.type === 'channel.answered')!.payload.accepted;
    if (accepted === true) {
      const body = { switchId: 'switch-race-1', from: 'text', to: 'camera', proposalId: VIDEO.proposalId };
      expect((await Promise.all([switched(token, body), switched(token, body)])).map((r) => r.status).sort()).toEqual([200, 201]);
    }
    expect((await channelEntries(caseId)).filter((e) => e.type !== 'channel.switched')).toHaveLength(2);
  });
});

describe('what is refused, with nothing stored', () => {
  it('a declined proposal keeps the mode: a switch naming it is 409, and the answer cannot change', async () => {
    const { caseId, token } = await newCase();
    expect((await propose(caseId, VIDEO)).status).toBe(201);
    expect((await answer(token, VIDEO.proposalId, { accepted: false })).status).toBe(201);
    const changed = await answer(token, VIDEO.proposalId, { accepted: true });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('already_answered');
    const move = await switched(token, { switchId: 'switch-0002', from: 'text', to: 'camera', proposalId: VIDEO.proposalId });
    expect(move.status).toBe(409);
    expect(move.body.error.code).toBe('proposal_not_accepted');
    expect((await channelEntries(caseId)).map((e) => [e.type, e.payload.accepted])).toEqual([['channel.proposed', undefined], ['channel.answered', false]]);
  });

  it('a switch naming an unanswered, unknown, other case’s or already used proposal, or another mode, is 409', async () => {
    const { caseId, token } = await newCase();
    const other = await newCase();
    expect((await propose(caseId, VIDEO)).status).toBe(201);
    expect((await propose(other.caseId, { ...VIDEO, proposalId: 'proposal-other' })).status).toBe(201);
    expect((await answer(other.token, 'proposal-other', { accepted: true })).status).toBe(201);
    const codeOf = async (json: unknown) => (await switched(token, json)).body.error?.code;
    expect(await codeOf({ switchId: 'switch-a-001', from: 'text', to: 'camera', proposalId: VIDEO.proposalId })).toBe('proposal_not_accepted');
    expect(await codeOf({ switchId: 'switch-a-002', from: 'text', to: 'camera', proposalId: 'proposal-nope' })).toBe('proposal_unknown');
    expect(await codeOf({ switchId: 'switch-a-003', from: 'text', to: 'camera', proposalId: 'proposal-other' })).toBe('proposal_unknown');
    expect((await answer(token, VIDEO.proposalId, { accepted: true })).status).toBe(201);
    expect(await codeOf({ switchId: 'switch-a-004', from: 'text', to: 'voice', proposalId: VIDEO.proposalId })).toBe('proposal_mismatch');
    expect((await switched(token, { switchId: 'switch-a-005', from: 'text', to: 'camera', proposalId: VIDEO.proposalId })).status).toBe(201);
    expect(await codeOf({ switchId: 'switch-a-006', from: 'text', to: 'camera', proposalId: VIDEO.proposalId })).toBe('proposal_used');
    expect(await codeOf({ switchId: 'switch-a-005', from: 'text', to: 'voice' })).toBe('switch_conflict');
    expect((await channelEntries(caseId)).filter((e) => e.type === 'channel.switched')).toHaveLength(1);
  });

  it('the same proposal id with another body is 409; answering another case’s proposal is 404', async () => {
    const { caseId, token } = await newCase();
    const other = await newCase();
    expect((await propose(caseId, VIDEO)).status).toBe(201);
    const again = await propose(caseId, { ...VIDEO, reason: 'another reason' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('proposal_conflict');
    expect((await answer(other.token, VIDEO.proposalId, { accepted: true })).status).toBe(404);
    expect((await answer(token, 'proposal-nope', { accepted: true })).status).toBe(404);
    expect((await answer(token, 'not a valid id!', { accepted: true })).status).toBe(404);
    expect(await channelEntries(other.caseId)).toEqual([]);
    expect(await channelEntries(caseId)).toHaveLength(1);
  });

  it('bad modes and bodies are 400 with the field named', async () => {
    const { caseId, token } = await newCase();
    const bad = [
      { ...VIDEO, to: 'hologram' },
      { ...VIDEO, from: 'camera', to: 'camera' },
      { ...VIDEO, proposalId: 'short' },
      { ...VIDEO, reason: 'x'.repeat(201) },
      { ...VIDEO, reason: '   ' },
      { ...VIDEO, extra: true },
      { from: 'text', to: 'camera' },
    ];
    for (const json of bad) {
      const res = await propose(caseId, json);
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body.error.message.length).toBeGreaterThan(10);
    }
    expect((await propose(caseId, { ...VIDEO, from: 'camera', to: 'camera' })).body.error.code).toBe('same_mode');
    expect((await propose(caseId, VIDEO)).status).toBe(201);
    for (const json of [{}, { accepted: 'yes' }, { accepted: true, extra: 1 }]) expect((await answer(token, VIDEO.proposalId, json)).status, JSON.stringify(json)).toBe(400);
    for (const json of [{ switchId: 'switch-b-001', from: 'text', to: 'fax' }, { switchId: 'switch-b-002', from: 'text', to: 'text' }, { from: 'text', to: 'voice' }, { switchId: 'switch-b-003', from: 'text', to: 'voice', proposalId: 'bad id' }]) {
      expect((await switched(token, json)).status, JSON.stringify(json)).toBe(400);
    }
    expect(await channelEntries(caseId)).toHaveLength(1);
  });

  it('who may: the case’s assessor or an admin proposes; a join link cannot, nor another assessor, a supervisor, an uninvited expert; a bad token is 401', async () => {
    const owner = await user();
    const stranger = await user();
    const supervisor = await user('supervisor');
    const expert = await user('expert');
    const { caseId, token } = await newCase(owner.client);
    expect((await propose(caseId, VIDEO, owner.client)).status).toBe(201);
    expect((await propose(caseId, { ...VIDEO, proposalId: 'proposal-0002' }, stranger.client)).status).toBe(403);
    expect((await propose(caseId, { ...VIDEO, proposalId: 'proposal-0003' }, supervisor.client)).status).toBe(403);
    expect((await propose(caseId, { ...VIDEO, proposalId: 'proposal-0004' }, expert.client)).status).toBe(404);
    expect((await propose('no-such-case-id', VIDEO)).status).toBe(404);
    expect((await h.client().json(`/api/cases/${caseId}/channel-proposals`, { method: 'POST', json: VIDEO, headers: bearer(token) })).status).toBe(401);
    expect((await h.client().json(`/api/cases/${caseId}/channel-proposals`, { method: 'POST', json: VIDEO })).status).toBe(401);
    expect((await answer('x'.repeat(40), VIDEO.proposalId, { accepted: true })).status).toBe(401);
    expect((await h.client().json('/api/join/channel', { method: 'POST', json: { switchId: 'switch-c-001', from: 'text', to: 'voice' } })).status).toBe(401);
    expect(await channelEntries(caseId)).toHaveLength(1);
  });

  it('a closed case takes no proposal, answer or switch (409)', async () => {
    const { caseId, token } = await newCase();
    expect((await propose(caseId, VIDEO)).status).toBe(201);
    const closed = await admin.json(`/api/cases/${caseId}/close`, { method: 'POST', json: {} });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect((await propose(caseId, { ...VIDEO, proposalId: 'proposal-0009' })).status).toBe(409);
    expect((await answer(token, VIDEO.proposalId, { accepted: true })).status).toBe(409);
    expect((await switched(token, { switchId: 'switch-d-001', from: 'text', to: 'voice' })).status).toBe(409);
    expect(await channelEntries(caseId)).toHaveLength(1);
  });
});
