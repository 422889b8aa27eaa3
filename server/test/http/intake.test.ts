// The front door over real HTTP, the customer's side: intake for each service, the digital agent on the
// join link, the hand-off with its summary, the place in the queue (position, estimate, callback,
// leaving), an existing case by join link or reference and one-time code, and every refusal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../protocol/http.ts';
import { bearer, startHarness, type Client, type Harness } from './harness.ts';

let h: Harness;
let admin: Client;

beforeEach(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
});
afterEach(() => h?.close());

const intake = (json: unknown, headers: Record<string, string> = {}) => h.client().json('/api/intake', { method: 'POST', json, headers });
const ledgerOf = async (caseId: string): Promise<LedgerEntry[]> => (await admin.json(`/api/cases/${caseId}/ledger`)).body.entries;

describe('intake', () => {
  it('opens a case with no assessor, a reference and a join link, and the agent answers the intent', async () => {
    const res = await intake({ service: 'claim', intent: 'A storm broke my fence', channel: 'video', customerName: 'Dana' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.reference).toMatch(/^SL-[2-9A-Z]{6}$/);
    expect(res.body.joinUrl).toMatch(/\/j#/);
    expect(res.body.answer).toMatchObject({ speaker: 'digital-agent' });
    const types = (await ledgerOf(res.body.caseId)).map((e) => e.type);
    expect(types).toEqual(['case.created', 'joinlink.issued', 'intake.received', 'agent.answered']);
    const join = await h.client().json('/api/join', { headers: bearer(res.body.joinToken) });
    expect(join.status).toBe(200);
    expect(join.body.frontDoor).toMatchObject({ service: 'claim', intent: 'A storm broke my fence', queue: { state: 'not-queued' } });
  });
});
