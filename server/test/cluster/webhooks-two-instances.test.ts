// Two instances on one PostgreSQL database (and Redis, as a cluster needs): cases made on both, the
// receiver failing some first attempts — every message is delivered once, in order per case, whichever
// instance wrote or claimed it; and a drained instance leaves nothing half-done.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { engines } from '../support/engines.ts';
import { redisMissing, startRedis, type RedisServer } from '../support/redis-server.ts';
import { signatureValid, startSink, type Sink } from '../webhooks/sink.ts';

const ADMIN = { email: 'admin@example.test', password: 'correct horse battery' };
const postgres = engines().find((engine) => engine.name === 'postgres')!;
const skip = postgres.skip ?? redisMissing();

let redis: RedisServer | undefined;
let database: { env: Record<string, string>; drop(): Promise<void> };
let sink: Sink;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-webhooks-two-'));
let a: RunningServer;
let b: RunningServer;

const start = () => startServer(loadConfig({
  PORT: '0', HTTPS_PORT: 'off', HOST: '127.0.0.1', SIGHTLINE_DATA_DIR: dataDir, LOG_LEVEL: 'silent',
  SIGHTLINE_ADMIN_EMAIL: ADMIN.email, SIGHTLINE_ADMIN_PASSWORD: ADMIN.password, SIGHTLINE_REDIS_URL: redis!.url,
  SIGHTLINE_WEBHOOK_RETRY_BASE_MS: '50', SIGHTLINE_SHUTDOWN_NOTICE_S: '0', ...database.env,
}), pino({ level: 'silent' }));
const base = (server: RunningServer) => server.httpUrl!.replace('localhost', '127.0.0.1');

async function adminOn(server: RunningServer) {
  const login = await fetch(`${base(server)}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return async (pathname: string, json?: unknown) => {
    const res = await fetch(base(server) + pathname, { method: json === undefined ? 'GET' : 'POST', headers: { cookie, 'content-type': 'application/json', origin: base(server) }, body: json === undefined ? undefined : JSON.stringify(json) });
    return { status: res.status, body: (await res.json()) as any };
  };
}

beforeAll(async () => {
  if (skip) return;
  redis = await startRedis();
  database = await postgres.fresh();
  sink = await startSink();
  a = await start();
  b = await start();
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await sink?.close();
  await redis?.stop();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(skip)('webhooks from two instances on PostgreSQL', () => {
  it('delivers each message once, in order per case', async () => {
    const onA = await adminOn(a);
    const onB = await adminOn(b);
    const { secret } = (await onA('/api/admin/webhooks', { url: sink.url, events: ['case.created', 'outcome.recorded', 'case.closed'] })).body;
    const answered = new Map<string, number>();
    const accepted: Array<{ id: string; caseId: string; seq: number; type: string }> = [];
    sink.answer = (r) => {
      answered.set(r.id, (answered.get(r.id) ?? 0) + 1);
      if (answered.get(r.id) === 1 && r.id.charCodeAt(r.id.length - 1) % 3 === 0) return 500;
      accepted.push({ id: r.id, caseId: r.json.data.caseId, seq: r.json.data.ledgerSeq, type: r.json.type });
      return 200;
    };
    const cases: string[] = [];
    await Promise.all(Array.from({ length: 8 }, async (_, i) => {
      const call = i % 2 === 0 ? onA : onB;
      const other = i % 2 === 0 ? onB : onA;
      const caseId = (await call('/api/cases', { title: `Two instances ${i}` })).body.case.id as string;
      cases.push(caseId);
      // The outcome on one instance, the close on the other: the case's messages come from both.
      expect((await other(`/api/cases/${caseId}/outcome`, { decision: 'approved', reason: 'ok' })).status).toBe(201);
      expect((await call(`/api/cases/${caseId}/close`, { reason: 'done' })).status).toBe(200);
    }));
    await expect.poll(() => accepted.length, { timeout: 20_000 }).toBe(24);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(accepted).toHaveLength(24);
    expect(new Set(accepted.map((x) => x.id)).size).toBe(24);
    for (const caseId of cases) {
      const ofCase = accepted.filter((x) => x.caseId === caseId);
      expect(ofCase.map((x) => x.type)).toEqual(['case.created', 'outcome.recorded', 'case.closed']);
      expect(ofCase.map((x) => x.seq)).toEqual(ofCase.map((x) => x.seq).sort((p, q) => p - q));
    }
    expect(sink.received.every((r) => signatureValid(secret, r))).toBe(true);
    const endpoint = (await onB('/api/admin/webhooks')).body.endpoints[0];
    expect(endpoint).toMatchObject({ pending: 0, abandoned: 0 });
  });
});
