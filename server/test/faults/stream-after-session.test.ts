// A console event stream lives only as long as its session: a hostile tester kept receiving a case's
// events on a stream opened before logout while /api/me already answered 401. Each way a session ends
// (logout, the user disabled, expiry) is tried on an open stream over real HTTP, and so is taking the
// case away from its assessor; then a new event of the case is made and must not arrive.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleEvent } from '../../../protocol/http.ts';
import { bearer, startHarness, type Client, type Harness } from '../http/harness.ts';

const ALICE = { email: 'alice@example.test', name: 'Alice', password: 'alice long password' };
const BOB = { email: 'bob@example.test', name: 'Bob', password: 'bob long password 1' };
const SESSION_LIFE_MS = 12 * 3600_000;

let h: Harness;
let admin: Client;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness({ SIGHTLINE_LOGIN_LIMIT_PER_15MIN: '100000' });
  admin = h.client();
  await admin.login();
  for (const user of [ALICE, BOB]) {
    const res = await admin.json('/api/users', { method: 'POST', json: { ...user, role: 'assessor' } });
    expect(res.status).toBe(201);
    ids[user.email] = res.body.user.id;
  }
});

afterAll(async () => {
  await h?.close();
});

/** An open `GET /api/events`: what it delivered so far, and whether the server ended it. */
interface Stream {
  events: ConsoleEvent[];
  ended: Promise<void>;
  isEnded(): boolean;
  cancel(): Promise<void>;
}

async function openStream(client: Client): Promise<Stream> {
  const res = await client.fetch('/api/events');
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const events: ConsoleEvent[] = [];
  let ended = false;
  const pump = async (): Promise<void> => {
    let text = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) break;
      text += new TextDecoder().decode(value);
      const lines = text.split('\n');
      text = lines.pop() ?? '';
      for (const line of lines.filter((l) => l.startsWith('data: '))) events.push(ConsoleEvent.parse(JSON.parse(line.slice(6))));
    }
    ended = true;
  };
  return { events, ended: pump(), isEnded: () => ended, cancel: () => reader.cancel().catch(() => undefined) };
}

async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function until(what: string, check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const chatIn = (events: ConsoleEvent[], text: string): boolean => events.some((e) => e.type === 'chat' && e.line.text === text);

/** A case assigned to `who`, and a chat line its customer can write (an event for the case's assessor). */
async function caseOf(who: Client): Promise<{ id: string; say(text: string): Promise<void> }> {
  const created = await who.json('/api/cases', { method: 'POST', json: { title: 'Stream case' } });
  expect(created.status).toBe(201);
  const token = created.body.token as string;
  let n = 0;
  return {
    id: created.body.case.id,
    async say(text) {
      const res = await h.client().json(`/api/cases/${created.body.case.id}/chat`, { method: 'POST', headers: bearer(token), json: { id: `line-${String(++n).padStart(4, '0')}`, text } });
      expect(res.status).toBe(201);
    },
  };
}

/** Alice with a fresh session, an open stream and a case whose first event the stream did receive. */
async function liveStream() {
  const alice = h.client();
  await alice.login(ALICE.email, ALICE.password);
  const kase = await caseOf(alice);
  const stream = await openStream(alice);
  await kase.say('before');
  await until('the first event', () => chatIn(stream.events, 'before'));
  return { alice, kase, stream };
}

/** After the session ended: the stream is over, and an event made afterwards reached nobody on it. */
async function expectStreamOver(stream: Stream, kase: { say(text: string): Promise<void> }, watcher: Stream) {
  await within(5_000, 'the end of the stream', stream.ended);
  await kase.say('after');
  // The admin's stream is the witness that the event was published before we look.
  await until('the event on the admin stream', () => chatIn(watcher.events, 'after'));
  expect(chatIn(stream.events, 'after')).toBe(false);
}

describe('a console event stream ends with its session', () => {
  let watcher: Stream;
  beforeAll(async () => {
    watcher = await openStream(admin);
  });
  afterAll(async () => {
    await watcher.cancel();
  });

  it('ends on logout, while another session of the same user keeps its stream', async () => {
    const { alice, kase, stream } = await liveStream();
    const elsewhere = h.client();
    await elsewhere.login(ALICE.email, ALICE.password);
    const otherStream = await openStream(elsewhere);
    const cookie = alice.cookie!;
    expect((await alice.fetch('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect((await h.client().json('/api/me', { headers: { cookie } })).status).toBe(401);
    await expectStreamOver(stream, kase, watcher);
    await until('the event on the other session\'s stream', () => chatIn(otherStream.events, 'after'));
    expect(otherStream.isEnded()).toBe(false);
    await otherStream.cancel();
  });

  it('ends when an admin disables the user', async () => {
    const { kase, stream } = await liveStream();
    expect((await admin.json(`/api/users/${ids[ALICE.email]}/disable`, { method: 'POST' })).status).toBe(200);
    try {
      await expectStreamOver(stream, kase, watcher);
    } finally {
      expect((await admin.json(`/api/users/${ids[ALICE.email]}/enable`, { method: 'POST' })).status).toBe(200);
    }
  });

  it('ends once the session has expired (server clock moved past its 12 hours)', async () => {
    const { kase, stream } = await liveStream();
    h.advance(SESSION_LIFE_MS + 60_000);
    try {
      await kase.say('after');
      await within(5_000, 'the end of the stream', stream.ended);
      await until('the event on the admin stream', () => chatIn(watcher.events, 'after'));
      expect(chatIn(stream.events, 'after')).toBe(false);
    } finally {
      h.advance(-(SESSION_LIFE_MS + 60_000));
    }
  });

  it('stops delivering a case\'s events to its former assessor once the case is reassigned', async () => {
    const { kase, stream } = await liveStream();
    const bob = h.client();
    await bob.login(BOB.email, BOB.password);
    const bobStream = await openStream(bob);
    // There is no reassignment route yet: change the assignment in the store, as one would.
    const db = new Database(path.join(h.dataDir, 'sightline.db'));
    db.prepare('UPDATE cases SET assessor_id = ? WHERE id = ?').run(ids[BOB.email], kase.id);
    db.close();
    await kase.say('after');
    await until('the event on the new assessor\'s stream', () => chatIn(bobStream.events, 'after'));
    await until('the event on the admin stream', () => chatIn(watcher.events, 'after'));
    expect(chatIn(stream.events, 'after')).toBe(false);
    await Promise.all([stream.cancel(), bobStream.cancel()]);
  });
});
