// Signalling abuse against the whole server (credentials from the real API, sockets on the real
// listener): random or borrowed registrations are refused at the upgrade and leave no trace; a flood of
// valid sockets for one case stops at the per-case cap while the API keeps answering; messages never
// cross cases; the sender's claimed `src` is replaced by its real id; an oversized frame costs only its
// own socket.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startHarness, type Client, type Harness } from '../http/harness.ts';
import { attemptPeer, credentialQuery, openPeer, sleep, type PeerCredentialLike, type PeerSocket } from './peer-socket.ts';

const SEED = Number(process.env.FAULTS_SEED ?? Date.now() % 1_000_000);
const MAX_PEERS_PER_CASE = 8;

let h: Harness;
let admin: Client;
const opened: PeerSocket[] = [];

interface TestCase { id: string; token: string }

beforeAll(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
});
afterAll(async () => {
  await Promise.all(opened.map((p) => p.close()));
  await h.close();
});

async function newCase(title: string): Promise<TestCase> {
  const created = (await admin.json('/api/cases', { method: 'POST', json: { title } })).body;
  await h.client().json('/api/join/consent', { method: 'POST', headers: bearer(created.token), json: { recording: true } });
  return { id: created.case.id, token: created.token };
}
const customerCredential = async (c: TestCase): Promise<PeerCredentialLike> =>
  (await h.client().json('/api/join/peer', { method: 'POST', headers: bearer(c.token) })).body;
const assessorCredential = async (c: TestCase): Promise<PeerCredentialLike> => (await admin.json(`/api/cases/${c.id}/peer`, { method: 'POST' })).body;
const open = async (credential: PeerCredentialLike): Promise<PeerSocket> => {
  const peer = await openPeer(h.base, credential);
  opened.push(peer);
  return peer;
};
const ledgerTypes = async (c: TestCase): Promise<string[]> => (await admin.json(`/api/cases/${c.id}/ledger`)).body.entries.map((e: { type: string }) => e.type);
const presence = async (c: TestCase): Promise<string> => (await admin.json(`/api/cases/${c.id}`)).body.case.presence;

describe('registration', () => {
  it('refuses random, unsigned and borrowed peer registrations at the upgrade, leaving no trace', async () => {
    const target = await newCase('Target of registrations');
    const other = await newCase('Another case');
    const mine = await customerCredential(target);
    const theirs = await assessorCredential(other);
    const before = await ledgerTypes(target);
    const hex = fc.stringMatching(/^[0-9a-f]{32}$/);
    const tokenLike = fc.tuple(fc.base64String({ maxLength: 40 }), fc.constantFrom('customer', 'assessor', 'admin'), fc.nat().map(String), fc.base64String({ maxLength: 60 }))
      .map((parts) => parts.join('.'));
    const queries = fc.oneof(
      fc.tuple(fc.oneof(hex, fc.string({ maxLength: 64 }))).map(([id]) => ({ query: `key=peerjs&id=${encodeURIComponent(id)}`, status: 401 })),
      fc.tuple(hex, fc.oneof(tokenLike, fc.string({ maxLength: 200 }))).map(([id, token]) => ({ query: credentialQuery({ peerId: id, token, key: 'peerjs' }), status: 401 })),
      // A real token, minted for another id: a random one, the other case's peer, or the reverse.
      hex.map((id) => ({ query: credentialQuery(mine, id), status: 401 })),
      fc.constant({ query: credentialQuery(mine, theirs.peerId), status: 401 }),
      fc.constant({ query: credentialQuery(theirs, mine.peerId), status: 401 }),
      fc.constant({ query: `${credentialQuery(theirs)}&id=${mine.peerId}`, status: 401 }),
      fc.string({ minLength: 1, maxLength: 20 }).filter((k) => k !== 'peerjs').map((key) => ({ query: credentialQuery({ ...mine, key }), status: 400 })),
    );
    let tried = 0;
    await fc.assert(fc.asyncProperty(queries, async ({ query, status }) => {
      tried += 1;
      expect(await attemptPeer(h.base, query), query).toEqual({ kind: 'refused', status });
    }), { numRuns: 80, seed: SEED });
    console.log(`signalling: ${tried} refused registrations (seed ${SEED})`);
    expect(await ledgerTypes(target)).toEqual(before);
    expect(await presence(target)).toBe('offline');
    // The real credential still works: the refusals were about the requests, not a broken server.
    const peer = await open(mine);
    expect(peer.messages).toEqual([{ type: 'OPEN' }]);
    await peer.close();
  });
});

describe('floods', () => {
  it(`holds the per-case cap of ${MAX_PEERS_PER_CASE} under 50 rapid valid sockets, and the API keeps answering`, async () => {
    const flooded = await newCase('Flooded case');
    const credentials = await Promise.all(Array.from({ length: 50 }, () => assessorCredential(flooded)));
    const healthMs: number[] = [];
    const health = (async () => {
      for (let i = 0; i < 20; i++) {
        const start = performance.now();
        expect((await fetch(`${h.base}/api/health`, { signal: AbortSignal.timeout(5_000) })).status).toBe(200);
        healthMs.push(performance.now() - start);
      }
    })();
    const attempts = await Promise.all(credentials.map((c) => attemptPeer(h.base, credentialQuery(c), c.peerId)));
    await health;
    const peers = attempts.flatMap((a) => (a.kind === 'open' ? [a.peer] : []));
    opened.push(...peers);
    expect(peers).toHaveLength(MAX_PEERS_PER_CASE);
    expect(attempts.filter((a) => a.kind !== 'open')).toEqual(Array(50 - MAX_PEERS_PER_CASE).fill({ kind: 'refused', status: 429 }));
    console.log(`signalling flood: ${peers.length} open, ${50 - peers.length} refused; /api/health max ${Math.round(Math.max(...healthMs))} ms`);
    expect(Math.max(...healthMs)).toBeLessThan(2_000);

    // A refused one gets in once someone leaves.
    const late = credentials.find((c) => !peers.some((p) => p.id === c.peerId))!;
    await peers[0]!.close();
    await expect.poll(async () => (await attemptPeer(h.base, credentialQuery(late), late.peerId)).kind, { timeout: 5_000 }).toBe('open');
  });

  it('refuses a flood of 300 unauthenticated sockets without disturbing a connected peer', async () => {
    const calm = await newCase('Calm case');
    const customer = await open(await customerCredential(calm));
    const assessor = await open(await assessorCredential(calm));
    const attempts = await Promise.all(Array.from({ length: 300 }, (_, i) => attemptPeer(h.base, `key=peerjs&id=${i.toString(16).padStart(32, '0')}&token=x.customer.1.y`)));
    expect(attempts.every((a) => a.kind === 'refused' && a.status === 401)).toBe(true);
    assessor.send({ type: 'OFFER', dst: customer.id, payload: { sdp: 'v=0' } });
    await expect.poll(() => customer.messages.length).toBe(2);
    expect((await fetch(`${h.base}/api/health`)).status).toBe(200);
  });
});

describe('messages', () => {
  it('never cross into another case, arrive with the real src whatever src is claimed, and an oversized frame closes only its sender', async () => {
    const a = await newCase('Case A');
    const b = await newCase('Case B');
    const [customerA, assessorA, customerB, assessorB] = await Promise.all([
      customerCredential(a).then(open), assessorCredential(a).then(open), customerCredential(b).then(open), assessorCredential(b).then(open),
    ]);
    if (!customerA || !assessorA || !customerB || !assessorB) throw new Error('not connected');

    for (const type of ['OFFER', 'ANSWER', 'CANDIDATE', 'LEAVE']) {
      customerA.send({ type, dst: customerB.id, payload: { sdp: 'v=0', candidate: 'c' } });
      customerA.send({ type, dst: assessorB.id, src: assessorA.id, payload: { sdp: 'v=0' } });
    }
    customerA.ws.send(Buffer.from([1, 2, 3]), { binary: true });

    // Spoofed src: the other case's assessor, the own case's assessor, a random id — all arrive as customerA.
    for (const src of [assessorB.id, assessorA.id, 'f'.repeat(32)]) customerA.send({ type: 'CANDIDATE', src, dst: assessorA.id, payload: { candidate: src } });
    await expect.poll(() => assessorA.messages.length).toBe(4);
    expect(assessorA.messages.slice(1).map((m) => m.src)).toEqual([customerA.id, customerA.id, customerA.id]);

    // The channel into case B works, so the silence there was the filter's doing.
    assessorB.send({ type: 'OFFER', dst: customerB.id, payload: { sdp: 'v=0' } });
    await expect.poll(() => customerB.messages.length).toBe(2);
    await sleep(200);
    expect(customerB.messages).toEqual([{ type: 'OPEN' }, { type: 'OFFER', src: assessorB.id, dst: customerB.id, payload: { sdp: 'v=0' } }]);
    expect(assessorB.messages).toEqual([{ type: 'OPEN' }]);

    const closed = new Promise<number>((resolve) => customerA.ws.once('close', (code) => resolve(code)));
    customerA.send({ type: 'CANDIDATE', dst: assessorA.id, payload: { candidate: 'x'.repeat(70 * 1024) } });
    expect(await closed).toBe(1009);
    assessorB.send({ type: 'CANDIDATE', dst: customerB.id, payload: { candidate: 'after' } });
    await expect.poll(() => customerB.messages.length).toBe(3);
    expect(assessorA.ws.readyState).toBe(assessorA.ws.OPEN);
    await expect.poll(() => presence(a)).toBe('offline');
  });
});
