// Presence in Redis (a real redis-server), as two instances see it: what one records the other reads, the
// same answers as the in-process tracker, and the entries of an instance that stops renewing them lapse.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPresenceTracker, createRedisPresence, type PresenceTracker } from '../../src/cases/presence.ts';
import { closeRedis, openRedis, type Redis } from '../../src/cluster/redis.ts';
import { redisMissing, startRedis, type RedisServer } from '../support/redis-server.ts';

const log = pino({ level: 'silent' });
let server: RedisServer | null = null;
let redis: Redis;

beforeAll(async () => {
  if (redisMissing()) return;
  server = await startRedis();
  redis = await openRedis(server.url, 'test', log);
});
afterAll(async () => {
  if (redis) await closeRedis(redis);
  await server?.stop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let caseNo = 0;

const variants = [
  { name: 'in process', skip: undefined, pair: () => { const t = createPresenceTracker(); return [t, t] as const; } },
  {
    name: 'Redis',
    skip: redisMissing(),
    pair: () => [createRedisPresence({ redis, instanceId: 'a-1', log }), createRedisPresence({ redis, instanceId: 'b-2', log })] as const,
  },
];

describe.each(variants)('presence, $name', (variant) => {
  it.skipIf(variant.skip)('answers offline, waiting and live, naming the latest customer, on either instance', async () => {
    const [a, b] = variant.pair() as readonly [PresenceTracker, PresenceTracker];
    const caseId = `case-${++caseNo}`;
    expect(await b.of(caseId)).toEqual({ presence: 'offline', customerPeerId: null });
    await a.customerOnline(caseId, 'peer-1');
    expect(await b.of(caseId)).toEqual({ presence: 'waiting', customerPeerId: 'peer-1' });
    await b.customerOnline(caseId, 'peer-2');
    expect(await a.of(caseId)).toEqual({ presence: 'waiting', customerPeerId: 'peer-2' });
    await a.callUp(caseId, true);
    expect(await b.of(caseId)).toEqual({ presence: 'live', customerPeerId: 'peer-2' });
    await b.customerOffline(caseId, 'peer-2');
    expect(await a.of(caseId)).toEqual({ presence: 'live', customerPeerId: 'peer-1' });
    await b.callUp(caseId, false);
    expect(await a.of(caseId)).toEqual({ presence: 'waiting', customerPeerId: 'peer-1' });
    // The last customer leaving ends the call too: the next one waits.
    await a.callUp(caseId, true);
    await a.customerOffline(caseId, 'peer-1');
    expect(await b.of(caseId)).toEqual({ presence: 'offline', customerPeerId: null });
    await b.customerOnline(caseId, 'peer-3');
    expect(await a.of(caseId)).toEqual({ presence: 'waiting', customerPeerId: 'peer-3' });
    a.close();
    b.close();
  });

  it.skipIf(variant.skip)('reads a list of cases at once, each as of() reads it alone', async () => {
    const [a, b] = variant.pair() as readonly [PresenceTracker, PresenceTracker];
    const [live, waiting, left, offline, unknown] = ['live', 'waiting', 'left', 'offline', 'unknown'].map((what) => `case-${++caseNo}-${what}`) as [string, string, string, string, string];
    await a.customerOnline(live, 'peer-l1');
    await b.customerOnline(live, 'peer-l2');
    await a.callUp(live, true);
    await b.customerOnline(waiting, 'peer-w');
    await a.customerOnline(left, 'peer-x');
    await b.callUp(left, true);
    await a.customerOffline(left, 'peer-x');
    await a.customerOnline(offline, 'peer-o');
    await a.customerOffline(offline, 'peer-o');
    const ids = [live, waiting, left, offline, unknown, waiting];
    const all = await b.ofMany(ids);
    expect(Object.fromEntries(all)).toEqual({
      [live]: { presence: 'live', customerPeerId: 'peer-l2' },
      [waiting]: { presence: 'waiting', customerPeerId: 'peer-w' },
      [left]: { presence: 'offline', customerPeerId: null },
      [offline]: { presence: 'offline', customerPeerId: null },
      [unknown]: { presence: 'offline', customerPeerId: null },
    });
    // Each id once, in the order asked.
    expect([...all.keys()]).toEqual([live, waiting, left, offline, unknown]);
    for (const id of ids) expect(await a.of(id)).toEqual(all.get(id));
    expect(await a.ofMany([])).toEqual(new Map());
    a.close();
    b.close();
  });
});

describe.skipIf(redisMissing())('presence in Redis across instances', () => {
  it('lets the entries of an instance that stopped renewing them lapse, and keeps those it renews', async () => {
    const caseId = `case-${++caseNo}`;
    const killed = createRedisPresence({ redis, instanceId: 'killed-1', log, ttlMs: 300 });
    const alive = createRedisPresence({ redis, instanceId: 'alive-2', log, ttlMs: 300 });
    await alive.customerOnline(caseId, 'on-alive');
    await killed.customerOnline(caseId, 'on-killed');
    await killed.callUp(caseId, true);
    expect(await alive.of(caseId)).toEqual({ presence: 'live', customerPeerId: 'on-killed' });
    killed.close();
    // Three times the TTL: the live instance renewed its entry meanwhile, the stopped one did not.
    await pause(900);
    expect(await alive.of(caseId)).toEqual({ presence: 'waiting', customerPeerId: 'on-alive' });
    alive.close();
    await pause(600);
    expect(await alive.of(caseId)).toEqual({ presence: 'offline', customerPeerId: null });
  });

  it('reads a list as of() does: lapsed entries gone, the call dropped once no customer is left', async () => {
    const [both, gone, mixed, callOnly] = ['both', 'gone', 'mixed', 'call'].map((what) => `case-${++caseNo}-${what}`) as [string, string, string, string];
    const killed = createRedisPresence({ redis, instanceId: 'killed-5', log, ttlMs: 300 });
    const alive = createRedisPresence({ redis, instanceId: 'alive-6', log, ttlMs: 300 });
    await killed.customerOnline(both, 'k-both');
    await alive.customerOnline(both, 'a-both');
    await killed.customerOnline(gone, 'k-gone');
    await killed.callUp(gone, true);
    await alive.customerOnline(mixed, 'a-mixed');
    await killed.customerOnline(mixed, 'k-mixed');
    await killed.customerOnline(callOnly, 'k-call');
    await alive.callUp(callOnly, true);
    expect(Object.fromEntries(await alive.ofMany([both, gone, mixed, callOnly]))).toEqual({
      [both]: { presence: 'waiting', customerPeerId: 'a-both' },
      [gone]: { presence: 'live', customerPeerId: 'k-gone' },
      [mixed]: { presence: 'waiting', customerPeerId: 'k-mixed' },
      [callOnly]: { presence: 'live', customerPeerId: 'k-call' },
    });
    killed.close();
    await pause(900);
    // The call on callOnly was renewed by the live instance, but its customer lapsed: offline, and the
    // call entry is gone, so the next customer waits instead of showing a call that is not there.
    expect(Object.fromEntries(await alive.ofMany([both, gone, mixed, callOnly]))).toEqual({
      [both]: { presence: 'waiting', customerPeerId: 'a-both' },
      [gone]: { presence: 'offline', customerPeerId: null },
      [mixed]: { presence: 'waiting', customerPeerId: 'a-mixed' },
      [callOnly]: { presence: 'offline', customerPeerId: null },
    });
    expect(await redis.hkeys(`sightline:presence:${callOnly}`)).toEqual(['#order']);
    await alive.customerOnline(callOnly, 'a-call');
    expect(await alive.of(callOnly)).toEqual({ presence: 'waiting', customerPeerId: 'a-call' });
    alive.close();
  });

  it('reads a list again by the script\'s text when Redis has forgotten the script (restart, SCRIPT FLUSH)', async () => {
    const [waiting, live] = ['waiting', 'live'].map((what) => `case-${++caseNo}-${what}`) as [string, string];
    const tracker = createRedisPresence({ redis, instanceId: 'a-8', log });
    await tracker.customerOnline(waiting, 'peer-w');
    await tracker.customerOnline(live, 'peer-l');
    await tracker.callUp(live, true);
    const expected = { [waiting]: { presence: 'waiting', customerPeerId: 'peer-w' }, [live]: { presence: 'live', customerPeerId: 'peer-l' } };
    expect(Object.fromEntries(await tracker.ofMany([waiting, live]))).toEqual(expected);
    await redis.script('FLUSH');
    expect(Object.fromEntries(await tracker.ofMany([waiting, live]))).toEqual(expected);
    await redis.script('FLUSH');
    expect(await tracker.of(live)).toEqual(expected[live]);
    tracker.close();
  });

  it('refuses a whole list when Redis refuses one of its cases, naming the reason', async () => {
    const [fine, broken] = ['fine', 'broken'].map((what) => `case-${++caseNo}-${what}`) as [string, string];
    const tracker = createRedisPresence({ redis, instanceId: 'a-7', log });
    await tracker.customerOnline(fine, 'peer-f');
    // Not a hash: HGETALL answers WRONGTYPE.
    await redis.set(`sightline:presence:${broken}`, 'not a hash');
    await expect(tracker.ofMany([fine, broken])).rejects.toThrow(/WRONGTYPE/);
    await expect(tracker.of(broken)).rejects.toThrow(/WRONGTYPE/);
    expect(await tracker.of(fine)).toEqual({ presence: 'waiting', customerPeerId: 'peer-f' });
    tracker.close();
  });

  it('leaves a peer that reconnected through another instance online when the old socket closes', async () => {
    const caseId = `case-${++caseNo}`;
    const a = createRedisPresence({ redis, instanceId: 'a-3', log });
    const b = createRedisPresence({ redis, instanceId: 'b-4', log });
    await a.customerOnline(caseId, 'peer-1');
    await b.customerOnline(caseId, 'peer-1');
    await a.customerOffline(caseId, 'peer-1');
    expect(await a.of(caseId)).toEqual({ presence: 'waiting', customerPeerId: 'peer-1' });
    a.close();
    b.close();
  });
});
