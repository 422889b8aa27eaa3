// Recording-chunk ingest: 1 MB chunks PUT to one recording, sequentially and 4 at a time, each
// acknowledged only once durable (blob fsynced, row + ledger entry committed), side by side with the
// floor — the same bytes hashed, written, fsynced and renamed with the directory fsynced.
// Run: npx tsx bench/chunk-ingest.ts (QUICK=1 for a smoke run).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHarness } from '../server/test/http/harness.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const QUICK = process.env.QUICK === '1';
const CHUNKS = QUICK ? 8 : 64;
const CHUNK_BYTES = 1024 * 1024;
const MB = 1024 * 1024;
const round = (n: number): number => Number(n.toFixed(1));
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

async function main(): Promise<void> {
  const h = await startHarness();
  const floorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-chunk-floor-'));
  try {
    const admin = h.client();
    await admin.login();
    const caseId = (await admin.json('/api/cases', { method: 'POST', json: { title: 'chunk benchmark' } })).body.case.id as string;
    const results: Record<string, unknown> = {};
    for (const concurrency of [1, 4]) {
      const created = await admin.json(`/api/cases/${caseId}/recordings`, {
        method: 'POST',
        json: { mimeType: 'video/webm;codecs=vp8,opus', startedAt: new Date().toISOString() },
      });
      const recordingId = created.body.recording.id as string;
      const chunks = Array.from({ length: CHUNKS }, () => crypto.randomBytes(CHUNK_BYTES));
      const latencies: number[] = [];
      let next = 0;
      const start = process.hrtime.bigint();
      await Promise.all(Array.from({ length: concurrency }, async () => {
        for (let n = next++; n < chunks.length; n = next++) {
          const bytes = chunks[n]!;
          const t = process.hrtime.bigint();
          const res = await admin.fetch(`/api/cases/${caseId}/recordings/${recordingId}/chunks/${n}`, {
            method: 'PUT',
            headers: { 'content-type': 'application/octet-stream', 'x-chunk-sha256': crypto.createHash('sha256').update(bytes).digest('hex') },
            body: new Uint8Array(bytes),
          });
          if (res.status !== 201) throw new Error(`chunk ${n}: ${res.status} ${await res.text()}`);
          latencies.push(elapsed(t) * 1000);
        }
      }));
      const seconds = elapsed(start);
      latencies.sort((a, b) => a - b);
      const floorStart = process.hrtime.bigint();
      for (const bytes of chunks) floorWrite(bytes, floorDir);
      const floorSeconds = elapsed(floorStart);
      const mbps = (CHUNKS * CHUNK_BYTES) / MB / seconds;
      const floorMbps = (CHUNKS * CHUNK_BYTES) / MB / floorSeconds;
      results[`concurrency${concurrency}`] = {
        mbPerSecond: round(mbps),
        p50Ms: round(latencies[Math.floor(latencies.length / 2)]!),
        p95Ms: round(latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.95) - 1)]!),
        floorMbPerSecond: round(floorMbps),
        ratioToFloor: round(floorMbps / mbps),
      };
    }
    results.ledgerVerified = (await admin.json(`/api/cases/${caseId}/verify`)).body.ok;
    const out = { benchmark: 'chunk-ingest', chunks: CHUNKS, chunkBytes: CHUNK_BYTES, machine: { cpus: os.cpus().length, node: process.version }, results };
    fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench/results/chunk-ingest.json'), `${JSON.stringify(out, null, 2)}\n`);
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await h.close();
    fs.rmSync(floorDir, { recursive: true, force: true });
  }
}

await main();
