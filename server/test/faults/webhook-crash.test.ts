// Webhooks across a SIGKILL: the outbox row commits with the ledger entry, so a server killed after
// the commit and before any delivery delivers after its restart — each message once, in order per case
// — and a server killed in the middle of an attempt has its claim lapse and the message delivered again
// under the same webhook-id (at least once; receivers dedupe on the id).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { signatureValid, startSink, type Sink } from '../webhooks/sink.ts';

const ADMIN = { email: 'webhook-crash@example.test', password: 'webhook crash password' };
const ENV = { SIGHTLINE_WEBHOOK_RETRY_BASE_MS: '200' };
const dirs: string[] = [];
let child: ChildServer | null = null;
let sink: Sink | null = null;

afterEach(async () => {
  await child?.kill();
  await sink?.close();
});
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function adminOf(base: string) {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return async (pathname: string, json?: unknown) => {
    const res = await fetch(base + pathname, { method: json === undefined ? 'GET' : 'POST', headers: { cookie, 'content-type': 'application/json', origin: base }, body: json === undefined ? undefined : JSON.stringify(json) });
    return { status: res.status, body: (await res.json()) as any };
  };
}

it('delivers what was committed before a SIGKILL once the server is back, once each, in order per case', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-webhook-crash-'));
  dirs.push(dataDir);
  sink = await startSink();
  await sink.down();
  child = await startChildServer({ dataDir, admin: ADMIN, env: ENV });
  const call = await adminOf(child.base);
  const { secret } = (await call('/api/admin/webhooks', { url: sink.url, events: ['case.created', 'outcome.recorded', 'case.closed'] })).body;
  const cases: string[] = [];
  for (const title of ['Crash one', 'Crash two']) {
    const caseId = (await call('/api/cases', { title })).body.case.id as string;
    expect((await call(`/api/cases/${caseId}/outcome`, { decision: 'approved', reason: 'clear' })).status).toBe(201);
    expect((await call(`/api/cases/${caseId}/close`, { reason: 'done' })).status).toBe(200);
    cases.push(caseId);
  }
  // Committed, not delivered: the receiver refuses connections.
  await child.kill();
  expect(sink.received).toEqual([]);

  await sink.up();
  child = await startChildServer({ dataDir, admin: ADMIN, env: ENV });
  const received = await sink.until((r) => r.length >= 6, 20_000);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(received).toHaveLength(6);
  expect(new Set(received.map((r) => r.id)).size).toBe(6);
  expect(received.every((r) => signatureValid(secret, r))).toBe(true);
  for (const caseId of cases) {
    expect(received.filter((r) => r.json.data.caseId === caseId).map((r) => r.json.type)).toEqual(['case.created', 'outcome.recorded', 'case.closed']);
  }
  const endpoint = (await (await adminOf(child.base))('/api/admin/webhooks')).body.endpoints[0];
  expect(endpoint).toMatchObject({ pending: 0, abandoned: 0 });
});

it('takes over a message whose attempt a SIGKILL cut, once the dead instance\'s claim lapses', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-webhook-crash-'));
  dirs.push(dataDir);
  sink = await startSink();
  sink.answer = () => 'hang';
  child = await startChildServer({ dataDir, admin: ADMIN, env: ENV });
  const call = await adminOf(child.base);
  const { secret } = (await call('/api/admin/webhooks', { url: sink.url, events: ['case.created'] })).body;
  await call('/api/cases', { title: 'Cut mid-attempt' });
  const [first] = await sink.until((r) => r.length === 1);
  await child.kill();
  await sink.down();
  sink.answer = () => 204;
  await sink.up();
  child = await startChildServer({ dataDir, admin: ADMIN, env: ENV });
  // The claim outlives the 10 s timeout by 5 s: the new instance takes the message over after that.
  const received = await sink.until((r) => r.length === 2, 25_000);
  expect(received[1]!.id).toBe(first!.id);
  expect(received[1]!.body).toBe(first!.body);
  expect(signatureValid(secret, received[1]!)).toBe(true);
}, 60_000);
