// Signalling abuse against the whole server (credentials from the real API, sockets on the real
// listener): random or borrowed registrations are refused at the upgrade and leave no trace; a flood of
// valid sockets for one case stops at the per-case cap while the API keeps answering; messages never
// cross cases; the sender's claimed `src` is replaced by its real id; an oversized frame costs only its
// own socket; a socket sending past its relay rate is closed; a re-issued join link cuts off the old
// link's sockets and credentials at once.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startHarness, type Client, type Harness } from '../http/harness.ts';
import { attemptPeer, closeOf, credentialQuery, openPeer, sleep, writeRawText, type PeerCredentialLike, type PeerSocket } from './peer-socket.ts';

const SEED = Number(process.env.FAULTS_SEED ?? Date.now() % 1_000_000);
const MAX_PEERS_PER_CASE = 8;
/** Generous, for a loaded machine: the waits are for progress, not a time limit. */
const WAIT = { timeout: 10_000 };

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

const consent = (token: string) => h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true } });
async function newCase(title: string): Promise<TestCase> {
  const created = (await admin.json('/api/cases', { method: 'POST', json: { title } })).body;
  await consent(created.token);
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
const caseView = async (c: TestCase): Promise<{ presence: string; customerPeerId: string | null }> => (await admin.json(`/api/cases/${c.id}`)).body.case;
const presence = async (c: TestCase): Promise<string> => (await caseView(c)).presence;

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

describe('relay rate', () => {
  it('lets a call set-up burst through, and closes a socket flooding past its rate (big or empty messages) with 1008 and the reason', async () => {
    const c = await newCase('Rate-limited case');
    const [reader, flooder, chatterer, assessor] = await Promise.all([
      customerCredential(c).then(open), customerCredential(c).then(open), customerCredential(c).then(open), assessorCredential(c).then(open),
    ]);
    if (!reader || !flooder || !chatterer || !assessor) throw new Error('not connected');
    // What a browser sends to set up a call with a data channel: two offers and a few dozen candidates.
    const setUp = [
      ...['media', 'data'].map((type) => ({ type: 'OFFER', dst: reader.id, payload: { type, sdp: 'v'.repeat(12_000) } })),
      ...Array.from({ length: 60 }, (_, i) => ({ type: 'CANDIDATE', dst: reader.id, payload: { candidate: `candidate:${i} ${'c'.repeat(250)}` } })),
    ];
    for (const message of setUp) assessor.send(message);
    await expect.poll(() => reader.messages.length, WAIT).toBe(1 + setUp.length);

    const floodClosed = closeOf(flooder);
    const blob = 'x'.repeat(60 * 1024);
    for (let i = 0; i < 100; i++) flooder.send({ type: 'CANDIDATE', dst: reader.id, payload: { candidate: blob } });
    expect(await floodClosed).toEqual({ code: 1008, reason: 'signalling rate limit exceeded' });

    const chatterClosed = closeOf(chatterer);
    for (let i = 0; i < 3_000; i++) chatterer.send({ type: 'HEARTBEAT' });
    expect(await chatterClosed).toEqual({ code: 1008, reason: 'signalling rate limit exceeded' });

    // Whatever of the flood got through has reached the reader once the assessor's next message has.
    assessor.send({ type: 'CANDIDATE', dst: reader.id, payload: { candidate: 'marker' } });
    await expect.poll(() => reader.messages.at(-1)?.payload, WAIT).toEqual({ candidate: 'marker' });
    const flooded = reader.messages.filter((m) => (m.payload as { candidate?: string } | undefined)?.candidate === blob).length;
    console.log(`signalling rate: ${flooded} of 100 flooded 60 KiB messages relayed before the flooder was closed`);
    expect(flooded).toBeLessThan(20);
    expect(reader.ws.readyState).toBe(reader.ws.OPEN);
    expect(assessor.ws.readyState).toBe(assessor.ws.OPEN);
  });
});

describe('join link re-issue', () => {
  it("cuts off the old link at once: its socket closes, a credential minted under it is refused, its OFFERs stop, and the console no longer names it", async () => {
    const c = await newCase('Re-issued case');
    const assessor = await open(await assessorCredential(c));
    const oldHolder = await open(await customerCredential(c));
    const mintedBefore = await customerCredential(c);
    oldHolder.send({ type: 'OFFER', dst: assessor.id, payload: { sdp: 'before' } });
    await expect.poll(() => assessor.messages.length, WAIT).toBe(2);
    expect(await caseView(c)).toMatchObject({ presence: 'waiting', customerPeerId: oldHolder.id });

    const oldClosed = closeOf(oldHolder);
    const reissued = await admin.json(`/api/cases/${c.id}/join-link`, { method: 'POST' });
    expect(reissued.status).toBe(201);
    // Already in the re-issue's own answer and the next read, not some time later.
    expect(reissued.body.case).toMatchObject({ presence: 'offline', customerPeerId: null });
    expect(await caseView(c)).toMatchObject({ presence: 'offline', customerPeerId: null });

    // The old holder keeps offering, writing frames straight onto its TCP socket as a client that
    // ignores the close handshake would; and tries the credential it minted before the re-issue.
    for (const sdp of ['after-1', 'after-2']) writeRawText(oldHolder, JSON.stringify({ type: 'OFFER', dst: assessor.id, payload: { sdp } }));
    expect(await oldClosed).toEqual({ code: 1008, reason: 'peer credential revoked' });
    expect(await attemptPeer(h.base, credentialQuery(mintedBefore), mintedBefore.peerId)).toEqual({ kind: 'refused', status: 401 });
    expect((await h.client().json('/api/join/peer', { method: 'POST', headers: bearer(c.token) })).status).toBe(401);

    // The new link's customer gets through and is the one the console names.
    await consent(reissued.body.token);
    const newcomer = await open(await customerCredential({ id: c.id, token: reissued.body.token }));
    newcomer.send({ type: 'OFFER', dst: assessor.id, payload: { sdp: 'new link' } });
    await expect.poll(() => assessor.messages.length, WAIT).toBe(3);
    expect(assessor.messages.map((m) => (m.payload as { sdp?: string } | undefined)?.sdp)).toEqual([undefined, 'before', 'new link']);
    expect(assessor.messages[2]?.src).toBe(newcomer.id);
    expect(await caseView(c)).toMatchObject({ presence: 'waiting', customerPeerId: newcomer.id });
    expect(await ledgerTypes(c)).toEqual(expect.arrayContaining(['joinlink.issued', 'customer.left']));
  });
});
