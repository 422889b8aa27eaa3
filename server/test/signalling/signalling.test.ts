// The signalling server on real http servers (127.0.0.1, ephemeral ports), mounted in an Express 5 app,
// with `ws` clients speaking the PeerJS server protocol.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createSignalling, type PeerGrant, type Signalling, type SignallingOptions } from '../../src/signalling/signalling.ts';

interface Stack {
  signalling: Signalling;
  servers: Server[];
  ports: number[];
  presence: Array<{ grant: PeerGrant; online: boolean }>;
  clock: { now: number };
}
interface Client {
  ws: WebSocket;
  id: string;
  messages: Array<Record<string, unknown>>;
}
type Attempt = { kind: 'open'; client: Client } | { kind: 'refused'; status: number };
type Credential = ReturnType<Signalling['mint']>;

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const silentLog = { info: () => undefined, warn: () => undefined };
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function startStack(overrides: Partial<SignallingOptions> = {}, serverCount = 1): Promise<Stack> {
  const app = express();
  app.disable('x-powered-by');
  const servers = Array.from({ length: serverCount }, () => createServer(app));
  const clock = { now: 1_700_000_000_000 };
  const presence: Stack['presence'] = [];
  const signalling = createSignalling({
    secret: Buffer.alloc(32, 42),
    servers,
    mountPath: '/peerjs',
    tokenTtlMs: 120_000,
    maxPeersPerCase: 8,
    maxPeers: 100,
    relayRate: { bytesPerSecond: 128 * 1024, burstBytes: 512 * 1024 },
    onPresence: (event) => presence.push(event),
    log: silentLog,
    clock: () => clock.now,
    ...overrides,
  });
  app.use('/peerjs', signalling.handler);
  app.get('/after', (req, res) => void res.json({ x: req.query.x }));
  app.use((req, res) => void res.status(404).json({ error: 'not found', query: req.query }));
  const ports = await Promise.all(servers.map(listen));
  cleanups.push(async () => {
    await signalling.close();
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
  return { signalling, servers, ports, presence, clock };
}

function socketUrl(port: number, query: string): string {
  return `ws://127.0.0.1:${port}/peerjs/peerjs?${query}`;
}

function credentialQuery(credential: Credential, id = credential.peerId): string {
  return `key=${credential.key}&id=${id}&token=${credential.token}&version=1.5.5`;
}

function attempt(url: string, id = ''): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const client: Client = { ws, id, messages: [] };
    ws.on('message', (data) => {
      const message: unknown = JSON.parse(String(data));
      if (typeof message !== 'object' || message === null) throw new Error('not a message');
      client.messages.push({ ...message });
      if ('type' in message && message.type === 'OPEN') resolve({ kind: 'open', client });
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve({ kind: 'refused', status: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.on('error', reject);
    ws.on('close', () => reject(new Error('closed before OPEN')));
    cleanups.push(async () => void ws.terminate());
  });
}

async function connect(port: number, credential: Credential): Promise<Client> {
  const outcome = await attempt(socketUrl(port, credentialQuery(credential)), credential.peerId);
  if (outcome.kind !== 'open') throw new Error(`refused with ${outcome.status}`);
  return outcome.client;
}

function send(client: Client, message: object): void {
  client.ws.send(JSON.stringify(message));
}

describe('signalling mounted in an Express 5 app', () => {
  it("answers peer's HTTP routes under the mount path and hands other paths back to the app", async () => {
    const { ports: [port] } = await startStack();
    const base = `http://127.0.0.1:${port}`;

    const info = await fetch(`${base}/peerjs/`, { headers: { origin: 'https://elsewhere.example' } });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ name: 'PeerJS Server' });
    expect(info.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(`${base}/peerjs/peerjs/id`)).status).toBe(200);
    expect((await fetch(`${base}/peerjs/peerjs/peers`)).status).toBe(401);

    // `peer`'s own Express 4 would add it if it were left enabled.
    expect(info.headers.get('x-powered-by')).toBeNull();
    // Express 5's req.query getter and res.json work again once `peer` has passed the request on.
    const fallthrough = await fetch(`${base}/peerjs/nothing/here?x=1`);
    expect(fallthrough.status).toBe(404);
    expect(await fallthrough.json()).toEqual({ error: 'not found', query: { x: '1' } });
    expect(await (await fetch(`${base}/after?x=2`)).json()).toEqual({ x: '2' });
  });
});

describe('peer sockets', () => {
  it('open with a minted token, report presence online then offline', async () => {
    const { signalling, ports: [port = 0], presence } = await startStack();
    const credential = signalling.mint('case-1', 'customer');
    expect(credential).toMatchObject({ key: 'peerjs', path: '/peerjs' });
    expect(credential.peerId).toMatch(/^[0-9a-f]{32}$/);
    const grant = { peerId: credential.peerId, caseId: 'case-1', role: 'customer' };

    const client = await connect(port, credential);
    expect(client.messages).toEqual([{ type: 'OPEN' }]);
    expect(presence).toEqual([{ grant, online: true }]);
    expect(await signalling.onlinePeers('case-1')).toEqual([grant]);

    client.ws.close();
    await until(() => presence.length === 2);
    expect(presence[1]).toEqual({ grant, online: false });
    expect(await signalling.onlinePeers('case-1')).toEqual([]);
  });

  it('are refused without a valid, unexpired token for their own id, and never reach peer', async () => {
    const { signalling, ports: [port = 0], presence, clock } = await startStack();
    const credential = signalling.mint('case-1', 'customer');
    const other = signalling.mint('case-1', 'customer');
    const [caseField, role, expiry] = credential.token.split('.');
    const forged = [caseField, role, expiry, other.token.split('.')[3]].join('.');
    const refusals: Array<[string, number]> = [
      [`key=peerjs&id=${credential.peerId}`, 401],
      [`key=peerjs&id=${credential.peerId}&token=`, 401],
      [`key=peerjs&id=${credential.peerId}&token=${forged}`, 401],
      [credentialQuery(credential, other.peerId), 401],
      [`${credentialQuery(other)}&id=${credential.peerId}`, 401],
      [credentialQuery(credential).replace('key=peerjs', 'key=other'), 400],
    ];
    for (const [query, status] of refusals) {
      expect(await attempt(socketUrl(port, query)), query).toEqual({ kind: 'refused', status });
    }
    clock.now += 120_000;
    expect(await attempt(socketUrl(port, credentialQuery(credential)))).toEqual({ kind: 'refused', status: 401 });
    expect(presence).toEqual([]);
    expect(await signalling.onlinePeers('case-1')).toEqual([]);
  });

  it('are refused while their id is already online', async () => {
    const { signalling, ports: [port = 0] } = await startStack();
    const credential = signalling.mint('case-1', 'assessor');
    await connect(port, credential);
    expect(await attempt(socketUrl(port, credentialQuery(credential)))).toEqual({ kind: 'refused', status: 409 });
  });

  it('leave other upgrade paths to others, and refuse them when nobody else listens', async () => {
    const { ports: [port = 0] } = await startStack();
    expect(await attempt(`ws://127.0.0.1:${port}/elsewhere`)).toEqual({ kind: 'refused', status: 404 });
  });
});

describe('signalling messages', () => {
  it('reach a peer of the same case with the sender as src, whatever src the sender claims', async () => {
    const { signalling, ports: [port = 0] } = await startStack();
    const [a, b, c] = await Promise.all(
      (['customer', 'assessor', 'assessor'] as const).map((role) => connect(port, signalling.mint('case-1', role))),
    );
    if (!a || !b || !c) throw new Error('not connected');
    const payload = { sdp: { type: 'offer', sdp: 'v=0' }, type: 'media', connectionId: 'mc_1' };

    send(a, { type: 'OFFER', dst: b.id, payload });
    await until(() => b.messages.length === 2);
    expect(b.messages[1]).toEqual({ type: 'OFFER', src: a.id, dst: b.id, payload });

    send(a, { type: 'CANDIDATE', src: c.id, dst: b.id, payload: { candidate: 'x' } });
    await until(() => b.messages.length === 3);
    expect(b.messages[2]).toMatchObject({ type: 'CANDIDATE', src: a.id });
  });

  it('never reach a peer of another case', async () => {
    const { signalling, ports: [port = 0] } = await startStack();
    const x = await connect(port, signalling.mint('case-x', 'customer'));
    const y = await connect(port, signalling.mint('case-y', 'customer'));
    const yMate = await connect(port, signalling.mint('case-y', 'assessor'));

    send(x, { type: 'OFFER', dst: y.id, payload: { sdp: 'v=0' } });
    send(x, { type: 'LEAVE', dst: y.id });
    await sleep(300);
    expect(y.messages).toEqual([{ type: 'OPEN' }]);

    // The channel to y works, so the silence above was the filter.
    send(yMate, { type: 'ANSWER', dst: y.id, payload: { sdp: 'v=0' } });
    await until(() => y.messages.length === 2);
    expect(y.messages[1]).toMatchObject({ type: 'ANSWER', src: yMate.id });
    expect(x.ws.readyState).toBe(WebSocket.OPEN);
  });
});

describe('a third participant', () => {
  it('reaches the assessor’s console and is reached by it, but never the customer’s page (nor the customer it)', async () => {
    const { signalling, ports: [port = 0] } = await startStack();
    const [customer, console_, participant] = await Promise.all(
      (['customer', 'assessor', 'participant'] as const).map((role) => connect(port, signalling.mint('case-1', role))),
    );
    if (!customer || !console_ || !participant) throw new Error('not connected');

    send(participant, { type: 'OFFER', dst: customer.id, payload: { sdp: 'v=0' } });
    send(customer, { type: 'OFFER', dst: participant.id, payload: { sdp: 'v=0' } });
    await sleep(300);
    expect(customer.messages).toEqual([{ type: 'OPEN' }]);
    expect(participant.messages).toEqual([{ type: 'OPEN' }]);

    send(console_, { type: 'OFFER', dst: participant.id, payload: { sdp: 'v=0' } });
    await until(() => participant.messages.length === 2);
    expect(participant.messages[1]).toMatchObject({ type: 'OFFER', src: console_.id });
    send(participant, { type: 'ANSWER', dst: console_.id, payload: { sdp: 'v=0' } });
    await until(() => console_.messages.length === 2);
    expect(console_.messages[1]).toMatchObject({ type: 'ANSWER', src: participant.id });
  });
});

describe('revoked grants', () => {
  it('are refused at registration, and dropRevoked cuts off their sockets and presence before it resolves', async () => {
    const revoked = new Set<string>();
    const { signalling, ports: [port = 0], presence } = await startStack({
      grantStands: async (grant) => grant.joinTokenId === undefined || !revoked.has(grant.joinTokenId),
    });
    const held = await connect(port, signalling.mint('case-r', 'customer', 'jt_old'));
    const unused = signalling.mint('case-r', 'customer', 'jt_old');
    const assessor = await connect(port, signalling.mint('case-r', 'assessor'));
    const closed = once(held.ws, 'close');

    revoked.add('jt_old');
    await signalling.dropRevoked('case-r');
    expect((await signalling.onlinePeers('case-r')).map((grant) => grant.peerId)).toEqual([assessor.id]);
    expect(presence.filter((event) => !event.online).map((event) => event.grant)).toEqual([
      { peerId: held.id, caseId: 'case-r', role: 'customer', joinTokenId: 'jt_old' },
    ]);
    const [code, reason] = await closed;
    expect([code, String(reason)]).toEqual([1008, 'peer credential revoked']);
    expect(await attempt(socketUrl(port, credentialQuery(unused)))).toEqual({ kind: 'refused', status: 401 });
    await connect(port, signalling.mint('case-r', 'customer', 'jt_new'));
    expect(presence.filter((event) => !event.online)).toHaveLength(1);
  });
});

describe('limits and servers', () => {
  it('refuse a socket beyond the per-case limit and beyond the server limit', async () => {
    const { signalling, ports: [port = 0] } = await startStack({ maxPeersPerCase: 2, maxPeers: 3 });
    const first = await connect(port, signalling.mint('case-full', 'customer'));
    await connect(port, signalling.mint('case-full', 'assessor'));
    const third = signalling.mint('case-full', 'assessor');
    expect(await attempt(socketUrl(port, credentialQuery(third)))).toEqual({ kind: 'refused', status: 429 });

    await connect(port, signalling.mint('case-other', 'customer'));
    const fourth = signalling.mint('case-more', 'customer');
    expect(await attempt(socketUrl(port, credentialQuery(fourth)))).toEqual({ kind: 'refused', status: 429 });

    first.ws.close();
    await until(async () => (await signalling.onlinePeers('case-full')).length === 1);
    await connect(port, third);
  });

  it('serve peers on two servers as one', async () => {
    const { signalling, ports: [portA = 0, portB = 0] } = await startStack({}, 2);
    const a = await connect(portA, signalling.mint('case-2', 'customer'));
    const b = await connect(portB, signalling.mint('case-2', 'assessor'));
    send(b, { type: 'OFFER', dst: a.id, payload: { sdp: 'v=0' } });
    await until(() => a.messages.length === 2);
    expect(a.messages[1]).toMatchObject({ type: 'OFFER', src: b.id });
    expect(await signalling.onlinePeers('case-2')).toHaveLength(2);
  });
});

describe('close', () => {
  it("closes peer sockets, stops taking upgrades and leaves no timer keeping Node alive", async () => {
    const timeouts = (): number => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    const before = timeouts();
    const { signalling, servers: [server], ports: [port = 0], presence } = await startStack();
    expect(timeouts()).toBe(before);
    const client = await connect(port, signalling.mint('case-3', 'customer'));
    const closed = once(client.ws, 'close');

    await signalling.close();
    const [code] = await closed;
    expect(code).toBe(1001);
    expect(presence.map((event) => event.online)).toEqual([true, false]);
    expect(server?.listenerCount('upgrade')).toBe(0);
    // Without upgrade listeners Node hands the request to the app, which knows no such route.
    const late = signalling.mint('case-3', 'customer');
    expect(await attempt(socketUrl(port, credentialQuery(late)))).toEqual({ kind: 'refused', status: 404 });
    await signalling.close();
  });
});
