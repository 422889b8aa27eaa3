// The console event hub over both logs: in process (one instance) and a Redis stream (several, on a real
// redis-server). Delivery follows the stream's user, ids increase, a reconnecting stream gets what it
// missed in order, and an id no longer kept (or never given out) gets a `resync`.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleEvent, User } from '../../../protocol/http.ts';
import { openRedis, closeRedis, type Redis } from '../../src/cluster/redis.ts';
import { createEventHub, type EventHub, type Subscriber } from '../../src/events/event-hub.ts';
import { compareIds, createMemoryEventLog, createRedisEventLog, type EventLog } from '../../src/events/event-log.ts';
import { redisMissing, startRedis, type RedisServer } from '../support/redis-server.ts';

const log = pino({ level: 'silent' });
const ADMIN: User = { id: 'u-admin', email: 'a@example.test', name: 'Admin', role: 'admin' };
const ALICE: User = { id: 'u-alice', email: 'alice@example.test', name: 'Alice', role: 'assessor' };
const BOB: User = { id: 'u-bob', email: 'bob@example.test', name: 'Bob', role: 'assessor' };

const chat = (text: string): ConsoleEvent => ({ type: 'chat', line: { id: text, caseId: 'case-1', from: 'customer', text, at: '2026-01-01T00:00:00.000Z' } });

interface Seen {
  subscriber: Subscriber;
  got: { id: string; event: ConsoleEvent }[];
  texts(): string[];
  ended: boolean;
}

function watch(user: User): Seen {
  const seen: Seen = {
    got: [],
    ended: false,
    texts: () => seen.got.map(({ event }) => (event.type === 'chat' ? event.line.text : event.type)),
    subscriber: {
      currentUser: async () => user,
      expiresAtMs: Number.MAX_SAFE_INTEGER,
      send: (event, id) => seen.got.push({ id, event }),
      end: () => (seen.ended = true),
    },
  };
  return seen;
}

async function until(what: string, check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface Variant {
  name: string;
  skip?: string;
  /** Two hubs as two instances would have them (the same hub twice for the in-process log). */
  pair(capacity: number): Promise<{ a: EventHub; b: EventHub; close(): Promise<void> }>;
}

let redisServer: RedisServer | null = null;
const redisConnections: Redis[] = [];
beforeAll(async () => {
  if (!redisMissing()) redisServer = await startRedis();
});
afterAll(async () => {
  await Promise.all(redisConnections.map(closeRedis));
  await redisServer?.stop();
});

const hubOver = (eventLog: EventLog) => createEventHub({ log: eventLog, onError: (err) => { throw err; }, clock: () => new Date() });

const variants: Variant[] = [
  {
    name: 'in process',
    async pair(capacity) {
      const hub = hubOver(createMemoryEventLog(capacity));
      return { a: hub, b: hub, close: () => hub.close() };
    },
  },
  {
    name: 'Redis stream',
    skip: redisMissing(),
    async pair(capacity) {
      const url = redisServer!.url;
      const redis = await openRedis(url, 'test', log);
      redisConnections.push(redis);
      await redis.del('sightline:events');
      const a = hubOver(createRedisEventLog({ redis, url, log, capacity }));
      const b = hubOver(createRedisEventLog({ redis, url, log, capacity }));
      // Each reader starts from the stream's newest entry once connected.
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { a, b, close: async () => { await a.close(); await b.close(); } };
    },
  },
];

describe.each(variants)('event hub, $name', (variant) => {
  it.skipIf(variant.skip)('delivers an event published on either instance to admins and the case\'s assessor only, with increasing ids', async () => {
    const { a, b, close } = await variant.pair(100);
    const admin = watch(ADMIN);
    const alice = watch(ALICE);
    const bob = watch(BOB);
    b.subscribe(admin.subscriber, ADMIN);
    b.subscribe(alice.subscriber, ALICE);
    a.subscribe(bob.subscriber, BOB);
    a.publish(ALICE.id, chat('one'));
    b.publish(ALICE.id, chat('two'));
    a.publish(BOB.id, chat('three'));
    await until('three events at the admin', () => admin.got.length === 3);
    await until('bob\'s event', () => bob.got.length === 1);
    expect(admin.texts()).toEqual(['one', 'two', 'three']);
    expect(alice.texts()).toEqual(['one', 'two']);
    expect(bob.texts()).toEqual(['three']);
    const ids = admin.got.map((g) => g.id);
    expect(compareIds(ids[0]!, ids[1]!)).toBeLessThan(0);
    expect(compareIds(ids[1]!, ids[2]!)).toBeLessThan(0);
    await close();
    expect(admin.ended).toBe(true);
  });

  it.skipIf(variant.skip)('replays what a reconnecting stream missed, in order and filtered by its user, then goes on live', async () => {
    const { a, b, close } = await variant.pair(100);
    const first = watch(ALICE);
    const stop = b.subscribe(first.subscriber, ALICE);
    a.publish(ALICE.id, chat('before'));
    await until('the first event', () => first.got.length === 1);
    stop();
    a.publish(ALICE.id, chat('missed 1'));
    a.publish(BOB.id, chat('not hers'));
    a.publish(ALICE.id, chat('missed 2'));
    const admin = watch(ADMIN);
    b.subscribe(admin.subscriber, ADMIN);
    a.publish(ALICE.id, chat('marker'));
    await until('the marker', () => admin.texts().includes('marker'));

    const again = watch(ALICE);
    b.subscribe(again.subscriber, ALICE, first.got[0]!.id);
    a.publish(ALICE.id, chat('live'));
    await until('the live event after the replay', () => again.texts().includes('live'));
    expect(again.texts()).toEqual(['missed 1', 'missed 2', 'marker', 'live']);
    await close();
  });

  it.skipIf(variant.skip)('answers an id no longer kept, or never given out, with a resync carrying the newest id', async () => {
    const { a, b, close } = await variant.pair(3);
    const admin = watch(ADMIN);
    b.subscribe(admin.subscriber, ADMIN);
    // One at a time: a reader more than `capacity` events behind would find them trimmed already.
    for (const text of ['1', '2', '3', '4', '5']) {
      a.publish(ALICE.id, chat(text));
      await until(`event ${text}`, () => admin.texts().includes(text));
    }
    const ids = admin.got.map((g) => g.id);

    // Kept: 3, 4, 5. After 3 or 5 nothing is lost; 1 and 2 are no longer kept.
    const fine = watch(ADMIN);
    b.subscribe(fine.subscriber, ADMIN, ids[2]!);
    await until('the replay after 3', () => fine.got.length === 2);
    expect(fine.texts()).toEqual(['4', '5']);
    const current = watch(ADMIN);
    b.subscribe(current.subscriber, ADMIN, ids[4]!);
    a.publish(ALICE.id, chat('6'));
    await until('the live event after 5', () => current.got.length === 1);
    expect(current.texts()).toEqual(['6']);
    await until('event 6', () => admin.texts().includes('6'));

    for (const stale of [ids[0]!, ids[1]!, '1-0', '99999999999999-0']) {
      const late = watch(ADMIN);
      const newest = admin.got.at(-1)!.id;
      b.subscribe(late.subscriber, ADMIN, stale);
      await until(`the resync for ${stale}`, () => late.got.length === 1);
      expect(late.got[0]).toEqual({ id: newest, event: { type: 'resync' } });
      a.publish(ALICE.id, chat(`after ${stale}`));
      await until('the next live event', () => late.got.length === 2 && admin.texts().includes(`after ${stale}`));
      expect(late.texts()[1]).toBe(`after ${stale}`);
    }
    await close();
  });
});

describe('event hub, in process', () => {
  it('delivers at once, as before (publish returns after delivery)', async () => {
    const hub = hubOver(createMemoryEventLog());
    const admin = watch(ADMIN);
    hub.subscribe(admin.subscriber, ADMIN);
    hub.publish(ALICE.id, chat('now'));
    expect(admin.texts()).toEqual(['now']);
    await hub.close();
  });
});
