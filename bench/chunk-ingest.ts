// Recording-chunk ingest: 1 MB chunks PUT to one recording, sequentially and 4 at a time, each
// acknowledged only once durable (blob fsynced and renamed in with its directory fsynced, row + ledger
// entry committed with the WAL fsynced), side by side with two floors: the same bytes hashed, written,
// fsynced and renamed with the directory fsynced, one after another, in this process; and the same
// work behind a bare node:http server in its own process, PUT the same way (what any HTTP upload
// must also pay to move the bytes). The three take turns, a round of chunks each, so all see the
// same contention on a shared machine. The server runs
// as a child process, as it would beside a browser on another machine: the client's own work (making
// and hashing the chunks) is not charged to the server.
// Run: npx tsx bench/chunk-ingest.ts (QUICK=1 for a smoke run).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { startChildServer, type ChildServer } from '../server/test/support/child-server.ts';
import { apiClient } from './support/api-client.ts';
import { QUICK, round, summary, writeResult } from './support/results.ts';

const CHUNKS = QUICK ? 8 : 64;
const CHUNK_BYTES = 1024 * 1024;
/** Chunks per turn: Sightline sends a round, then the floor writes the same round. */
const ROUND = 8;
const MB = 1024 * 1024;
const ADMIN = { email: 'admin@bench.test', password: 'correct-horse-battery' };
const elapsed = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

function floorWrite(bytes: Buffer, dir: string): void {
  crypto.createHash('sha256').update(bytes).digest('hex');
  const temp = path.join(dir, `t-${crypto.randomUUID()}`);
  const fd = fs.openSync(temp, 'w');
  fs.writeSync(fd, bytes);
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(temp, path.join(dir, crypto.randomUUID()));
  const dirFd = fs.openSync(dir, 'r');
  fs.fsyncSync(dirFd);
  fs.closeSync(dirFd);
}

/** One PUT over a kept-alive connection; resolves with the status once the answer is read. */
function put(agent: http.Agent, base: URL, pathname: string, headers: Record<string, string>, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, path: pathname, method: 'PUT', agent, headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-chunks-'));
  const floorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-chunk-floor-'));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  let server: ChildServer | undefined;
  const bare = spawn(process.execPath, [path.join(import.meta.dirname, 'support/bare-chunk-server.mjs'), path.join(floorDir, 'http')], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [barePort] = (await once(readline.createInterface({ input: bare.stdout! }), 'line')) as [string];
    const bareBase = new URL(`http://127.0.0.1:${barePort}`);
    server = await startChildServer({ dataDir, admin: ADMIN });
    const base = new URL(server.base);
    const api = apiClient(server.base);
    await api.login(ADMIN.email, ADMIN.password);
    const caseId = ((await api.json('/api/cases', { method: 'POST', json: { title: 'chunk benchmark' } })).body as { case: { id: string } }).case.id;
    const results: Record<string, unknown> = {};
    for (const concurrency of [1, 4]) {
      const created = await api.json(`/api/cases/${caseId}/recordings`, {
        method: 'POST',
        json: { mimeType: 'video/webm;codecs=vp8,opus', startedAt: new Date().toISOString() },
      });
      const recordingId = (created.body as { recording: { id: string } }).recording.id;
      const chunks = Array.from({ length: CHUNKS }, () => crypto.randomBytes(CHUNK_BYTES));
      const hashes = chunks.map((bytes) => crypto.createHash('sha256').update(bytes).digest('hex'));
      const latencies: number[] = [];
      let seconds = 0;
      let floorSeconds = 0;
      let httpFloorSeconds = 0;
      for (let from = 0; from < CHUNKS; from += ROUND) {
        let next = from;
        const to = Math.min(CHUNKS, from + ROUND);
        const start = process.hrtime.bigint();
        await Promise.all(Array.from({ length: concurrency }, async () => {
          for (let n = next++; n < to; n = next++) {
            const t = process.hrtime.bigint();
            const status = await put(agent, base, `/api/cases/${caseId}/recordings/${recordingId}/chunks/${n}`, {
              cookie: api.cookie() ?? '', 'content-type': 'application/octet-stream', 'x-chunk-sha256': hashes[n]!,
            }, chunks[n]!);
            if (status !== 201) throw new Error(`chunk ${n}: ${status}`);
            latencies.push(elapsed(t) * 1000);
          }
        }));
        seconds += elapsed(start);
        const floorStart = process.hrtime.bigint();
        for (const bytes of chunks.slice(from, to)) floorWrite(bytes, floorDir);
        floorSeconds += elapsed(floorStart);
        const httpStart = process.hrtime.bigint();
        let nextBare = from;
        await Promise.all(Array.from({ length: concurrency }, async () => {
          for (let n = nextBare++; n < to; n = nextBare++) {
            const status = await put(agent, bareBase, `/${n}`, { 'content-type': 'application/octet-stream' }, chunks[n]!);
            if (status !== 200) throw new Error(`bare server, chunk ${n}: ${status}`);
          }
        }));
        httpFloorSeconds += elapsed(httpStart);
      }
      const mbps = (CHUNKS * CHUNK_BYTES) / MB / seconds;
      const floorMbps = (CHUNKS * CHUNK_BYTES) / MB / floorSeconds;
      const httpFloorMbps = (CHUNKS * CHUNK_BYTES) / MB / httpFloorSeconds;
      const { p50, p95 } = summary(latencies, [50, 95]);
      results[`concurrency${concurrency}`] = { mbPerSecond: round(mbps), p50Ms: p50, p95Ms: p95, floorMbPerSecond: round(floorMbps), ratioToFloor: round(floorMbps / mbps), httpFloorMbPerSecond: round(httpFloorMbps), ratioToHttpFloor: round(httpFloorMbps / mbps) };
    }
    results.ledgerVerified = ((await api.json(`/api/cases/${caseId}/verify`)).body as { ok: boolean }).ok;
    writeResult('chunk-ingest', { benchmark: 'chunk-ingest', chunks: CHUNKS, chunkBytes: CHUNK_BYTES, machine: { cpus: os.cpus().length, node: process.version }, results });
  } finally {
    agent.destroy();
    bare.kill();
    await server?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(floorDir, { recursive: true, force: true });
  }
}

await main();
