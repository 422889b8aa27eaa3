// Signalling as several instances sharing one redis-server (started here) and one secret: each instance
// a real http server on 127.0.0.1 with its own Redis connections, peers real `ws` sockets speaking the
// PeerJS server protocol; one instance also as a child process, to be killed.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import express from 'express';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createRedisDirectory } from '../../src/signalling/redis-directory.ts';
import { createSignalling, type PeerGrant, type Signalling, type SignallingOptions } from '../../src/signalling/signalling.ts';
import { attemptPeer, closeOf, credentialQuery, openPeer, sleep, tcpOf, type PeerSocket } from '../faults/peer-socket.ts';
import { redisMissing, startRedis, type RedisServer } from '../support/redis-server.ts';
import { startChildInstance } from './support/child-instance.ts';

const SECRET = Buffer.alloc(32, 7);
/** Short, so that expiry shows within a test; production's is 30 s. */
const TTL_MS = 1_500;
const silentLog = { info: () => undefined, warn: () => undefined };

interface Instance {
  prefix: string;
  signalling: Signalling;
  base: string;
  presence: Array<{ grant: PeerGrant; online: boolean }>;
  close(): Promise<void>;
}

let redis: RedisServer;
let admin: Redis;
const cleanups: Array<() => Promise<void>> = [];
let prefixes = 0;

beforeAll(async () => {
  if (redisMissing()) return;
  redis = await startRedis();
  admin = new Redis(redis.url);
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  admin?.disconnect();
  await redis?.stop();
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

/** A cluster: instances on one Redis under a prefix of its own, so tests never see each other's peers. */
function cluster(): { prefix: string; start(overrides?: Partial<SignallingOptions>): Promise<Instance> } {
  const prefix = `test-${++prefixes}:`;
  return {
    prefix,
    async start(overrides = {}) {
      const app = express();
      const server: Server = createServer(app);
      const presence: Instance['presence'] = [];
      const signalling = createSignalling({
        secret: SECRET,
        servers: [server],
        mountPath: '/peerjs',
        tokenTtlMs: 120_000,
        maxPeersPerCase: 8,
        maxPeers: 100,
        relayRate: { bytesPerSecond: 128 * 1024, burstBytes: 512 * 1024 },
        onPresence: (event) => presence.push(event),
        log: silentLog,
        directory: await createRedisDirectory({ url: redis.url, log: pino({ level: 'silent' }), ttlMs: TTL_MS, prefix }),
        ...overrides,
      });
      app.use('/peerjs', signalling.handler);
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      let closed: Promise<void> | undefined;
      const close = (): Promise<void> => (closed ??= (async () => {
        await signalling.close();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      })());
      cleanups.push(close);
      return { prefix, signalling, base: `http://127.0.0.1:${address.port}`, presence, close };
    },
  };
}

async function connect(instance: Instance, caseId: string, role: 'customer' | 'assessor' | 'participant' = 'assessor', joinTokenId?: string): Promise<PeerSocket> {
  const peer = await openPeer(instance.base, instance.signalling.mint(caseId, role, joinTokenId));
  cleanups.push(async () => void peer.ws.terminate());
  return peer;
}

const ids = (grants: PeerGrant[]): string[] => grants.map((grant) => grant.peerId).sort();

describe.skipIf(redisMissing() !== undefined)(`signalling across instances (${redisMissing() ?? 'redis-server'})`, () => {
  it('relays messages from a peer on one instance to a peer on another, in order, with the real sender as src', async () => {
    const { start } = cluster();
    const [a, b] = [await start(), await start()];
    const onA = await connect(a, 'case-1', 'customer');
    const onB = await connect(b, 'case-1', 'assessor');
    const offer = { sdp: { type: 'offer', sdp: 'v=0' }, type: 'media', connectionId: 'mc_1' };

    onA.send({ type: 'OFFER', src: 'forged', dst: onB.id, payload: offer });
    for (let i = 0; i < 5; i++) onA.send({ type: 'CANDIDATE', dst: onB.id, payload: { candidate: `c${i}` } });
    await until(() => onB.messages.length === 7);
    expect(onB.messages[1]).toEqual({ type: 'OFFER', src: onA.id, dst: onB.id, payload: offer });
    expect(onB.messages.slice(2).map((m) => (m.payload as { candidate: string }).candidate)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);

    onB.send({ type: 'ANSWER', dst: onA.id, payload: { sdp: 'v=0' } });
    await until(() => onA.messages.length === 2);
    expect(onA.messages[1]).toEqual({ type: 'ANSWER', src: onB.id, dst: onA.id, payload: { sdp: 'v=0' } });
    // Each instance reports only the peer whose socket it holds.
    expect(a.presence.map((e) => [e.grant.peerId, e.online])).toEqual([[onA.id, true]]);
    expect(b.presence.map((e) => [e.grant.peerId, e.online])).toEqual([[onB.id, true]]);
    expect(ids(await b.signalling.onlinePeers('case-1'))).toEqual([onA.id, onB.id].sort());
  });

  it('drops a message to a peer of another case, or to nobody, across instances as on one', async () => {
    const { start } = cluster();
    const [a, b] = [await start(), await start()];
    const x = await connect(a, 'case-x');
    const y = await connect(b, 'case-y');
    const yMate = await connect(a, 'case-y');

    x.send({ type: 'OFFER', dst: y.id, payload: { sdp: 'v=0' } });
    x.send({ type: 'LEAVE', dst: y.id });
    x.send({ type: 'OFFER', dst: 'f'.repeat(32), payload: { sdp: 'v=0' } });
    await sleep(300);
    expect(y.messages).toEqual([{ type: 'OPEN' }]);
    // No EXPIRE or LEAVE comes back for an unknown destination, as with one instance.
    expect(x.messages).toEqual([{ type: 'OPEN' }]);

    // The way to y works, so the silence above was the filter.
    yMate.send({ type: 'ANSWER', dst: y.id, payload: { sdp: 'v=0' } });
    await until(() => y.messages.length === 2);
    expect(y.messages[1]).toMatchObject({ type: 'ANSWER', src: yMate.id });
    expect(x.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('keeps a third participant to the assessor’s console across instances as on one', async () => {
    const { start } = cluster();
    const [a, b] = [await start(), await start()];
    const customer = await connect(a, 'case-1', 'customer');
    const participant = await connect(b, 'case-1', 'participant');
    const console_ = await connect(a, 'case-1');

    participant.send({ type: 'OFFER', dst: customer.id, payload: { sdp: 'v=0' } });
    customer.send({ type: 'OFFER', dst: participant.id, payload: { sdp: 'v=0' } });
    await sleep(300);
    expect(customer.messages).toEqual([{ type: 'OPEN' }]);
    expect(participant.messages).toEqual([{ type: 'OPEN' }]);

    console_.send({ type: 'OFFER', dst: participant.id, payload: { sdp: 'v=0' } });
    await until(() => participant.messages.length === 2);
    expect(participant.messages[1]).toMatchObject({ type: 'OFFER', src: console_.id });
    participant.send({ type: 'ANSWER', dst: console_.id, payload: { sdp: 'v=0' } });
    await until(() => console_.messages.length === 2);
    expect(console_.messages[1]).toMatchObject({ type: 'ANSWER', src: participant.id });
  });

  it('drops a peer on another instance that stops reading, under the same cap on what is queued for it', async () => {
    const { start } = cluster();
    // The rate limit out of the way: the cap on queued bytes is what must stop this flood.
    const relayRate = { bytesPerSecond: 1024 ** 3, burstBytes: 1024 ** 3 };
    const [a, b] = [await start({ relayRate }), await start({ relayRate })];
    const flooder = await connect(a, 'case-flood', 'customer');
    const reader = await connect(b, 'case-flood', 'customer');
    const assessor = await connect(b, 'case-flood');
    const readerClosed = closeOf(reader);
    tcpOf(reader).pause();
    const message = JSON.stringify({ type: 'CANDIDATE', dst: reader.id, payload: { candidate: 'x'.repeat(60 * 1024) } });
    let sent = 0;
    let markers = 0;
    while (!b.presence.some((e) => !e.online && e.grant.peerId === reader.id)) {
      if (sent > 128 * 1024 * 1024) throw new Error(`the reader was never dropped: ${sent} bytes sent to it`);
      for (let i = 0; i < 8; i++) flooder.ws.send(message);
      sent += 8 * message.length;
      // Relayed through the same channel after the batch: once it arrives, B has handled the batch.
      flooder.send({ type: 'CANDIDATE', dst: assessor.id, payload: { candidate: `marker ${++markers}` } });
      await until(() => assessor.messages.length === 1 + markers, 10_000);
    }
    tcpOf(reader).resume();
    expect((await readerClosed).code).toBe(1006);
    expect(flooder.ws.readyState).toBe(WebSocket.OPEN);
    expect(a.presence.map((e) => e.online)).toEqual([true]);
  });

  it('registers one socket per peer id across instances, and frees the id when it leaves', async () => {
    const { start } = cluster();
    const [a, b] = [await start(), await start()];
    const credential = a.signalling.mint('case-1', 'assessor');
    const held = await openPeer(a.base, credential);
    expect(await attemptPeer(b.base, credentialQuery(credential))).toEqual({ kind: 'refused', status: 409 });
    expect(await attemptPeer(a.base, credentialQuery(credential))).toEqual({ kind: 'refused', status: 409 });

    await held.close();
    await until(() => a.presence.length === 2);
    const again = await attemptPeer(b.base, credentialQuery(credential));
    expect(again.kind).toBe('open');
    if (again.kind === 'open') await again.peer.close();
  });

  it('counts the per-case and server-wide limits over every instance', async () => {
    const { start } = cluster();
    const limits = { maxPeersPerCase: 2, maxPeers: 3 };
    const [a, b] = [await start(limits), await start(limits)];
    const first = await connect(a, 'case-full', 'customer');
    await connect(b, 'case-full');
    const third = a.signalling.mint('case-full', 'assessor');
    for (const instance of [a, b]) expect(await attemptPeer(instance.base, credentialQuery(third))).toEqual({ kind: 'refused', status: 429 });

    await connect(b, 'case-other');
    const fourth = b.signalling.mint('case-more', 'customer');
    for (const instance of [a, b]) expect(await attemptPeer(instance.base, credentialQuery(fourth))).toEqual({ kind: 'refused', status: 429 });

    await first.close();
    await until(async () => (await b.signalling.onlinePeers('case-full')).length === 1);
    expect((await attemptPeer(b.base, credentialQuery(third))).kind).toBe('open');
  });

  it('admits exactly the limit when instances race for the last places of a case', async () => {
    const { start } = cluster();
    const limits = { maxPeersPerCase: 3, maxPeers: 100 };
    const [a, b] = [await start(limits), await start(limits)];
    const attempts = await Promise.all(Array.from({ length: 12 }, (_, i) => {
      const instance = i % 2 === 0 ? a : b;
      return attemptPeer(instance.base, credentialQuery(instance.signalling.mint('case-race', 'assessor')));
    }));
    for (const attempt of attempts) if (attempt.kind === 'open') cleanups.push(async () => void attempt.peer.ws.terminate());
    expect(attempts.filter((attempt) => attempt.kind === 'open')).toHaveLength(3);
    expect(attempts.filter((attempt) => attempt.kind === 'refused' && attempt.status === 429)).toHaveLength(9);
  });

  it('dropRevoked on one instance cuts off a peer held by another, which reports it offline once', async () => {
    const { start } = cluster();
    const revoked = new Set<string>();
    const grantStands = async (grant: PeerGrant): Promise<boolean> => grant.joinTokenId === undefined || !revoked.has(grant.joinTokenId);
    const [a, b] = [await start({ grantStands }), await start({ grantStands })];
    const customer = await connect(a, 'case-r', 'customer', 'jt_old');
    const assessor = await connect(b, 'case-r', 'assessor');
    const closed = closeOf(customer);

    revoked.add('jt_old');
    await b.signalling.dropRevoked('case-r');
    expect(ids(await b.signalling.onlinePeers('case-r'))).toEqual([assessor.id]);
    expect(ids(await a.signalling.onlinePeers('case-r'))).toEqual([assessor.id]);
    expect(a.presence.filter((e) => !e.online).map((e) => e.grant)).toEqual([
      { peerId: customer.id, caseId: 'case-r', role: 'customer', joinTokenId: 'jt_old' },
    ]);
    expect(b.presence.filter((e) => !e.online)).toEqual([]);
    expect(await closed).toEqual({ code: 1008, reason: 'peer credential revoked' });
    await sleep(100);
    expect([...a.presence, ...b.presence].filter((e) => !e.online)).toHaveLength(1);
  });

  it('takes a peer of an instance that does not answer a revocation out of the directory, and reports it offline from there, once', async () => {
    const { start, prefix } = cluster();
    const revoked = new Set<string>();
    const b = await start({ grantStands: async (grant) => grant.joinTokenId === undefined || !revoked.has(grant.joinTokenId) });
    const a = await startChildInstance({
      REDIS_URL: redis.url, SIGNALLING_SECRET: SECRET.toString('hex'), REGISTRY_TTL_MS: String(TTL_MS), REGISTRY_PREFIX: prefix,
    });
    cleanups.push(() => a.kill());
    const customer = await openPeer(a.base, b.signalling.mint('case-mute', 'customer', 'jt'));
    const closed = closeOf(customer);
    await until(() => a.presence.length === 1);

    // A stops (SIGSTOP): it neither answers nor refreshes.
    a.process.kill('SIGSTOP');
    revoked.add('jt');
    const started = Date.now();
    await b.signalling.dropRevoked('case-mute');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(await b.signalling.onlinePeers('case-mute')).toEqual([]);
    expect(b.presence.filter((e) => !e.online).map((e) => e.grant.peerId)).toEqual([customer.id]);

    // A comes back: it gets the late revocation, or finds the registration gone at its next refresh, and
    // closes the socket without reporting the peer offline a second time.
    a.process.kill('SIGCONT');
    expect([1001, 1008]).toContain((await closed).code);
    await sleep(TTL_MS / 3 + 200);
    expect(a.presence.map((e) => e.online)).toEqual([true]);
    expect(b.presence.filter((e) => !e.online)).toHaveLength(1);
  });

  it('keeps the registrations of a live instance past the TTL by refreshing them', async () => {
    const { start } = cluster();
    const [a, b] = [await start(), await start()];
    const peer = await connect(a, 'case-live');
    await sleep(2 * TTL_MS + 200);
    expect(ids(await b.signalling.onlinePeers('case-live'))).toEqual([peer.id]);
    expect([...a.presence, ...b.presence].map((e) => e.online)).toEqual([true]);
    expect(peer.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('ignores a malformed message on its channel and goes on relaying', async () => {
    const { start } = cluster();
    const a = await start();
    const directory = await createRedisDirectory({ url: redis.url, log: pino({ level: 'silent' }), ttlMs: TTL_MS, prefix: a.prefix, instanceId: 'instance-b' });
    const b = await start({ directory });
    const onA = await connect(a, 'case-m');
    const onB = await connect(b, 'case-m');
    for (const junk of ['not json', '{"kind":"signal","dst":"x"}', JSON.stringify({ kind: 'cut', peerId: onB.id })]) {
      await admin.publish(`${a.prefix}instance:instance-b`, junk);
    }
    onA.send({ type: 'OFFER', dst: onB.id, payload: { sdp: 'v=0' } });
    await until(() => onB.messages.length === 2);
    expect(onB.ws.readyState).toBe(WebSocket.OPEN);
  });

  it("closes a socket whose registration was lost, without reporting it again", async () => {
    const { start, prefix } = cluster();
    const a = await start();
    const peer = await connect(a, 'case-lost');
    const closed = closeOf(peer);
    // As if another instance had reaped it while A could not reach Redis.
    await admin.del(`${prefix}peer:${peer.id}`);
    expect(await closed).toEqual({ code: 1001, reason: 'registration expired' });
    expect(a.presence.map((e) => e.online)).toEqual([true]);
  });

  it('expires the peers of a SIGKILLed instance within the TTL, reports them offline once, and their clients come back through another', async () => {
    const { start, prefix } = cluster();
    const b = await start();
    const a = await startChildInstance({
      REDIS_URL: redis.url, SIGNALLING_SECRET: SECRET.toString('hex'), REGISTRY_TTL_MS: String(TTL_MS), REGISTRY_PREFIX: prefix,
    });
    cleanups.push(() => a.kill());
    const customer = await openPeer(a.base, b.signalling.mint('case-k', 'customer'));
    const assessor = await connect(b, 'case-k');
    customer.send({ type: 'OFFER', dst: assessor.id, payload: { sdp: 'v=0' } });
    await until(() => assessor.messages.length === 2);
    await until(() => a.presence.length === 1);
    expect(ids(await b.signalling.onlinePeers('case-k'))).toEqual([customer.id, assessor.id].sort());

    const killedAt = Date.now();
    await a.kill();
    expect(await closeOf(customer)).toMatchObject({ code: 1006 });
    // Still registered until its TTL runs out: nobody refreshes it any more.
    expect(ids(await b.signalling.onlinePeers('case-k'))).toContain(customer.id);
    await until(async () => (await b.signalling.onlinePeers('case-k')).length === 1, TTL_MS + 1_000);
    const goneAfter = Date.now() - killedAt;
    expect(goneAfter).toBeLessThanOrEqual(TTL_MS + 500);
    // B's reaper takes the entry out within a refresh period more, and reports it offline, once.
    await until(() => b.presence.some((e) => !e.online), TTL_MS);
    expect(b.presence.filter((e) => !e.online).map((e) => e.grant.peerId)).toEqual([customer.id]);
    expect(await admin.exists(`${prefix}peer:${customer.id}`)).toBe(0);

    // The customer's page registers again under a fresh credential; the load balancer sends it to B.
    const back = await connect(b, 'case-k', 'customer');
    back.send({ type: 'OFFER', dst: assessor.id, payload: { sdp: 'v=1' } });
    await until(() => assessor.messages.length === 3);
    expect(assessor.messages[2]).toMatchObject({ type: 'OFFER', src: back.id });
  });

  it('closes gracefully: peers leave the directory and presence before close() resolves', async () => {
    const { start, prefix } = cluster();
    const [a, b] = [await start(), await start()];
    const peer = await connect(a, 'case-c');
    await connect(b, 'case-c');
    await a.close();
    expect(a.presence.map((e) => e.online)).toEqual([true, false]);
    expect(peer.ws.readyState).toBe(WebSocket.CLOSED);
    expect((await b.signalling.onlinePeers('case-c')).map((g) => g.peerId)).not.toContain(peer.id);
    expect(await admin.exists(`${prefix}peer:${peer.id}`)).toBe(0);
  });
  it('refuses to start when Redis does not answer, saying which setting is wrong', async () => {
    await expect(createRedisDirectory({ url: 'redis://127.0.0.1:1', log: pino({ level: 'silent' }) })).rejects.toThrow(/SIGHTLINE_REDIS_URL/);
  });
});
