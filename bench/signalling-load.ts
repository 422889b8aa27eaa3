// Signalling under load: how many PeerJS peers one server holds, and what they cost it in memory. The
// server runs as a child process (its RSS read from /proc/<pid>/status); peers are real WebSocket
// clients registering as the PeerJS client does (server-minted id + HMAC token in the query, OPEN
// awaited, HEARTBEAT every 5 s). The server allows 8 sockets per case, so peers are spread over cases
// (1 customer + 7 assessor credentials each), and the global cap SIGHTLINE_MAX_PEERS (default 5,000)
// is raised above the largest level for this run. Levels are reached in turn on one server.
// Run: npx tsx bench/signalling-load.ts (QUICK=1 for a smoke run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { attemptPeer, credentialQuery, type PeerSocket } from '../server/test/faults/peer-socket.ts';
import { startChildServer, type ChildServer } from '../server/test/support/child-server.ts';
import { QUICK, round, sleep, summary, writeResult } from './support/results.ts';
import { apiClient, inBatches, type ApiClient } from './support/api-client.ts';

const LEVELS = QUICK ? [40] : [1_000, 5_000];
const PEERS_PER_CASE = 8;
const MAX_PEERS = Math.max(...LEVELS) + 1_000;
const HOLD_MS = QUICK ? 1_000 : 10_000;
const HEARTBEAT_MS = 5_000;
/** Sockets being opened at once, as many browsers arriving together would. */
const CONNECTING = 100;
const WARM_UP_CASES = 5;
const MB = 1024 * 1024;

interface Credential { peerId: string; token: string; key: string }

function rssBytes(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Credentials for peer slots [from, to): slot k belongs to case k / 8, the first of each case a customer. */
async function mint(api: ApiClient, cases: Array<{ id: string; token: string }>, from: number, to: number): Promise<Credential[]> {
  const out: Credential[] = Array(to - from);
  await inBatches([...Array(to - from).keys()], 16, async (i) => {
    const slot = from + i;
    const c = cases[Math.floor(slot / PEERS_PER_CASE)]!;
    const res = slot % PEERS_PER_CASE === 0
      ? await api.json('/api/join/peer', { method: 'POST', bearer: c.token })
      : await api.json(`/api/cases/${c.id}/peer`, { method: 'POST' });
    if (res.status !== 200) throw new Error(`peer credential: ${res.status} ${JSON.stringify(res.body)}`);
    out[i] = res.body as Credential;
  });
  return out;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-signalling-'));
  const admin = { email: 'admin@bench.test', password: 'correct-horse-battery' };
  let server: ChildServer | undefined;
  const peers: PeerSocket[] = [];
  let heartbeat: NodeJS.Timeout | undefined;
  try {
    server = await startChildServer({ dataDir, admin, env: { SIGHTLINE_MAX_PEERS: String(MAX_PEERS) } });
    const pid = server.process.pid!;
    const api = apiClient(server.base);
    await api.login(admin.email, admin.password);

    const caseCount = Math.ceil(Math.max(...LEVELS) / PEERS_PER_CASE);
    const cases: Array<{ id: string; token: string }> = Array(caseCount + WARM_UP_CASES);
    let start = performance.now();
    await inBatches([...cases.keys()], 8, async (i) => {
      const created = await api.json('/api/cases', { method: 'POST', json: { title: `Signalling load ${i}` } });
      const body = created.body as { case: { id: string }; token: string };
      const consent = await api.json('/api/join/consent', { method: 'POST', bearer: body.token, json: { recording: true } });
      if (created.status !== 201 || consent.status !== 200) throw new Error(`case setup: ${created.status} ${consent.status}`);
      cases[i] = { id: body.case.id, token: body.token };
    });
    const setupSeconds = round((performance.now() - start) / 1000);
    // A first round on cases of its own, so the measured levels meet warm code paths.
    const warmUp = await mint(api, cases.slice(caseCount), 0, WARM_UP_CASES * PEERS_PER_CASE);
    await inBatches(warmUp, CONNECTING, async (credential) => {
      const attempt = await attemptPeer(server!.base, credentialQuery(credential), credential.peerId, 30_000);
      if (attempt.kind === 'open') await attempt.peer.close();
    });
    await sleep(1_000);
    const baseline = rssBytes(pid);

    const closedByServer: number[] = [];
    heartbeat = setInterval(() => {
      for (const peer of peers) if (peer.ws.readyState === WebSocket.OPEN) peer.send({ type: 'HEARTBEAT' });
    }, HEARTBEAT_MS);
    const levels: Record<string, unknown>[] = [];
    for (const level of LEVELS) {
      start = performance.now();
      const credentials = await mint(api, cases, peers.length, level);
      const mintSeconds = (performance.now() - start) / 1000;
      const failures: Record<string, number> = {};
      const connectMs: number[] = [];
      start = performance.now();
      await inBatches(credentials, CONNECTING, async (credential) => {
        const t = performance.now();
        const attempt = await attemptPeer(server!.base, credentialQuery(credential), credential.peerId, 30_000);
        if (attempt.kind !== 'open') {
          const kind = attempt.kind === 'refused' ? `refused ${attempt.status}` : attempt.kind;
          failures[kind] = (failures[kind] ?? 0) + 1;
          return;
        }
        connectMs.push(performance.now() - t);
        attempt.peer.ws.once('close', (code) => closedByServer.push(code));
        peers.push(attempt.peer);
      });
      const connectSeconds = (performance.now() - start) / 1000;
      await sleep(HOLD_MS);
      const health: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await api.json('/api/health');
        health.push(performance.now() - t);
      }
      const memory = rssBytes(pid);
      const held = peers.filter((p) => p.ws.readyState === WebSocket.OPEN).length;
      levels.push({
        target: level,
        held,
        failures,
        closedByServer: closedByServer.length,
        mintSeconds: round(mintSeconds),
        connectSeconds: round(connectSeconds),
        connectsPerSecond: round(credentials.length / connectSeconds),
        connectMs: summary(connectMs, [50, 99]),
        healthWhileHoldingMs: summary(health, [50]),
        rssMB: round(memory.rss / MB),
        rssGrowthMB: round((memory.rss - baseline.rss) / MB),
        kbPerPeer: round((memory.rss - baseline.rss) / 1024 / held),
      });
    }
    clearInterval(heartbeat);
    await Promise.all(peers.map((p) => p.close()));
    await sleep(2_000);
    const after = rssBytes(pid);
    writeResult('signalling-load', {
      benchmark: 'signalling-load',
      machine: { cpus: os.cpus().length, node: process.version },
      setup: { cases: caseCount, peersPerCase: `1 customer + ${PEERS_PER_CASE - 1} assessors`, SIGHTLINE_MAX_PEERS: MAX_PEERS, holdSeconds: HOLD_MS / 1000, connectingAtOnce: CONNECTING, caseSetupSeconds: setupSeconds },
      rssBeforeMB: round(baseline.rss / MB),
      levels,
      rssAfterCloseMB: round(after.rss / MB),
      rssPeakMB: round(after.peak / MB),
    });
  } finally {
    clearInterval(heartbeat);
    for (const peer of peers) peer.ws.terminate();
    await server?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
