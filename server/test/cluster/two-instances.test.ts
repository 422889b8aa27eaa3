// Two instances in one process, sharing a PostgreSQL database and a redis-server (both real, started by
// the tests): a console on B sees a case made on A, the login limit counts attempts on both, a third
// instance without Redis is refused with the reason, and readiness reports Redis going down.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleEvent } from '../../../protocol/http.ts';
import { loadConfig } from '../../src/config.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { engines } from '../support/engines.ts';
import { redisMissing, startRedis, type RedisServer } from '../support/redis-server.ts';

const ADMIN = { email: 'admin@example.test', password: 'correct horse battery' };
const postgres = engines().find((engine) => engine.name === 'postgres')!;
const skip = postgres.skip ?? redisMissing();

let redis: RedisServer | undefined;
/** Once only: redis-server's stop() waits for an exit that a second call never sees. */
const stopRedis = async () => {
  const running = redis;
  redis = undefined;
  await running?.stop();
};
let database: { env: Record<string, string>; drop(): Promise<void> };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-two-'));
let a: RunningServer;
let b: RunningServer;

const start = (env: Record<string, string>) => startServer(loadConfig({
  PORT: '0', HTTPS_PORT: 'off', HOST: '127.0.0.1', SIGHTLINE_DATA_DIR: dataDir, LOG_LEVEL: 'silent',
  SIGHTLINE_ADMIN_EMAIL: ADMIN.email, SIGHTLINE_ADMIN_PASSWORD: ADMIN.password, SIGHTLINE_LOGIN_LIMIT_PER_15MIN: '4',
  ...database.env, ...env,
}), pino({ level: 'silent' }));
const base = (server: RunningServer) => server.httpUrl!.replace('localhost', '127.0.0.1');

async function login(server: RunningServer, password = ADMIN.password): Promise<{ status: number; cookie: string | null }> {
  const res = await fetch(`${base(server)}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...ADMIN, password }) });
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? null };
}

beforeAll(async () => {
  if (skip) return;
  redis = await startRedis();
  database = await postgres.fresh();
  a = await start({ SIGHTLINE_REDIS_URL: redis!.url });
  b = await start({ SIGHTLINE_REDIS_URL: redis!.url });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await stopRedis();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(skip)('two instances on PostgreSQL and Redis', () => {
  it('delivers a case made on one instance to a console streaming from the other', async () => {
    const onA = await login(a);
    const onB = await login(b);
    const abort = new AbortController();
    const stream = await fetch(`${base(b)}/api/events`, { headers: { cookie: onB.cookie! }, signal: abort.signal });
    const reader = stream.body!.getReader();
    const made = await fetch(`${base(a)}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: onA.cookie!, origin: base(a) },
      body: JSON.stringify({ title: 'Made on A' }),
    });
    expect(made.status).toBe(201);
    let text = '';
    const deadline = Date.now() + 5_000;
    while (!text.includes('Made on A') && Date.now() < deadline) text += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    const message = text.split('\n\n').find((m) => m.includes('Made on A'))!;
    expect(message).toMatch(/^id: \d+-\d+$/m);
    const event = ConsoleEvent.parse(JSON.parse(/^data: (.*)$/m.exec(message)![1]!));
    expect(event.type === 'case' && event.case.title).toBe('Made on A');
  });

  it('counts login attempts on both instances against one limit', async () => {
    // A clean count: the logins of the test before counted too.
    const client = new Redis(redis!.url);
    await client.del(...(await client.keys('sightline:login-limit:*')));
    client.disconnect();
    const answers: number[] = [];
    for (const server of [a, b, a, b, a, b]) answers.push((await login(server, 'wrong password here')).status);
    // Four attempts in all, whichever instance took them; each instance alone has seen only three.
    expect(answers).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('refuses a third instance that has no Redis, saying why', async () => {
    await expect(start({})).rejects.toThrow(/another instance .* is using this database; several instances need SIGHTLINE_REDIS_URL so that signalling, presence and live events reach all of them/);
  });

  it('answers not ready, naming Redis, while Redis is down', async () => {
    const ready = await (await fetch(`${base(a)}/api/ready`)).json();
    expect(ready).toMatchObject({ ok: true, draining: false, checks: { database: { up: true }, blobs: { up: true }, redis: { up: true } } });
    await stopRedis();
    const down = await fetch(`${base(a)}/api/ready`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ ok: false, checks: { database: { up: true }, redis: { up: false } } });
  });
});
