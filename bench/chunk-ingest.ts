// Recording-chunk ingest: 1 MB chunks PUT to one recording, sequentially and 4 at a time, each
// acknowledged only once durable (blob fsynced and renamed in with its directory fsynced, row + ledger
// entry committed with the WAL fsynced), side by side with two floors: the same bytes hashed, written,
// fsynced and renamed with the directory fsynced, one after another, in this process; and the same
// work behind a bare node:http server in its own process, PUT the same way (what any HTTP upload
// must also pay to move the bytes). The three take turns, a round of chunks each, so all see the
// same contention on a shared machine. The server runs
// as a child process, as it would beside a browser on another machine: the client's own work (making
// and hashing the chunks) is not charged to the server. A second server keeps its blobs in an S3 bucket
// (s3rver, in a process of its own) and takes its turn with the same chunks: its figure and its ratio to
// the local store.
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
import { startS3Child, type S3Child } from './support/s3-store.ts';
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

/** A server's recording target: one case, a fresh recording per call, and a chunk PUT as its admin. */
async function recorderOn(base: string) {
  const url = new URL(base);
  const api = apiClient(base);
  await api.login(ADMIN.email, ADMIN.password);
  const caseId = ((await api.json('/api/cases', { method: 'POST', json: { title: 'chunk benchmark' } })).body as { case: { id: string } }).case.id;
  return {
    async newRecording(): Promise<string> {
      const created = await api.json(`/api/cases/${caseId}/recordings`, {
        method: 'POST',
        json: { mimeType: 'video/webm;codecs=vp8,opus', startedAt: new Date().toISOString() },
      });
      return (created.body as { recording: { id: string } }).recording.id;
    },
    put: (agent: http.Agent, recordingId: string, n: number, sha256: string, bytes: Buffer): Promise<number> =>
      put(agent, url, `/api/cases/${caseId}/recordings/${recordingId}/chunks/${n}`, {
        cookie: api.cookie() ?? '', 'content-type': 'application/octet-stream', 'x-chunk-sha256': sha256,
      }, bytes),
    verified: async (): Promise<boolean> => ((await api.json(`/api/cases/${caseId}/verify`)).body as { ok: boolean }).ok,
  };
}

type Recorder = Awaited<ReturnType<typeof recorderOn>>;

/** Sends chunks [from, to) of one recording, `concurrency` at a time; returns the seconds it took. */
async function sendRound(agent: http.Agent, recorder: Recorder, recordingId: string, chunks: Buffer[], hashes: string[], from: number, to: number, concurrency: number, latencies: number[]): Promise<number> {
  let next = from;
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let n = next++; n < to; n = next++) {
      const t = process.hrtime.bigint();
      const status = await recorder.put(agent, recordingId, n, hashes[n]!, chunks[n]!);
      if (status !== 201) throw new Error(`chunk ${n}: ${status}`);
      latencies.push(elapsed(t) * 1000);
    }
  }));
  return elapsed(start);
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-chunks-'));
  const s3DataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-chunks-s3-'));
  const floorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-chunk-floor-'));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  let server: ChildServer | undefined;
  let s3Server: ChildServer | undefined;
  let s3: S3Child | undefined;
  const bare = spawn(process.execPath, [path.join(import.meta.dirname, 'support/bare-chunk-server.mjs'), path.join(floorDir, 'http')], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [barePort] = (await once(readline.createInterface({ input: bare.stdout! }), 'line')) as [string];
    const bareBase = new URL(`http://127.0.0.1:${barePort}`);
    server = await startChildServer({ dataDir, admin: ADMIN });
    s3 = await startS3Child();
    s3Server = await startChildServer({ dataDir: s3DataDir, admin: ADMIN, env: s3.env });
    const local = await recorderOn(server.base);
    const onS3 = await recorderOn(s3Server.base);
    const results: Record<string, unknown> = {};
    for (const concurrency of [1, 4]) {
      const recordingId = await local.newRecording();
      const s3RecordingId = await onS3.newRecording();
      const chunks = Array.from({ length: CHUNKS }, () => crypto.randomBytes(CHUNK_BYTES));
      const hashes = chunks.map((bytes) => crypto.createHash('sha256').update(bytes).digest('hex'));
      const latencies: number[] = [];
      const s3Latencies: number[] = [];
      let seconds = 0;
      let s3Seconds = 0;
      let floorSeconds = 0;
      let httpFloorSeconds = 0;
      for (let from = 0; from < CHUNKS; from += ROUND) {
        const to = Math.min(CHUNKS, from + ROUND);
        seconds += await sendRound(agent, local, recordingId, chunks, hashes, from, to, concurrency, latencies);
        s3Seconds += await sendRound(agent, onS3, s3RecordingId, chunks, hashes, from, to, concurrency, s3Latencies);
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
      const mbOf = (s: number): number => (CHUNKS * CHUNK_BYTES) / MB / s;
      const [mbps, s3Mbps, floorMbps, httpFloorMbps] = [seconds, s3Seconds, floorSeconds, httpFloorSeconds].map(mbOf) as [number, number, number, number];
      const { p50, p95 } = summary(latencies, [50, 95]);
      const s3Summary = summary(s3Latencies, [50, 95]);
      results[`concurrency${concurrency}`] = {
        mbPerSecond: round(mbps), p50Ms: p50, p95Ms: p95, floorMbPerSecond: round(floorMbps), ratioToFloor: round(floorMbps / mbps), httpFloorMbPerSecond: round(httpFloorMbps), ratioToHttpFloor: round(httpFloorMbps / mbps),
        s3: { mbPerSecond: round(s3Mbps), p50Ms: s3Summary.p50, p95Ms: s3Summary.p95, ratioToLocal: round(mbps / s3Mbps) },
      };
    }
    results.ledgerVerified = (await local.verified()) && (await onS3.verified());
    writeResult('chunk-ingest', { benchmark: 'chunk-ingest', chunks: CHUNKS, chunkBytes: CHUNK_BYTES, machine: { cpus: os.cpus().length, node: process.version }, results });
  } finally {
    agent.destroy();
    bare.kill();
    await server?.kill();
    await s3Server?.kill();
    await s3?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(s3DataDir, { recursive: true, force: true });
    fs.rmSync(floorDir, { recursive: true, force: true });
  }
}

await main();
