// The embedded PeerJS signalling server. `peer` relays OFFER/ANSWER/CANDIDATE between pages; this module
// owns its WebSocket server and decides who registers (server-minted ids with short-lived tokens that
// stand only while their join link does), how many sockets a case and the server may hold, which
// messages stay inside a case, how much a socket may send and have queued, and reports presence. With a
// shared peer directory (Redis) it is one of several instances: a peer held by another instance is
// reached through that instance, after the same checks.
import { STATUS_CODES, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import express, { type RequestHandler } from 'express';
import { ExpressPeerServer } from 'peer';
import { WebSocket, WebSocketServer } from 'ws';
import { verifyPeerQuery, type CredentialRules, type PeerLimits, type Refusal } from './admission.ts';
import { GatedSocket } from './gated-socket.ts';
import { OnlinePeers } from './online-peers.ts';
import type { HeldPeers, HeldSocket, SignallingLog } from './held-socket.ts';
import { createMemoryDirectory, type Claim, type InstanceMessage, type PeerDirectory } from './peer-directory.ts';
import { createPeerRelay } from './peer-relay.ts';
import { createPeerId, mintPeerToken, type PeerGrant, type PeerRole } from './peer-token.ts';
import { createTimerScope } from './peer-timers.ts';
import { createRelayBudget, MESSAGE_COST_BYTES, type RelayRate } from './relay-budget.ts';
import { createRevocations } from './revocation.ts';

export type { PeerDirectory } from './peer-directory.ts';
export type { PeerGrant, PeerRole } from './peer-token.ts';
export type { RelayRate } from './relay-budget.ts';

export interface SignallingOptions {
  /** HMAC key for peer tokens (32 bytes). */
  secret: Buffer;
  /** Every server whose WebSocket upgrades on the peer path this signalling server takes. */
  servers: Array<HttpServer | HttpsServer>;
  /** Where `handler` is mounted, and the PeerJS client's `path`, e.g. '/peerjs'. */
  mountPath: string;
  tokenTtlMs: number;
  maxPeersPerCase: number;
  maxPeers: number;
  /** What each socket may send; one that sends more is closed (1008). */
  relayRate: RelayRate;
  /**
   * Whether the credential behind a grant still stands (a customer's join link not replaced). Asked at
   * every registration and by `dropRevoked`.
   * @default every grant stands
   */
  grantStands?: (grant: PeerGrant) => Promise<boolean>;
  /**
   * Once per peer coming online (by the instance that accepted its socket) and once per peer going
   * offline (by whichever instance took it out of the directory: its holder, or, for an instance that
   * died or did not answer a revocation, another one).
   */
  onPresence: (event: { grant: PeerGrant; online: boolean }) => void;
  log: SignallingLog;
  /** @default Date.now */
  clock?: () => number;
  /**
   * Where registered peers are held: createRedisDirectory(…) to share them with other instances. The
   * signalling server owns it from here and closes it on close().
   * @default createMemoryDirectory(): this process alone
   */
  directory?: PeerDirectory;
}

export interface Signalling {
  /** Express handler to mount at options.mountPath (app.use(mountPath, handler)). */
  handler: RequestHandler;
  /** Mints a fresh peer id for a case and role, with its token; a customer's is tied to its join token. */
  mint(caseId: string, role: PeerRole, joinTokenId?: string): { peerId: string; token: string; expiresAt: Date; key: string; path: string };
  /** Peers of a case that are connected now, to any instance. */
  onlinePeers(caseId: string): Promise<PeerGrant[]>;
  /**
   * Cuts off the case's peers whose grant no longer stands, on every instance: they leave presence and
   * their sockets close; resolves once done (or once an instance holding one has not answered in time,
   * and the peer was taken out of the directory here).
   */
  dropRevoked(caseId: string): Promise<void>;
  close(): Promise<void>;
}

/** PeerJS's API key: public, the same for every client; access is decided by the token. */
const PEER_KEY = 'peerjs';
/** Signalling messages are small JSON (an SDP offer is a few kB). */
const MAX_MESSAGE_BYTES = 64 * 1024;
/**
 * What the server queues for one socket before dropping it as a peer that does not read: a few of the
 * largest messages. The kernel's socket buffers already give a slow but live reader far more slack.
 */
const MAX_QUEUED_BYTES = 256 * 1024;
/** How long a closing socket may take to answer the close handshake before it is cut off. */
const CLOSE_GRACE_MS = 1_000;
/** How long another instance may take to cut off a revoked peer it holds before it is taken for gone. */
const CUT_ANSWER_MS = 2_000;

export function createSignalling(opts: SignallingOptions): Signalling {
  const [firstServer] = opts.servers;
  if (!firstServer) throw new Error('signalling: at least one server is needed');
  if (!/^\/[^?#]*[^/?#]$/.test(opts.mountPath)) {
    throw new Error(`signalling: mountPath must start with '/' and not end with it, got '${opts.mountPath}'`);
  }
  for (const name of ['tokenTtlMs', 'maxPeersPerCase', 'maxPeers'] as const) {
    if (!Number.isSafeInteger(opts[name]) || opts[name] < 1) throw new Error(`signalling: ${name} must be a positive integer`);
  }
  // Below that, one largest message could never be sent.
  if (opts.relayRate.burstBytes < MAX_MESSAGE_BYTES + MESSAGE_COST_BYTES) throw new Error('signalling: relayRate.burstBytes must fit the largest message');
  if (opts.secret.length < 32) throw new Error('signalling: secret must be at least 32 bytes');

  const clock = opts.clock ?? Date.now;
  const grantStands = opts.grantStands ?? (async () => true);
  const credentials: CredentialRules = { secret: opts.secret, key: PEER_KEY };
  const limits: PeerLimits = { maxPeersPerCase: opts.maxPeersPerCase, maxPeers: opts.maxPeers };
  const directory = opts.directory ?? createMemoryDirectory();
  const socketPath = `${opts.mountPath}/peerjs`;
  const online: HeldPeers = new OnlinePeers<HeldSocket>();
  /** Directory releases under way, awaited by close() so that their presence is reported before it resolves. */
  const releasing = new Set<Promise<void>>();
  const wss = new WebSocketServer({ noServer: true, WebSocket: GatedSocket, maxPayload: MAX_MESSAGE_BYTES });

  const peerApp = ExpressPeerServer(firstServer, {
    key: PEER_KEY,
    allow_discovery: false,
    concurrent_limit: opts.maxPeers,
    corsOptions: { origin: false },
    // `peer` listens for 'connection' on this server; only sockets accepted below are ever emitted.
    createWebSocketServer: () => wss,
  });
  peerApp.disable('x-powered-by');
  peerApp.on('error', (err) => opts.log.warn({ err }, 'signalling: peer server error'));
  // Mounting `peer`'s Express 4 app in a private Express 5 app starts it now (on 'mount'), once, whether
  // or not and however often `handler` is mounted; the host app also restores Express 5's request and
  // response prototypes after `peer` has handled a request.
  const host = express();
  host.disable('x-powered-by');
  const timers = createTimerScope();
  timers.run(() => host.use(peerApp));

  directory.attach({
    onMessage: onInstanceMessage,
    held: () => online.all().map(({ grant, held }) => ({ peerId: grant.peerId, registration: held.registration })),
    onLost(lost) {
      for (const { peerId, registration } of lost) {
        const entry = online.get(peerId);
        if (entry?.held.registration !== registration) continue;
        // Reported offline by the instance that reaped it; this one only lets the socket go.
        opts.log.warn({ ...entry.grant }, 'signalling: lost a registration to expiry; closing its socket');
        entry.held.socket.gate = () => false;
        online.remove(peerId);
        void closeSocket(entry.held.socket, 1001, 'registration expired');
      }
    },
    onExpired(grants) {
      for (const grant of grants) {
        opts.log.warn({ ...grant }, 'signalling: a peer of an instance that stopped refreshing it expired');
        reportPresence(grant, false);
      }
    },
  });

  const upgradeListeners = opts.servers.map((server) => {
    const listener = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
      const url = parseRequestUrl(req.url);
      if (url?.pathname === socketPath) return onPeerUpgrade(req, url, socket, head);
      // While any 'upgrade' listener exists Node no longer hands upgrades to the app as plain requests:
      // one for another path that no other listener takes must not be left hanging.
      if (server.listenerCount('upgrade') === 1) refuseUpgrade(socket, 404);
    };
    server.on('upgrade', listener);
    return { server, listener };
  });

  function onPeerUpgrade(req: IncomingMessage, url: URL, socket: Duplex, head: Buffer): void {
    const checked = verifyPeerQuery(url.searchParams, credentials, clock());
    if (!checked.ok) return refuse(socket, checked);
    const { grant } = checked;
    register(grant).then((claim) => {
      if (!claim.ok) return refuse(socket, claim);
      let accepted = false;
      // ws completes a handshake synchronously or not at all (it destroys a socket that closed meanwhile).
      wss.handleUpgrade(req, socket, head, (ws) => {
        accepted = true;
        accept(ws, req, grant, claim.registration);
      });
      if (!accepted) track(directory.release(grant, claim.registration).then(() => undefined));
    }, (err: unknown) => {
      opts.log.warn({ err }, 'signalling: could not check or register a peer credential');
      refuseUpgrade(socket, 503);
    });
  }

  async function register(grant: PeerGrant): Promise<Claim> {
    // Asked here, not carried in the token: a join link can be replaced while credentials minted under
    // it are unexpired.
    if (!(await grantStands(grant))) return { ok: false, status: 401, reason: 'grant-revoked' };
    if (closing) throw new Error('signalling is shutting down');
    return directory.claim(grant, limits);
  }

  function refuse(socket: Duplex, refusal: Refusal): void {
    opts.log.warn({ reason: refusal.reason, status: refusal.status }, 'signalling: refused a peer socket');
    refuseUpgrade(socket, refusal.status);
  }

  function accept(socket: GatedSocket, req: IncomingMessage, grant: PeerGrant, registration: string): void {
    const budget = createRelayBudget(opts.relayRate, clock());
    const held: HeldSocket = { socket, registration, outbound: Promise.resolve() };
    socket.gate = (data, isBinary) => relay.mayForward(grant, held, budget, data, isBinary);
    online.add(grant, held);
    socket.on('close', () => void release(grant, held));
    wss.emit('connection', socket, req);
    opts.log.info({ ...grant }, 'signalling: peer connected');
    reportPresence(grant, true);
  }

  /**
   * Forgets a peer, takes it out of the directory and reports it offline: once, and only while `held` is
   * what this instance holds for it; resolves once reported.
   */
  function release(grant: PeerGrant, held: HeldSocket): Promise<void> {
    if (online.get(grant.peerId)?.held !== held) return Promise.resolve();
    online.remove(grant.peerId);
    opts.log.info({ ...grant }, 'signalling: peer disconnected');
    return track(directory.release(grant, held.registration).then((removed) => {
      if (removed) reportPresence(grant, false);
    }));
  }

  function track(work: Promise<void>): Promise<void> {
    const tracked = work.catch((err: unknown) => opts.log.warn({ err }, 'signalling: could not update the peer directory'));
    releasing.add(tracked);
    void tracked.finally(() => releasing.delete(tracked));
    return tracked;
  }

  /**
   * Takes a peer off now: nothing more it sends is read, nothing more is relayed to it, and it leaves
   * presence before its socket has finished closing. Without a close code the socket is destroyed at
   * once, with whatever is queued for it.
   */
  function cutOff(grant: PeerGrant, held: HeldSocket, reason: string, code?: number): Promise<void> {
    held.socket.gate = () => false;
    opts.log.warn({ ...grant, reason }, 'signalling: cut off a peer');
    const released = release(grant, held);
    if (code === undefined) held.socket.terminate();
    else void closeSocket(held.socket, code, reason);
    return released;
  }

  const relay = createPeerRelay({
    online, directory, cutOff, log: opts.log, clock, maxMessageBytes: MAX_MESSAGE_BYTES, maxQueuedBytes: MAX_QUEUED_BYTES,
  });
  const revocations = createRevocations({
    online, directory, cutOff, log: opts.log, answerMs: CUT_ANSWER_MS, reportOffline: (grant) => reportPresence(grant, false),
  });

  function onInstanceMessage(message: InstanceMessage): void {
    if (message.kind === 'signal') relay.deliver(message);
    else revocations.onMessage(message);
  }

  function reportPresence(grant: PeerGrant, isOnline: boolean): void {
    try {
      opts.onPresence({ grant: { ...grant }, online: isOnline });
    } catch (err) {
      opts.log.warn({ err, ...grant }, 'signalling: presence callback failed');
    }
  }

  let closing: Promise<void> | undefined;
  async function shutdown(): Promise<void> {
    for (const { server, listener } of upgradeListeners) server.off('upgrade', listener);
    await Promise.all(online.all().map(({ held }) => closeSocket(held.socket, 1001, 'server shutting down')));
    revocations.stop();
    await Promise.all([...releasing]);
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    timers.stop();
    await directory.close();
  }

  return {
    handler: host,
    mint(caseId, role, joinTokenId) {
      const peerId = createPeerId();
      const expiresAtMs = clock() + opts.tokenTtlMs;
      const grant: PeerGrant = joinTokenId === undefined ? { peerId, caseId, role } : { peerId, caseId, role, joinTokenId };
      const token = mintPeerToken(opts.secret, grant, expiresAtMs);
      return { peerId, token, expiresAt: new Date(expiresAtMs), key: PEER_KEY, path: opts.mountPath };
    },
    onlinePeers: async (caseId) => (await directory.inCase(caseId)).map((entry) => entry.grant),
    async dropRevoked(caseId) {
      await Promise.all((await directory.inCase(caseId)).map(async (entry) => {
        if (!(await grantStands(entry.grant))) await revocations.revoke(entry, 'peer credential revoked');
      }));
    },
    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}

function parseRequestUrl(url: string | undefined): URL | undefined {
  try {
    return new URL(url ?? '', 'http://signalling.invalid');
  } catch {
    return undefined;
  }
}

function refuseUpgrade(socket: Duplex, status: number): void {
  // The client may already be gone; a refused socket has nothing left worth reporting.
  socket.on('error', () => socket.destroy());
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function closeSocket(socket: WebSocket, code: number, reason: string): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const cutOff = setTimeout(() => socket.terminate(), CLOSE_GRACE_MS);
    socket.once('close', () => {
      clearTimeout(cutOff);
      resolve();
    });
    socket.close(code, reason);
  });
}
