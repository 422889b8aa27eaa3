// The case list's presence (read once for the whole list) over real HTTP, with one instance (in process)
// and with Redis configured (a real redis-server), on SQLite or, in the postgres project, PostgreSQL:
// each listed case shows what its own page shows, whoever holds its customer's socket.
import pino from 'pino';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisPresence } from '../../src/cases/presence.ts';
import { closeRedis, openRedis, type Redis } from '../../src/cluster/redis.ts';
import { redisMissing, startRedis, type RedisServer } from '../support/redis-server.ts';
import { bearer, startHarness, type Client, type Harness } from './harness.ts';

interface Listed { id: string; presence: string; customerPeerId: string | null; linkState: string }

const variants = [
  { name: 'in process', skip: undefined, redis: false },
  { name: 'with Redis', skip: redisMissing(), redis: true },
];

describe.each(variants)('the case list, $name', (variant) => {
  let h: Harness;
  let admin: Client;
  let redisServer: RedisServer | null = null;
  let redis: Redis | null = null;

  beforeAll(async () => {
    if (variant.skip) return;
    if (variant.redis) {
      redisServer = await startRedis();
      redis = await openRedis(redisServer.url, 'test', pino({ level: 'silent' }));
    }
    h = await startHarness(redisServer ? { SIGHTLINE_REDIS_URL: redisServer.url } : {});
    admin = h.client();
    await admin.login();
  });
  afterAll(async () => {
    await h?.close();
    if (redis) await closeRedis(redis);
    await redisServer?.stop();
  });

  const createCase = async (title: string) => {
    const res = await admin.json('/api/cases', { method: 'POST', json: { kind: 'damage', title, customerName: 'Dana' } });
    expect(res.status).toBe(201);
    return res.body as { case: { id: string }; token: string };
  };

  /** The customer's page connected to signalling: the case's customer is online on this instance. */
  const connectCustomer = async (token: string): Promise<{ peerId: string; ws: WebSocket }> => {
    expect((await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true } })).status).toBe(200);
    const cred = (await h.client().json('/api/join/peer', { method: 'POST', headers: bearer(token) })).body;
    const ws = new WebSocket(`${h.base.replace('http', 'ws')}/peerjs/peerjs?key=${cred.key}&id=${cred.peerId}&token=${cred.token}`);
    const open = await new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    expect(open).toMatchObject({ type: 'OPEN' });
    return { peerId: cred.peerId, ws };
  };

  const listed = async (ids: string[]): Promise<Map<string, Listed>> => {
    const res = await admin.json('/api/cases');
    expect(res.status).toBe(200);
    return new Map((res.body.cases as Listed[]).filter((c) => ids.includes(c.id)).map((c) => [c.id, c]));
  };

  it.skipIf(variant.skip)('shows each case its own presence, as its own page does', async () => {
    const here = await createCase('customer on this instance');
    const quiet = await createCase('no customer');
    const customer = await connectCustomer(here.token);
    const ids = [here.case.id, quiet.case.id];
    let list = await listed(ids);
    expect(list.get(here.case.id)).toMatchObject({ presence: 'waiting', customerPeerId: customer.peerId, linkState: 'waiting' });
    expect(list.get(quiet.case.id)).toMatchObject({ presence: 'offline', customerPeerId: null, linkState: 'not-opened' });
    for (const id of ids) {
      const own = (await admin.json(`/api/cases/${id}`)).body.case;
      expect({ presence: own.presence, customerPeerId: own.customerPeerId }).toEqual({ presence: list.get(id)!.presence, customerPeerId: list.get(id)!.customerPeerId });
    }
    customer.ws.close();
    await expect.poll(async () => (await listed(ids)).get(here.case.id)?.presence).toBe('offline');
    list = await listed(ids);
    expect(list.get(here.case.id)).toMatchObject({ presence: 'offline', customerPeerId: null });
  });

  it.skipIf(!variant.redis || variant.skip)('shows the customers and calls another instance holds', async () => {
    const other = createRedisPresence({ redis: redis!, instanceId: 'other-instance', log: pino({ level: 'silent' }) });
    const cases = await Promise.all(['live elsewhere', 'waiting elsewhere', 'left elsewhere', 'never joined'].map(createCase));
    const [live, waiting, left, never] = cases.map((c) => c.case.id) as [string, string, string, string];
    await other.customerOnline(live, 'peer-live');
    await other.callUp(live, true);
    await other.customerOnline(waiting, 'peer-waiting');
    await other.customerOnline(left, 'peer-left');
    await other.callUp(left, true);
    await other.customerOffline(left, 'peer-left');
    const list = await listed([live, waiting, left, never]);
    expect(list.size).toBe(4);
    expect(list.get(live)).toMatchObject({ presence: 'live', customerPeerId: 'peer-live' });
    expect(list.get(waiting)).toMatchObject({ presence: 'waiting', customerPeerId: 'peer-waiting' });
    expect(list.get(left)).toMatchObject({ presence: 'offline', customerPeerId: null });
    expect(list.get(never)).toMatchObject({ presence: 'offline', customerPeerId: null });
    for (const id of [live, waiting, left, never]) {
      const own = (await admin.json(`/api/cases/${id}`)).body.case;
      expect({ presence: own.presence, customerPeerId: own.customerPeerId }).toEqual({ presence: list.get(id)!.presence, customerPeerId: list.get(id)!.customerPeerId });
    }
    other.close();
  });

  it.skipIf(!variant.redis || variant.skip)('answers 500 with an error body, not a list without presence, when Redis refuses a case', async () => {
    const broken = await createCase('presence unreadable');
    await redis!.set(`sightline:presence:${broken.case.id}`, 'not a hash');
    const res = await admin.json('/api/cases');
    expect(res.status).toBe(500);
    expect(res.body.error).toBeDefined();
    await redis!.del(`sightline:presence:${broken.case.id}`);
    expect((await admin.json('/api/cases')).status).toBe(200);
  });
});
