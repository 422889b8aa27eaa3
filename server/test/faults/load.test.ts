// Load: 200 simulated customers, each with its own case, against one in-process server on loopback, for
// a bounded time: each opens its join link, consents, takes a peer credential, holds the signalling
// socket open with PeerJS heartbeats, posts two chat lines and uploads one small snapshot. No request
// fails, no evidence is lost, every ledger verifies, and memory settles back after the load.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { detailedJpeg } from '../evidence/fixtures.ts';
import { bearer, startHarness, type Client, type Harness } from '../http/harness.ts';
import { openPeer, sleep, type PeerSocket } from './peer-socket.ts';
import { sha256 } from './store-probe.ts';

const CUSTOMERS = Number(process.env.LOAD_CUSTOMERS ?? 200);
/** Customers arrive evenly over this window, and all leave at SESSION_END_MS. */
const ARRIVAL_MS = 10_000;
const SESSION_END_MS = 30_000;
const HEARTBEAT_MS = 5_000;
const MB = 1024 * 1024;

let h: Harness;
let admin: Client;
beforeAll(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
});
afterAll(() => h.close());

/** A real collection when V8 lets us have one (vitest workers do not get --expose-gc). */
function collector(): (() => void) | null {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? () => (gc as () => void)() : null;
  } catch {
    return null;
  }
}

async function settledMemory(gc: (() => void) | null): Promise<{ rss: number; heap: number }> {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await sleep(300);
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heap: heapUsed };
}

interface Customer { caseId: string; token: string; photo: Buffer; lines: string[] }

/** Runs `fn` over `items`, `limit` at a time. */
async function inBatches<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += limit) await Promise.all(items.slice(i, i + limit).map(fn));
}

it(`serves ${CUSTOMERS} concurrent customers without an error, a lost photo or a memory leak`, async () => {
  // Each customer its own case and its own photo (distinct bytes, so no upload is deduplicated away).
  const customers: Customer[] = Array(CUSTOMERS + 5);
  await inBatches([...customers.keys()], 10, async (i) => {
    const created = (await admin.json('/api/cases', { method: 'POST', json: { title: `Load case ${i}` } })).body;
    customers[i] = { caseId: created.case.id, token: created.token, photo: await detailedJpeg(240 + i, 180), lines: [`load-${i}-line-1`, `load-${i}-line-2`] };
  });
  const warmUp = customers.splice(CUSTOMERS);

  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  const failures: string[] = [];
  /** Retry-After seconds of each busy answer to a snapshot. */
  const busyAnswers: number[] = [];
  const timed = async (label: string, run: () => Promise<Response>): Promise<any> => {
    const start = performance.now();
    try {
      const res = await run();
      const body = await res.json();
      const ms = performance.now() - start;
      latencies.push(ms);
      byKind.set(label, [...(byKind.get(label) ?? []), ms]);
      if (res.status >= 300) failures.push(`${label}: ${res.status} ${JSON.stringify(body)}`);
      return body;
    } catch (error) {
      failures.push(`${label}: ${(error as Error).message}`);
      return null;
    }
  };

  /** One customer's visit; leaves at `leaveAt` (ms on the performance clock). */
  const visit = async (c: Customer, leaveAt: number): Promise<void> => {
    const auth = bearer(c.token);
    const api = (path: string, init: RequestInit = {}) =>
      fetch(h.base + path, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) }, signal: AbortSignal.timeout(15_000) });
    const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await timed('join', () => api('/api/join'));
    await timed('consent', () => api('/api/join/consent', json({ recording: true, location: false })));
    const credential = await timed('peer credential', () => api('/api/join/peer', { method: 'POST' }));
    if (!credential) return;
    let peer: PeerSocket;
    try {
      peer = await openPeer(h.base, credential);
    } catch (error) {
      failures.push(`socket: ${(error as Error).message}`);
      return;
    }
    let leftOnPurpose = false;
    peer.ws.once('close', (code) => leftOnPurpose || failures.push(`socket closed by the server: ${code}`));
    const heartbeat = setInterval(() => peer.send({ type: 'HEARTBEAT' }), HEARTBEAT_MS);
    try {
      const pause = () => sleep(500 + Math.random() * 2_000);
      await pause();
      await timed('chat', () => api(`/api/cases/${c.caseId}/chat`, json({ id: c.lines[0], text: 'The ceiling is wet' })));
      await pause();
      const form = new FormData();
      form.set('source', 'device-still');
      form.set('file', new Blob([new Uint8Array(c.photo)], { type: 'image/jpeg' }), 'still.jpg');
      // As the customer's page does: a busy server's 503/429 is sent again after its Retry-After, under
      // the same uploadId. A refusal for any other reason, or a fourth busy answer, is a failure.
      form.set('uploadId', `load-${c.caseId}`);
      await timed('snapshot', async () => {
        for (let attempt = 1; ; attempt++) {
          const res = await api(`/api/cases/${c.caseId}/evidence`, { method: 'POST', body: form });
          if (!((res.status === 503 || res.status === 429) && attempt < 4)) return res;
          busyAnswers.push(Number(res.headers.get('retry-after')));
          await res.body?.cancel();
          await sleep(Number(res.headers.get('retry-after')) * 1000);
        }
      });
      await pause();
      await timed('chat', () => api(`/api/cases/${c.caseId}/chat`, json({ id: c.lines[1], text: 'That is all of it' })));
      await sleep(Math.max(0, leaveAt - performance.now()));
    } finally {
      clearInterval(heartbeat);
      leftOnPurpose = true;
      await peer.close();
    }
  };

  const gc = collector();
  await Promise.all(warmUp.map((c) => visit(c, 0)));
  expect(failures).toEqual([]);
  latencies.length = 0;
  byKind.clear();
  const before = await settledMemory(gc);

  const samples: Array<{ rss: number; heap: number }> = [];
  const sampler = setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    samples.push({ rss, heap: heapUsed });
  }, 500);
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const started = performance.now();
  const leaveAt = started + SESSION_END_MS;
  await Promise.all(customers.map(async (c, i) => {
    await sleep((i * ARRIVAL_MS) / customers.length);
    await visit(c, leaveAt);
  }));
  clearInterval(sampler);
  loopDelay.disable();
  const seconds = (performance.now() - started) / 1000;
  expect(failures).toEqual([]);

  // Every socket is gone from the server too: all cases are offline again.
  await expect.poll(async () => (await admin.json('/api/cases')).body.cases.filter((c: { presence: string }) => c.presence !== 'offline').length, { timeout: 10_000 }).toBe(0);
  const after = await settledMemory(gc);

  // Nothing lost: every photo (by sha-256) and chat line is listed, every ledger verifies.
  await inBatches(customers, 10, async (c) => {
    const detail = (await admin.json(`/api/cases/${c.caseId}`)).body;
    expect(detail.evidence.map((e: { sha256: string }) => e.sha256)).toEqual([sha256(c.photo)]);
    expect(detail.chat.map((l: { id: string }) => l.id)).toEqual(c.lines);
    expect((await admin.json(`/api/cases/${c.caseId}/verify`)).body).toMatchObject({ ok: true, firstBroken: null });
    const types = (await admin.json(`/api/cases/${c.caseId}/ledger`)).body.entries.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['customer.consented', 'customer.joined', 'chat.line', 'evidence.added', 'customer.left']));
  });

  const pct = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!);
  };
  const kinds = Object.fromEntries([...byKind].map(([kind, ms]) => [kind, { p50: pct(ms, 0.5), p99: pct(ms, 0.99) }]));
  const peak = samples.reduce((m, s) => ({ rss: Math.max(m.rss, s.rss), heap: Math.max(m.heap, s.heap) }), before);
  const mb = (n: number) => Math.round(n / MB);
  console.log(`load: ${JSON.stringify({
    customers: customers.length, seconds: Math.round(seconds * 10) / 10, requests: latencies.length, sockets: customers.length, busySnapshotAnswers: busyAnswers.length,
    eventLoopDelayMs: { p50: Math.round(loopDelay.percentile(50) / 1e6), p99: Math.round(loopDelay.percentile(99) / 1e6), max: Math.round(loopDelay.max / 1e6) },
    latencyMs: { p50: pct(latencies, 0.5), p99: pct(latencies, 0.99), max: pct(latencies, 1), ...kinds },
    memoryMb: { gc: gc !== null, before: { rss: mb(before.rss), heap: mb(before.heap) }, peak: { rss: mb(peak.rss), heap: mb(peak.heap) }, after: { rss: mb(after.rss), heap: mb(after.heap) } },
  })}`);
  expect(latencies).toHaveLength(customers.length * 6);
  // Settled heap back near where it started: a leak of even 100 kB per customer would show here.
  expect(after.heap - before.heap).toBeLessThan((gc ? 16 : 48) * MB);
  expect(after.rss - before.rss).toBeLessThan(256 * MB);
}, 120_000);
