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
