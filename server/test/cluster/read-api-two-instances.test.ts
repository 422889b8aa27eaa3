// The read API on two instances sharing PostgreSQL and Redis: a key made on one reads on the other, a
// revocation made on one is refused by the other at its very next request, and the per-key limit is
// counted across both (Redis), not per instance.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { engines } from '../support/engines.ts';
import { redisMissing, startRedis, type RedisServer } from '../support/redis-server.ts';

const ADMIN = { email: 'admin@example.test', password: 'correct horse battery' };
const LIMIT = 10;
const postgres = engines().find((engine) => engine.name === 'postgres')!;
const skip = postgres.skip ?? redisMissing();

let redis: RedisServer | undefined;
let database: { env: Record<string, string>; drop(): Promise<void> };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-read-api-two-'));
let a: RunningServer;
let b: RunningServer;

const start = () => startServer(loadConfig({
  PORT: '0', HTTPS_PORT: 'off', HOST: '127.0.0.1', SIGHTLINE_DATA_DIR: dataDir, LOG_LEVEL: 'silent',
  SIGHTLINE_ADMIN_EMAIL: ADMIN.email, SIGHTLINE_ADMIN_PASSWORD: ADMIN.password, SIGHTLINE_REDIS_URL: redis!.url,
  SIGHTLINE_API_LIMIT_PER_MIN: String(LIMIT), SIGHTLINE_SHUTDOWN_NOTICE_S: '0', ...database.env,
}), pino({ level: 'silent' }));
const base = (server: RunningServer) => server.httpUrl!.replace('localhost', '127.0.0.1');

async function adminOn(server: RunningServer) {
  const login = await fetch(`${base(server)}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return async (method: string, pathname: string, json?: unknown) => {
    const res = await fetch(base(server) + pathname, { method, headers: { cookie, 'content-type': 'application/json', origin: base(server) }, body: json === undefined ? undefined : JSON.stringify(json) });
    return { status: res.status, body: (await res.json()) as any };
  };
}

const readOn = async (server: RunningServer, key: string, pathname: string) => {
  const res = await fetch(base(server) + pathname, { headers: { authorization: `Bearer ${key}` } });
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  if (skip) return;
  redis = await startRedis();
  database = await postgres.fresh();
  a = await start();
  b = await start();
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await redis?.stop();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(skip)('the read API on two instances', () => {
  it('a key made on one reads on the other; revoked on one, the other refuses it at once', async () => {
    const adminA = await adminOn(a);
    const created = await adminA('POST', '/api/cases', { title: 'Two instances', reference: 'CLM-TWO-1' });
    expect(created.status).toBe(201);
    const made = await adminA('POST', '/api/admin/api-keys', { name: 'Claims', scopes: ['cases:read'] });
    expect(made.status).toBe(201);
    const key: string = made.body.key;
    const onB = await readOn(b, key, '/api/v1/cases?reference=CLM-TWO-1');
    expect(onB.status).toBe(200);
    expect(onB.body.cases.map((c: { id: string }) => c.id)).toEqual([created.body.case.id]);
    expect((await adminA('DELETE', `/api/admin/api-keys/${made.body.apiKey.id}`)).status).toBe(200);
    const refused = await readOn(b, key, `/api/v1/cases/${created.body.case.id}`);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('api_key_revoked');
  });

  it('counts a key\'s requests across both instances', async () => {
    const adminB = await adminOn(b);
    const key: string = (await adminB('POST', '/api/admin/api-keys', { name: 'Busy', scopes: ['cases:read'] })).body.key;
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await readOn(i % 2 === 0 ? a : b, key, '/api/v1/cases?limit=1')).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect((await readOn(a, key, '/api/v1/cases?limit=1')).status).toBe(429);
    expect((await readOn(b, key, '/api/v1/cases?limit=1')).status).toBe(429);
  });
});
