// Crash test: the real server runs as a child process while a client uploads recording chunks and
// snapshots concurrently; it is killed with SIGKILL at a random moment, again and again, and restarted
// on the same data dir. Every chunk and snapshot acknowledged before a kill must be there, intact; the
// ledger must verify; no temp file may show; and the client resumes and finally seals the recording.
// Four chunk workers keep several chunks between blob install and commit at once, so chunks share
// directory fsyncs and commits (group commit), and a fifth re-sends chunks already acknowledged, racing
// the same blob's install: an acknowledgement given to any of them must hold all the same.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { detailedJpeg, flatJpeg } from '../evidence/fixtures.ts';
import { blobStoreProblems } from '../faults/store-probe.ts';
import { attempt, seeded, startChildServer, type ChildServer } from '../support/child-server.ts';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
const CHUNK_WORKERS = 4;
const ADMIN = { email: 'crash@example.test', password: 'crash test password' };
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);

const random = seeded(SEED);
const between = (min: number, max: number): number => Math.floor(min + random() * (max - min + 1));
const sha256 = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-crash-'));
let child: ChildServer | null = null;
let cookie = '';

async function startServer(): Promise<string> {
  child = await startChildServer({ dataDir, admin: ADMIN });
  return child.base;
}

const kill = async (): Promise<void> => child?.kill();

afterAll(async () => {
  await kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Api {
  base: string;
  json(pathname: string, init?: RequestInit & { json?: unknown }): Promise<{ status: number; body: any }>;
}

const api = (base: string): Api => ({
  base,
  async json(pathname, init = {}) {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const res = await fetch(base + pathname, { ...init, headers, body });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  },
});

/** The client's own record, as a recorder keeping chunks in IndexedDB until acknowledged would have it. */
interface ClientState {
  chunks: Buffer[];
  acked: Set<number>;
  snapshots: Map<string, { photo: Buffer; evidence: { id: string; sha256: string } | null }>;
}

interface RoundLog {
  round: number;
  killAfterMs: number;
  acked: { chunks: number; snapshots: number; resent: number };
  inFlight: { chunks: number[]; snapshots: number };
  answeredLost: number;
  /** Temp files the kill left in the blob store's temp folder (removed at the next start). */
  tempLeft: number;
  /** How long the start before this round took, and the checks after it. */
  restartMs: number;
  checkMs: number;
}

it(`loses nothing acknowledged across ${ROUNDS} SIGKILLs, and the upload resumes and seals (seed ${SEED})`, async () => {
  const startedAt = Date.now();
  const photos = [await detailedJpeg(320, 240), await flatJpeg(320, 240, '#667788'), await detailedJpeg(400, 300)];
  const state: ClientState = { chunks: [], acked: new Set(), snapshots: new Map() };
  const log: RoundLog[] = [];
  let caseId = '';
  let recordingId = '';
  let snapshotCount = 0;

  /** After a restart: everything acknowledged is there, intact, and the ledger verifies. */
  const checkAfterRestart = async (server: Api): Promise<number> => {
    expect(fs.readdirSync(path.join(dataDir, 'blobs', 'tmp'))).toEqual([]);
    expect(blobStoreProblems(dataDir), 'every blob hashes to its name in the content-addressed layout').toEqual([]);
    const recording = (await server.json(`/api/cases/${caseId}/recordings/${recordingId}`)).body;
    const held = new Map<number, { sha256: string; size: number }>(recording.chunks.map((c: { n: number; sha256: string; size: number }) => [c.n, c]));
    for (const n of state.acked) expect(held.get(n), `acknowledged chunk ${n}`).toEqual({ n, sha256: sha256(state.chunks[n]!), size: state.chunks[n]!.length });
    const evidence = new Map<string, { sha256: string }>((await server.json(`/api/cases/${caseId}`)).body.evidence.map((e: { id: string; sha256: string }) => [e.id, e]));
    for (const [uploadId, snapshot] of state.snapshots) {
      if (snapshot.evidence) expect(evidence.get(snapshot.evidence.id)?.sha256, `acknowledged snapshot ${uploadId}`).toBe(snapshot.evidence.sha256);
    }
    expect((await server.json(`/api/cases/${caseId}/verify`)).body).toMatchObject({ ok: true, firstBroken: null });
    // Resume as the console would: ask what the server holds, and count what was stored but never answered.
    let answeredLost = 0;
    for (const [n, chunk] of held) {
      if (state.acked.has(n)) continue;
      expect(chunk.sha256).toBe(sha256(state.chunks[n]!));
      state.acked.add(n);
      answeredLost += 1;
    }
    return answeredLost;
  };

  /** Uploads until the server dies: chunk workers (re-sends first, then new chunks) beside a snapshot worker. */
  const workload = (server: Api, inFlight: { chunks: Set<number>; snapshots: Set<string> }, resent: { count: number }) => {
    let dead = false;
    const claimed = new Set<number>();
    const nextChunk = (): number => {
      for (let n = 0; n < state.chunks.length; n++) if (!state.acked.has(n) && !claimed.has(n)) return n;
      state.chunks.push(crypto.randomBytes(between(64, 512) * 1024));
      return state.chunks.length - 1;
    };
    const chunkWorker = async () => {
      while (!dead) {
        const n = nextChunk();
        claimed.add(n);
        inFlight.chunks.add(n);
        const res = await attempt(server.json(`/api/cases/${caseId}/recordings/${recordingId}/chunks/${n}`, {
          method: 'PUT', headers: { 'content-type': 'video/webm', 'x-chunk-sha256': sha256(state.chunks[n]!) }, body: new Uint8Array(state.chunks[n]!),
        }));
        inFlight.chunks.delete(n);
        claimed.delete(n);
        if (!res) break;
        expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
        state.acked.add(n);
      }
      dead = true;
    };
    /** Sends an acknowledged chunk again, as a console that missed the answer would: 200, stored before. */
    const resendWorker = async () => {
      while (!dead) {
        const acked = [...state.acked];
        if (acked.length === 0) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        const n = acked[between(0, acked.length - 1)]!;
        const res = await attempt(server.json(`/api/cases/${caseId}/recordings/${recordingId}/chunks/${n}`, {
          method: 'PUT', headers: { 'content-type': 'video/webm', 'x-chunk-sha256': sha256(state.chunks[n]!) }, body: new Uint8Array(state.chunks[n]!),
        }));
        if (!res) break;
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toMatchObject({ n, stored: false });
        resent.count += 1;
      }
      dead = true;
    };
    const snapshotWorker = async () => {
      while (!dead) {
        const pending = [...state.snapshots].find(([, s]) => s.evidence === null);
        const uploadId = pending?.[0] ?? `snap-${String(++snapshotCount).padStart(6, '0')}`;
        const photo = pending?.[1].photo ?? photos[snapshotCount % photos.length]!;
        state.snapshots.set(uploadId, { photo, evidence: null });
        inFlight.snapshots.add(uploadId);
        const form = new FormData();
        form.set('source', 'video-frame');
        form.set('uploadId', uploadId);
        form.set('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'frame.jpg');
        const res = await attempt(server.json(`/api/cases/${caseId}/evidence`, { method: 'POST', body: form }));
        inFlight.snapshots.delete(uploadId);
        if (!res) break;
        expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
        expect(res.body.sha256).toBe(sha256(photo));
        state.snapshots.set(uploadId, { photo, evidence: { id: res.body.id, sha256: res.body.sha256 } });
      }
      dead = true;
    };
    return Promise.all([...Array.from({ length: CHUNK_WORKERS }, chunkWorker), resendWorker(), snapshotWorker()]);
  };

  let server = api(await startServer());
  await server.json('/api/auth/login', { method: 'POST', json: ADMIN });
  caseId = (await server.json('/api/cases', { method: 'POST', json: { title: 'Crash test' } })).body.case.id;
  recordingId = (await server.json(`/api/cases/${caseId}/recordings`, {
    method: 'POST', json: { mimeType: 'video/webm;codecs=vp8,opus', startedAt: new Date().toISOString(), chunkMs: 1000 },
  })).body.recording.id;

  let restartMs = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    const checkStart = Date.now();
    const answeredLost = round === 1 ? 0 : await checkAfterRestart(server);
    const before = { chunks: state.acked.size, snapshots: [...state.snapshots.values()].filter((s) => s.evidence).length };
    const inFlight = { chunks: new Set<number>(), snapshots: new Set<string>() };
    const checkMs = Date.now() - checkStart;
    const killAfterMs = between(20, 400);
    const resent = { count: 0 };
    const running = workload(server, inFlight, resent);
    await new Promise((resolve) => setTimeout(resolve, killAfterMs));
    const caught = { chunks: [...inFlight.chunks].sort((a, b) => a - b), snapshots: inFlight.snapshots.size };
    await kill();
    await running;
    log.push({
      round, killAfterMs, answeredLost, inFlight: caught,
      acked: { chunks: state.acked.size - before.chunks, snapshots: [...state.snapshots.values()].filter((s) => s.evidence).length - before.snapshots, resent: resent.count },
      tempLeft: fs.readdirSync(path.join(dataDir, 'blobs', 'tmp')).length,
      restartMs, checkMs,
    });
    const restartStart = Date.now();
    server = api(await startServer());
    restartMs = Date.now() - restartStart;
  }

  const answeredLost = await checkAfterRestart(server);
  const missing = state.chunks.map((_, n) => n).filter((n) => !state.acked.has(n));
  for (const n of missing) {
    const res = await server.json(`/api/cases/${caseId}/recordings/${recordingId}/chunks/${n}`, {
      method: 'PUT', headers: { 'x-chunk-sha256': sha256(state.chunks[n]!) }, body: new Uint8Array(state.chunks[n]!),
    });
    expect(res.status).toBe(201);
  }
  for (const [uploadId, snapshot] of state.snapshots) {
    if (snapshot.evidence) continue;
    const form = new FormData();
    form.set('uploadId', uploadId);
    form.set('file', new Blob([new Uint8Array(snapshot.photo)], { type: 'image/jpeg' }), 'frame.jpg');
    const res = await server.json(`/api/cases/${caseId}/evidence`, { method: 'POST', body: form });
    expect([200, 201]).toContain(res.status);
    snapshot.evidence = { id: res.body.id, sha256: res.body.sha256 };
  }
  // A snapshot whose answer a kill cut was retried with its uploadId: stored once, never twice.
  const evidence = (await server.json(`/api/cases/${caseId}`)).body.evidence as Array<{ id: string }>;
  expect(evidence.map((e) => e.id).sort()).toEqual([...state.snapshots.values()].map((s) => s.evidence!.id).sort());

  const seal = await server.json(`/api/cases/${caseId}/recordings/${recordingId}/seal`, {
    method: 'POST', json: { chunkCount: state.chunks.length, durationMs: state.chunks.length * 1000, chunks: state.chunks.map((c, n) => ({ n, sha256: sha256(c) })) },
  });
  expect(seal.status, JSON.stringify(seal.body)).toBe(200);
  expect(seal.body.recording).toMatchObject({ sealed: true, chunkCount: state.chunks.length, missing: [] });
  expect((await server.json(`/api/cases/${caseId}/verify`)).body).toMatchObject({ ok: true });
  const media = await fetch(`${server.base}/api/cases/${caseId}/recordings/${recordingId}/media`, { headers: { cookie } });
  expect(sha256(Buffer.from(await media.arrayBuffer()))).toBe(sha256(Buffer.concat(state.chunks)));

  // No blob in the store is half-written: every file's content hashes to its name.
  const blobRoot = path.join(dataDir, 'blobs');
  const stored = fs.readdirSync(blobRoot, { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && !d.parentPath.endsWith('tmp'));
  for (const file of stored) expect(sha256(fs.readFileSync(path.join(file.parentPath, file.name)))).toBe(file.name);

  const summary = {
    seed: SEED, rounds: ROUNDS, seconds: Math.round((Date.now() - startedAt) / 100) / 10,
    chunks: state.chunks.length, megabytes: Math.round(state.chunks.reduce((s, c) => s + c.length, 0) / 1e5) / 10,
    snapshots: [...state.snapshots.values()].filter((s) => s.evidence).length,
    resentAtEnd: missing.length, answeredLostAtEnd: answeredLost,
  };
  console.log(`crash test ${JSON.stringify(summary)}\n${log.map((l) => JSON.stringify(l)).join('\n')}`);
  expect(log.filter((l) => l.inFlight.chunks.length + l.inFlight.snapshots > 0).length).toBeGreaterThan(ROUNDS / 2);
}, 150_000);
