// API latency at a fixed request rate: GET /api/cases/:id (a case with photos and chat) and
// GET /api/cases (100 cases), each at RATE req/s on its own, after the floor GET /api/health at the
// same rate on the same server, and the three again at once (3 × RATE) to show where one process
// saturates. Open loop: a request leaves at its scheduled
// time whether or not earlier ones have answered, and its latency counts from that scheduled time, so
// a stalled server shows as latency instead of a slower request rate. The server is a child process.
// Run: npx tsx bench/api-latency.ts (QUICK=1 for a smoke run).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { detailedJpeg } from '../server/test/evidence/fixtures.ts';
import { startChildServer, type ChildServer } from '../server/test/support/child-server.ts';
import { apiClient, inBatches } from './support/api-client.ts';
import { QUICK, round, summary, writeResult } from './support/results.ts';

const RATE = 500;
const WARM_UP_S = QUICK ? 0.5 : 2;
const DURATION_S = QUICK ? 1 : 7;
const CASES = QUICK ? 10 : 100;
const PHOTOS = QUICK ? 2 : 10;
const CHAT_LINES = QUICK ? 5 : 20;
const REQUEST_TIMEOUT_MS = 5_000;

interface Sample { endpoint: number; ms: number; ok: boolean }

/** CPU seconds the process has used (utime + stime from /proc/<pid>/stat). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Sends `paths[i % n]` at `rate` req/s per path for `seconds`; resolves when every request ended. */
function openLoop(agent: http.Agent, base: string, cookie: string, paths: string[], rate: number, seconds: number): Promise<Sample[]> {
  const url = new URL(base);
  const total = Math.round(rate * paths.length * seconds);
  const interval = 1000 / (rate * paths.length);
  const samples: Sample[] = [];
  return new Promise((resolve) => {
    const t0 = performance.now();
    let sent = 0;
    let done = 0;
    const finish = (sample: Sample): void => {
      samples.push(sample);
      if (++done === total) resolve(samples);
    };
    const send = (i: number): void => {
      const scheduled = t0 + i * interval;
      const endpoint = i % paths.length;
      const req = http.get({ host: url.hostname, port: url.port, path: paths[endpoint], agent, headers: { cookie }, timeout: REQUEST_TIMEOUT_MS }, (res) => {
        res.resume();
        res.on('end', () => finish({ endpoint, ms: performance.now() - scheduled, ok: res.statusCode === 200 }));
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => finish({ endpoint, ms: performance.now() - scheduled, ok: false }));
    };
    const tick = (): void => {
      const due = Math.min(total, Math.floor((performance.now() - t0) / interval) + 1);
      while (sent < due) send(sent++);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-api-'));
  const admin = { email: 'admin@bench.test', password: 'correct-horse-battery' };
  let server: ChildServer | undefined;
  // Shared by warm-up and measurement, so the measured requests find their connections open.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  try {
    server = await startChildServer({ dataDir, admin });
    const api = apiClient(server.base);
    await api.login(admin.email, admin.password);
    const created: Array<{ id: string; token: string }> = [];
    await inBatches([...Array(CASES).keys()], 8, async (i) => {
      const res = await api.json('/api/cases', { method: 'POST', json: { title: `API latency case ${i}`, customerName: `Customer ${i}` } });
      const body = res.body as { case: { id: string }; token: string };
      created.push({ id: body.case.id, token: body.token });
    });
    const detail = created[0]!;
    await api.json('/api/join/consent', { method: 'POST', bearer: detail.token, json: { recording: true } });
    for (let i = 0; i < CHAT_LINES; i++) {
      await api.json(`/api/cases/${detail.id}/chat`, { method: 'POST', bearer: detail.token, json: { id: `bench-chat-${i}`, text: `Line ${i} about the damage` } });
    }
    for (let i = 0; i < PHOTOS; i++) {
      const form = new FormData();
      form.set('source', 'device-still');
      form.set('file', new Blob([new Uint8Array(await detailedJpeg(640 + i, 480))], { type: 'image/jpeg' }), 'photo.jpg');
      const res = await fetch(`${server.base}/api/cases/${detail.id}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${detail.token}` }, body: form });
      if (res.status !== 201) throw new Error(`photo upload: ${res.status}`);
    }

    const paths = ['/api/health', `/api/cases/${detail.id}`, '/api/cases'];
    const cookie = api.cookie() ?? '';
    const pid = server.process.pid!;
    /** One open-loop run of `which` paths at RATE req/s each, after a warm-up; per-path latency and server CPU. */
    const phase = async (which: number[]) => {
      const chosen = which.map((i) => paths[i]!);
      await openLoop(agent, server!.base, cookie, chosen, RATE, WARM_UP_S);
      const cpuBefore = cpuSeconds(pid);
      const started = performance.now();
      const samples = await openLoop(agent, server!.base, cookie, chosen, RATE, DURATION_S);
      const serverCpuCores = round((cpuSeconds(pid) - cpuBefore) / ((performance.now() - started) / 1000), 2);
      return which.map((_, endpoint) => {
        const mine = samples.filter((s) => s.endpoint === endpoint);
        return { ...summary(mine.filter((s) => s.ok).map((s) => s.ms), [50, 99]), errors: mine.filter((s) => !s.ok).length, serverCpuCores };
      });
    };
    const [health] = await phase([0]);
    const [caseDetail] = await phase([1]);
    const [caseList] = await phase([2]);
    const together = await phase([0, 1, 2]);
    const ratio = (r: NonNullable<typeof health>) => ({ p50: round(r.p50! / health!.p50!, 2), p99: round(r.p99! / health!.p99!, 2) });
    writeResult('api-latency', {
      benchmark: 'api-latency',
      machine: { cpus: os.cpus().length, node: process.version },
      ratePerEndpoint: RATE,
      seconds: DURATION_S,
      data: { cases: CASES, detailCase: { photos: PHOTOS, chatLines: CHAT_LINES } },
      health,
      caseDetail: { ...caseDetail!, ratioToHealth: ratio(caseDetail!) },
      caseList: { ...caseList!, ratioToHealth: ratio(caseList!) },
      allThreeAtOnce: { health: together[0], caseDetail: together[1], caseList: together[2] },
    });
  } finally {
    agent.destroy();
    await server?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
