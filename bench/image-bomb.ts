// Image bombs (hole 1 of issue 10): another customer's small photo upload (1280×960 JPEG, one after
// another) and the download of a stored original, measured on a quiet server, then while one customer's
// join token keeps eight 602 KiB interlaced 16-bit 8900×8900 PNGs in flight, then while eight callers
// each keep the heaviest image the server accepts in flight (an interlaced 16-bit 4000×3000 PNG, held
// whole: 96 MB). The server is a child process; its RSS is sampled every 50 ms and its peak (VmHWM)
// read after each phase. Run: npx tsx bench/image-bomb.ts (QUICK=1 for a smoke run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { detailedJpeg, zeroPng } from '../server/test/evidence/fixtures.ts';
import { startChildServer, type ChildServer } from '../server/test/support/child-server.ts';
import { apiClient } from './support/api-client.ts';
import { QUICK, round, sleep, summary, writeResult } from './support/results.ts';

const PHASE_S = QUICK ? 3 : 7;
const IN_FLIGHT = 8;
const MB = 1024 * 1024;

interface Customer { caseId: string; token: string }

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}

async function upload(base: string, who: Customer, bytes: Buffer, name: string): Promise<number> {
  const form = new FormData();
  form.set('source', 'gallery');
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${base}/api/cases/${who.caseId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${who.token}` }, body: form, signal: AbortSignal.timeout(120_000) });
  await res.arrayBuffer();
  return res.status;
}

/** Keeps `count` uploads of `bytes` in flight per caller until `until`, counting the answers by status. */
async function attack(base: string, callers: Customer[], count: number, bytes: Buffer, until: number): Promise<Record<string, number>> {
  const statuses: Record<string, number> = {};
  await Promise.all(callers.flatMap((who) => Array.from({ length: count }, async (_, lane) => {
    while (performance.now() < until) {
      const status = await upload(base, who, bytes, `attack-${lane}.png`).catch(() => 0);
      statuses[status] = (statuses[status] ?? 0) + 1;
      // A refused upload retries as a client would, a little later, instead of spinning.
      if (status === 429 || status === 503) await sleep(200);
    }
  })));
  return statuses;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-bomb-'));
  const admin = { email: 'admin@bench.test', password: 'correct-horse-battery' };
  let server: ChildServer | undefined;
  try {
    server = await startChildServer({ dataDir, admin });
    const { base } = server;
    const pid = server.process.pid!;
    const api = apiClient(base);
    await api.login(admin.email, admin.password);
    const customer = async (title: string): Promise<Customer> => {
      const created = (await api.json('/api/cases', { method: 'POST', json: { title } })).body as { case: { id: string }; token: string };
      await api.json('/api/join/consent', { method: 'POST', bearer: created.token, json: { recording: true } });
      return { caseId: created.case.id, token: created.token };
    };
    const victim = await customer('victim');
    const attacker = await customer('attacker');
    const heavyCallers = await Promise.all(Array.from({ length: IN_FLIGHT }, (_, i) => customer(`heavy ${i}`)));
    const bomb = await zeroPng(8900, 8900, { channels: 4, depth: 16, interlaced: true });
    const heavy = await zeroPng(4000, 3000, { channels: 4, depth: 16, interlaced: true });
    let photoIndex = 0;
    const photo = (): Promise<Buffer> => detailedJpeg(1280 + (photoIndex++ % 64), 960);
    if ((await upload(base, victim, await photo(), 'first.jpg')) !== 201) throw new Error('the first photo was not stored');
    const detail = (await api.json(`/api/cases/${victim.caseId}`)).body as { evidence: Array<{ originalUrl: string }> };
    const originalUrl = detail.evidence[0]!.originalUrl;

    /** The victim's uploads and downloads, one after another, while `load` runs; RSS sampled meanwhile. */
    const phase = async (load: (until: number) => Promise<Record<string, number>>) => {
      const uploads: number[] = [];
      const downloads: number[] = [];
      let failures = 0;
      let peakSampled = 0;
      const sampler = setInterval(() => {
        peakSampled = Math.max(peakSampled, procStatus(pid, 'VmRSS'));
      }, 50);
      const until = performance.now() + PHASE_S * 1000;
      const [attackAnswers] = await Promise.all([
        load(until),
        (async () => {
          while (performance.now() < until) {
            const bytes = await photo();
            let start = performance.now();
            const status = await upload(base, victim, bytes, 'photo.jpg').catch(() => 0);
            if (status === 201) uploads.push(performance.now() - start);
            else failures++;
            start = performance.now();
            const res = await fetch(base + originalUrl, { headers: { authorization: `Bearer ${victim.token}` } });
            await res.arrayBuffer();
            if (res.status === 200) downloads.push(performance.now() - start);
            else failures++;
            await sleep(100);
          }
        })(),
      ]);
      clearInterval(sampler);
      return {
        smallUploadMs: summary(uploads, [50, 99]),
        downloadMs: summary(downloads, [50, 99]),
        victimFailures: failures,
        attackAnswers,
        peakRssMB: round(peakSampled / MB),
        vmHwmMB: round(procStatus(pid, 'VmHWM') / MB),
      };
    };

    const rssAtStartMB = round(procStatus(pid, 'VmRSS') / MB);
    const quiet = await phase(async (until) => {
      await sleep(until - performance.now());
      return {};
    });
    const bombs = await phase((until) => attack(base, [attacker], IN_FLIGHT, bomb, until));
    const heaviest = await phase((until) => attack(base, heavyCallers, 1, heavy, until));
    writeResult('image-bomb', {
      benchmark: 'image-bomb',
      machine: { cpus: os.cpus().length, node: process.version },
      phaseSeconds: PHASE_S,
      files: { bombBytes: bomb.length, heavyBytes: heavy.length },
      rssAtStartMB,
      quiet,
      bombs,
      heaviest,
    });
  } finally {
    await server?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
