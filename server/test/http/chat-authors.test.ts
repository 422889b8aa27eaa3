// Who wrote a chat line, over real HTTP: each staff line names its writer (role, name, user id) in the
// answer, the case's chat and the ledger; a supervisor's line goes to the assessor alone (whisper) unless
// they are in the session in full or barged in; an expert sees no whispered line, live or listed; a line
// id is its writer's alone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatLine } from '../../../protocol/http.ts';
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

const user = (role: 'assessor' | 'supervisor' | 'expert', name: string): Promise<{ id: string; client: Client }> => newUser(h, admin, role, name);

let lines = 0;
const say = (client: Client, caseId: string, text: string, headers?: Record<string, string>, id = `line-${++lines}-0000`) =>
  client.json(`/api/cases/${caseId}/chat`, { method: 'POST', headers, json: { id, text } });
const enter = (client: Client, caseId: string, mode: string) =>
  client.json(`/api/cases/${caseId}/participants/session`, { method: 'POST', json: { mode, peerId: 'a'.repeat(32) } });
const chatOf = async (client: Client, caseId: string): Promise<ChatLine[]> => (await client.json(`/api/cases/${caseId}`)).body.chat;
const chatEntries = async (caseId: string) =>
  ((await admin.json(`/api/cases/${caseId}/ledger`)).body.entries as Array<{ type: string; payload: Record<string, unknown> }>).filter((e) => e.type === 'chat.line').map((e) => e.payload);

async function scene() {
  const assessor = await user('assessor', 'Ada Assessor');
  const expert = await user('expert', 'Erin Expert');
  const supervisor = await user('supervisor', 'Sam Supervisor');
  const created = await assessor.client.json('/api/cases', { method: 'POST', json: { title: 'Leaking roof' } });
  expect(created.status).toBe(201);
  const caseId: string = created.body.case.id;
  expect((await assessor.client.json(`/api/cases/${caseId}/participants`, { method: 'POST', json: { userId: expert.id } })).status).toBe(201);
  return { assessor, expert, supervisor, caseId, customer: bearer(created.body.token) };
}

describe('chat lines name their writer', () => {
  it('the assessor, an expert and the customer: the answer, the case’s chat and the ledger say who', async () => {
    const { assessor, expert, caseId, customer } = await scene();
    const mine = await say(assessor.client, caseId, 'Hello, I am your assessor.');
    expect(mine.status).toBe(201);
    expect(mine.body.author).toEqual({ role: 'assessor', name: 'Ada Assessor', userId: assessor.id });
    const theirs = await say(expert.client, caseId, 'The flashing has lifted.');
    expect(theirs.status).toBe(201);
    expect(theirs.body).toMatchObject({ from: 'assessor', author: { role: 'expert', name: 'Erin Expert', userId: expert.id } });
    expect(theirs.body.whisper).toBeUndefined();
    const asked = await say(h.client(), caseId, 'Can you see it?', customer);
    expect(asked.status).toBe(201);
    expect(asked.body.author).toBeUndefined();

    expect((await chatOf(assessor.client, caseId)).map((l) => [l.text, l.from, l.author?.role, l.author?.name])).toEqual([
      ['Hello, I am your assessor.', 'assessor', 'assessor', 'Ada Assessor'],
      ['The flashing has lifted.', 'assessor', 'expert', 'Erin Expert'],
      ['Can you see it?', 'customer', undefined, undefined],
    ]);
    expect(await chatEntries(caseId)).toEqual([
      { lineId: mine.body.id, from: 'assessor', text: 'Hello, I am your assessor.', role: 'assessor' },
      { lineId: theirs.body.id, from: 'assessor', text: 'The flashing has lifted.', role: 'expert' },
      { lineId: asked.body.id, from: 'customer', text: 'Can you see it?' },
    ]);
    // A retry by its writer answers the stored line; the same id from anyone else is refused, not read back.
    const again = await say(expert.client, caseId, 'changed', undefined, theirs.body.id);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(theirs.body);
    const taken = await say(h.client(), caseId, 'mine now?', customer, theirs.body.id);
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('line_id_taken');
    expect(JSON.stringify(taken.body)).not.toContain('flashing');
  });

  it('an admin who is the case’s assessor writes as its assessor', async () => {
    const created = await admin.json('/api/cases', { method: 'POST', json: { title: 'Admin’s own case' } });
    const line = await say(admin, created.body.case.id, 'I take this one myself.');
    expect(line.status).toBe(201);
    expect(line.body.author.role).toBe('assessor');
    expect(line.body.whisper).toBeUndefined();
  });
});

describe('a supervisor’s line reaches the customer only in full or barged in', () => {
  it('outside the session, listening or whispering: for the assessor alone; barged in: for everyone', async () => {
    const { assessor, expert, supervisor, caseId } = await scene();
    const outside = await say(supervisor.client, caseId, 'Watching from the queue board.');
    expect(outside.status).toBe(201);
    expect(outside.body).toMatchObject({ whisper: true, author: { role: 'supervisor', name: 'Sam Supervisor' } });

    expect((await enter(supervisor.client, caseId, 'listen')).status).toBe(201);
    expect((await say(supervisor.client, caseId, 'Listening now.')).body.whisper).toBe(true);

    expect((await enter(supervisor.client, caseId, 'whisper')).status).toBe(200);
    // The whisper reaches the assessor's console live, and the expert's not at all.
    const assessorSaw = await eventsDuring(assessor.client, () => say(supervisor.client, caseId, 'Offer the goodwill payment.'), (seen) => seen.some((e) => e.type === 'chat'));
    const whispered = assessorSaw.find((e) => e.type === 'chat');
    expect(whispered).toMatchObject({ line: { text: 'Offer the goodwill payment.', whisper: true } });

    expect((await enter(supervisor.client, caseId, 'barge')).status).toBe(200);
    const expertSaw = await eventsDuring(expert.client, () => say(supervisor.client, caseId, 'I am the supervisor; we will cover it.'), (seen) => seen.some((e) => e.type === 'chat'));
    expect(expertSaw.filter((e) => e.type === 'chat').map((e) => (e.type === 'chat' ? e.line.text : ''))).toEqual(['I am the supervisor; we will cover it.']);

    const all = await chatOf(assessor.client, caseId);
    expect(all.map((l) => [l.text, l.whisper ?? false])).toEqual([
      ['Watching from the queue board.', true],
      ['Listening now.', true],
      ['Offer the goodwill payment.', true],
      ['I am the supervisor; we will cover it.', false],
    ]);
    // The expert's view of the case leaves the whispers out.
    expect((await chatOf(expert.client, caseId)).map((l) => l.text)).toEqual(['I am the supervisor; we will cover it.']);
    expect((await chatEntries(caseId)).map((p) => [p.role, p.whisper])).toEqual([
      ['supervisor', true],
      ['supervisor', true],
      ['supervisor', true],
      ['supervisor', undefined],
    ]);
    // A retry of a whisper is still a whisper.
    expect((await say(supervisor.client, caseId, 'x', undefined, all[0]!.id)).body).toMatchObject({ whisper: true, text: 'Watching from the queue board.' });
  });

  it('a supervisor still changes nothing else in a case (chat is the one write beside the session)', async () => {
    const { caseId, supervisor } = await scene();
    const link = await supervisor.client.json(`/api/cases/${caseId}/join-link`, { method: 'POST' });
    expect(link.status).toBe(403);
    expect(link.body.error.message).toMatch(/supervisor can read cases, not change them/);
  });
});
