// The console's event stream over real HTTP on one instance: each event has an `id:`, a reconnect with
// Last-Event-ID gets what it missed, an id from before a restart gets a resync, a malformed one a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../http/harness.ts';

let h: Harness;
let admin: Client;
beforeAll(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
});
afterAll(async () => {
  await h?.close();
});

/** Reads `GET /api/events` until `count` events came: their ids and types (chat: the text). */
async function read(count: number, lastEventId?: string, during?: () => Promise<unknown>): Promise<{ id: string; what: string }[]> {
  const abort = new AbortController();
  const res = await admin.fetch('/api/events', { signal: abort.signal, headers: lastEventId ? { 'last-event-id': lastEventId } : {} });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  await during?.();
  const seen: { id: string; what: string }[] = [];
  let text = '';
  const deadline = Date.now() + 5_000;
  while (seen.length < count && Date.now() < deadline) {
    text += new TextDecoder().decode((await reader.read()).value);
    const messages = text.split('\n\n');
    text = messages.pop() ?? '';
    for (const message of messages) {
      const id = /^id: (.*)$/m.exec(message)?.[1];
      const data = /^data: (.*)$/m.exec(message)?.[1];
      if (!id || !data) continue;
      const event = JSON.parse(data);
      seen.push({ id, what: event.type === 'case' ? `case ${event.case.title}` : event.type });
    }
  }
  abort.abort();
  return seen;
}

const createCase = (title: string) => admin.json('/api/cases', { method: 'POST', json: { title } });

describe('console event ids and replay', () => {
  it('replays the events a reconnecting console missed, in order, then a resync for ids it cannot replay', async () => {
    const first = await read(1, undefined, () => createCase('first'));
    expect(first[0]!.what).toBe('case first');
    expect(first[0]!.id).toMatch(/^\d+-\d+$/);
    await createCase('second');
    await createCase('third');
    const replayed = await read(2, first[0]!.id);
    expect(replayed.map((e) => e.what)).toEqual(['case second', 'case third']);

    // An id of an earlier run of the server (another epoch) cannot be replayed.
    const resync = await read(1, '1-5');
    expect(resync).toEqual([{ id: replayed[1]!.id, what: 'resync' }]);
  });

  it('refuses a malformed Last-Event-ID with 400 and the reason', async () => {
    const res = await admin.json('/api/events', { headers: { 'last-event-id': 'yesterday' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_last_event_id');
  });
});
