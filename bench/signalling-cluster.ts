// Signalling over two instances sharing a redis-server (issue 13): N idle PeerJS peers spread over both
// (each instance a child process, its RSS read from /proc/<pid>/status), then the one-way latency of a
// signalling message between two peers held by the same instance and between peers held by different
// instances (located in the Redis registry, relayed over the receiving instance's pub/sub channel),
// sent one at a time while the idle peers stay connected. Peers are real WebSocket clients registering
// as the PeerJS client does (server-minted id + HMAC token, OPEN awaited, HEARTBEAT every 5 s); 8 per
// case, each case's peers alternating between the instances. Both instances, Redis and the clients
// share this machine's cores.
// Run: npx tsx bench/signalling-cluster.ts (QUICK=1 for a smoke run: 500 peers).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { attemptPeer, credentialQuery, type PeerSocket } from '../server/test/faults/peer-socket.ts';
import { startChildInstance, type ChildInstance } from '../server/test/signalling/support/child-instance.ts';
import { startRedis, type RedisServer } from '../server/test/support/redis-server.ts';
import { createPeerId, mintPeerToken } from '../server/src/signalling/peer-token.ts';
import { inBatches } from './support/api-client.ts';
import { QUICK, round, sleep, summary, within, writeResult } from './support/results.ts';

const PEERS = Number(process.env.PEERS ?? (QUICK ? 500 : 10_000));
const PEERS_PER_CASE = 8;
const SAMPLES = QUICK ? 100 : 1_000;
const HOLD_MS = QUICK ? 1_000 : 10_000;
const HEARTBEAT_MS = 5_000;
/** Sockets being opened at once, as many browsers arriving together would. */
const CONNECTING = 100;
const MB = 1024 * 1024;
const SECRET = randomBytes(32);
/**
 * Each socket's relay allowance, raised so that the measured sender (about 1.2 kB per message with the
 * fixed charge, back to back) is never cut off: the default 128 KiB/s allows ~430 such messages at once.
 */
const BYTES_PER_SECOND = 1024 * 1024;

function rssBytes(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

function mint(caseId: string): { peerId: string; token: string; key: string } {
  const peerId = createPeerId();
  const token = mintPeerToken(SECRET, { peerId, caseId, role: 'assessor' }, Date.now() + 3_600_000);
  return { peerId, token, key: 'peerjs' };
}

async function open(instance: ChildInstance, caseId: string): Promise<PeerSocket> {
  const credential = mint(caseId);
  const attempt = await attemptPeer(instance.base, credentialQuery(credential), credential.peerId, 30_000);
  if (attempt.kind !== 'open') throw new Error(`peer did not open: ${JSON.stringify(attempt)}`);
  return attempt.peer;
}

/** One-way latency of `samples` OFFERs from `from` to `to`, one at a time: send → arrival, same clock. */
async function latency(from: PeerSocket, to: PeerSocket, samples: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const arrived = new Promise<number>((resolve) => to.ws.once('message', () => resolve(performance.now())));
    const sentAt = performance.now();
    from.send({ type: 'OFFER', dst: to.id, payload: { sdp: { type: 'offer', sdp: `v=0 ${i}` }, type: 'media', connectionId: `mc_${i}` } });
    out.push((await within(5_000, 'a signalling message', arrived)) - sentAt);
  }
  return out;
}

async function main(): Promise<void> {
  let redis: RedisServer | undefined;
  const instances: ChildInstance[] = [];
  const peers: PeerSocket[] = [];
  let heartbeat: NodeJS.Timeout | undefined;
  try {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, SIGNALLING_SECRET: SECRET.toString('hex'), MAX_PEERS: String(PEERS + 1_000), MAX_PEERS_PER_CASE: String(PEERS_PER_CASE), SIGNALLING_BYTES_PER_SECOND: String(BYTES_PER_SECOND) };
    instances.push(await startChildInstance(env), await startChildInstance(env));
    const [a, b] = instances as [ChildInstance, ChildInstance];
    // A first round, so the measured peers meet warm code paths.
    await inBatches([...Array(4 * PEERS_PER_CASE).keys()], CONNECTING, async (i) => {
      const peer = await open(instances[i % 2]!, `warm-${Math.floor(i / PEERS_PER_CASE)}`);
      await peer.close();
    });
    await sleep(1_000);
    const baseline = instances.map((instance) => rssBytes(instance.process.pid!));

    heartbeat = setInterval(() => {
      for (const peer of peers) if (peer.ws.readyState === WebSocket.OPEN) peer.send({ type: 'HEARTBEAT' });
    }, HEARTBEAT_MS);
    const connectMs: number[] = [];
    let start = performance.now();
    await inBatches([...Array(PEERS).keys()], CONNECTING, async (i) => {
      const t = performance.now();
      peers.push(await open(instances[i % 2]!, `case-${Math.floor(i / PEERS_PER_CASE)}`));
      connectMs.push(performance.now() - t);
    });
    const connectSeconds = (performance.now() - start) / 1000;
    await sleep(HOLD_MS);
    const held = instances.map((instance) => rssBytes(instance.process.pid!));
    const admin = new Redis(redis.url);
    const registered = await admin.zcard('sightline:signalling:peers');
    const redisMemory = Number(/used_memory:(\d+)/.exec(await admin.info('memory'))?.[1] ?? Number.NaN);
    admin.disconnect();

    // The measured pair: one sender on A, a receiver on A and one on B, in a case of their own.
    const sender = await open(a, 'latency');
    const sameInstance = await open(a, 'latency');
    const otherInstance = await open(b, 'latency');
    await latency(sender, otherInstance, 20);
    await latency(sender, sameInstance, 20);
    const same: number[] = [];
    const cross: number[] = [];
    start = performance.now();
    // Interleaved in rounds, so that both see the same background.
    for (let round = 0; round < 10; round++) {
      same.push(...await latency(sender, sameInstance, SAMPLES / 10));
      cross.push(...await latency(sender, otherInstance, SAMPLES / 10));
    }
    const latencySeconds = (performance.now() - start) / 1000;
    const sameMs = summary(same, [50, 99]);
    const crossMs = summary(cross, [50, 99]);
    const openAtEnd = peers.filter((p) => p.ws.readyState === WebSocket.OPEN).length;
    const perInstance = [Math.ceil(PEERS / 2), Math.floor(PEERS / 2)];

    writeResult('signalling-cluster', {
      benchmark: 'signalling-cluster',
      machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg().map((n) => round(n, 2)) },
      setup: {
        instances: 2, peers: PEERS, peersPerCase: PEERS_PER_CASE, holdSeconds: HOLD_MS / 1000, connectingAtOnce: CONNECTING,
        registryTtlSeconds: 30, samples: SAMPLES, relayBytesPerSecond: BYTES_PER_SECOND,
      },
      connect: { seconds: round(connectSeconds), perSecond: round(PEERS / connectSeconds), ms: summary(connectMs, [50, 99]) },
      openAtEnd,
      registeredInRedis: registered,
      redisUsedMemoryMB: round(redisMemory / MB),
      instances: instances.map((instance, i) => ({
        peers: perInstance[i],
        rssBeforeMB: round(baseline[i]!.rss / MB),
        rssMB: round(held[i]!.rss / MB),
        rssPeakMB: round(held[i]!.peak / MB),
        kbPerPeer: round((held[i]!.rss - baseline[i]!.rss) / 1024 / perInstance[i]!),
      })),
      latency: {
        seconds: round(latencySeconds),
        sameInstanceMs: sameMs,
        crossInstanceMs: crossMs,
        ratioP50: round(crossMs.p50! / sameMs.p50!, 2),
        ratioP99: round(crossMs.p99! / sameMs.p99!, 2),
      },
    });
  } finally {
    clearInterval(heartbeat);
    for (const peer of peers) peer.ws.terminate();
    for (const instance of instances) await instance.kill();
    await redis?.stop();
  }
}

await main();
