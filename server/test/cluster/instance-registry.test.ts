// The instance registry on a real PostgreSQL database: a second live instance without Redis is refused,
// with Redis it is not, and an instance whose heartbeat stopped (killed) no longer counts once it lapses.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_WINDOW_MS, registerInstance, SecondInstanceError } from '../../src/cluster/instance-registry.ts';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import { engines } from '../support/engines.ts';

const log = pino({ level: 'silent' });
const postgres = engines().find((engine) => engine.name === 'postgres')!;
let made: { drop(): Promise<void> } | undefined;
let one: Db;
let two: Db;

beforeAll(async () => {
  if (postgres.skip) return;
  const fresh = await postgres.fresh();
  made = fresh;
  one = await openDatabase(fresh.location);
  two = await openDatabase(fresh.location);
});
afterAll(async () => {
  await one?.close();
  await two?.close();
  await made?.drop();
});

describe.skipIf(postgres.skip)('instance registry on PostgreSQL', () => {
  it('refuses a second live instance without Redis, allows it with Redis, and forgets an instance on close', async () => {
    const first = await registerInstance({ db: one, clustered: false, log });
    await expect(registerInstance({ db: two, clustered: false, log })).rejects.toThrow(SecondInstanceError);
    await expect(registerInstance({ db: two, clustered: false, log })).rejects.toThrow(new RegExp(`another instance \\(${first.id}, .*SIGHTLINE_REDIS_URL`));
    const clustered = await registerInstance({ db: two, clustered: true, log });
    expect(await one.q().selectFrom('instances').select('id').orderBy('id').execute()).toHaveLength(2);
    await clustered.close();
    await first.close();
    expect(await one.q().selectFrom('instances').select('id').execute()).toEqual([]);
  });

  it('lets an instance start once a killed one\'s heartbeat has lapsed', async () => {
    const killed = await registerInstance({ db: one, clustered: false, log });
    const lapsed = new Date(Date.now() - LIVE_WINDOW_MS - 5_000).toISOString();
    await one.q().updateTable('instances').set({ heartbeat_at: lapsed }).where('id', '=', killed.id).execute();
    const next = await registerInstance({ db: two, clustered: false, log });
    expect((await one.q().selectFrom('instances').select('id').execute()).map((r) => r.id)).toEqual([next.id]);
    await next.close();
  });
});
