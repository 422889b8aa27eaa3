// The embedded PeerJS signalling server. `peer` relays OFFER/ANSWER/CANDIDATE between pages; this module
// owns its WebSocket server and decides who registers (server-minted ids with short-lived tokens that
// stand only while their join link does), how many sockets a case and the server may hold, which
// messages stay inside a case, how much a socket may send and have queued, and reports presence.
import { STATUS_CODES, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import express, { type RequestHandler } from 'express';
import { ExpressPeerServer } from 'peer';
import { WebSocket, WebSocketServer } from 'ws';
import { admitPeer, roomFor, type Admission, type AdmissionRules } from './admission.ts';
import { GatedSocket } from './gated-socket.ts';
import { OnlinePeers } from './online-peers.ts';
import { createPeerId, mintPeerToken, type PeerGrant, type PeerRole } from './peer-token.ts';
import { createTimerScope } from './peer-timers.ts';
import { createRelayBudget, MESSAGE_COST_BYTES, type RelayBudget, type RelayRate } from './relay-budget.ts';
import { judgeSignal } from './signal-filter.ts';

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
  onPresence: (event: { grant: PeerGrant; online: boolean }) => void;
  log: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
  /** @default Date.now */
  clock?: () => number;
}

export interface Signalling {
  /** Express handler to mount at options.mountPath (app.use(mountPath, handler)). */
  handler: RequestHandler;
  /** Mints a fresh peer id for a case and role, with its token; a customer's is tied to its join token. */
  mint(caseId: string, role: PeerRole, joinTokenId?: string): { peerId: string; token: string; expiresAt: Date; key: string; path: string };
  /** Peers of a case that are connected now. */
  onlinePeers(caseId: string): PeerGrant[];
  /** Cuts off the case's peers whose grant no longer stands: they leave presence and their sockets close; resolves once done. */
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
  const rules: AdmissionRules = { secret: opts.secret, key: PEER_KEY, maxPeersPerCase: opts.maxPeersPerCase, maxPeers: opts.maxPeers };
  const socketPath = `${opts.mountPath}/peerjs`;
  const online = new OnlinePeers<GatedSocket>();
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
    const checked = admitPeer(url.searchParams, rules, online, clock());
    if (!checked.ok) return refuse(socket, checked);
    // Asked here, not carried in the token: a join link can be replaced while credentials minted under
    // it are unexpired.
    grantStands(checked.grant).then((stands) => {
      if (!stands) return refuse(socket, { ok: false, status: 401, reason: 'grant-revoked' });
      // ws destroys a socket that closed meanwhile; accept() repeats the room check the wait may have outdated.
      wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req, checked.grant));
    }, (err: unknown) => {
      opts.log.warn({ err }, 'signalling: could not check a peer credential');
      refuseUpgrade(socket, 503);
    });
  }

  function refuse(socket: Duplex, admission: Extract<Admission, { ok: false }>): void {
    opts.log.warn({ reason: admission.reason, status: admission.status }, 'signalling: refused a peer socket');
    refuseUpgrade(socket, admission.status);
  }

  function accept(socket: GatedSocket, req: IncomingMessage, grant: PeerGrant): void {
    // ws completes this handshake synchronously, so nothing has changed since admitPeer; the check is
    // repeated because OnlinePeers must never hold two sockets for one id.
    const room = roomFor(grant, rules, online);
    if (!room.ok) return socket.close(1013, room.reason);
    const budget = createRelayBudget(opts.relayRate, clock());
    socket.gate = (data, isBinary) => mayForward(grant, socket, budget, data, isBinary);
    online.add(grant, socket);
    socket.on('close', () => release(grant, socket));
    wss.emit('connection', socket, req);
    opts.log.info({ ...grant }, 'signalling: peer connected');
    reportPresence(grant, true);
  }

  /** Forgets a peer and reports it offline: once, and only while `socket` is the one registered for it. */
  function release(grant: PeerGrant, socket: GatedSocket): void {
    if (online.get(grant.peerId)?.socket !== socket) return;
    online.remove(grant.peerId);
    opts.log.info({ ...grant }, 'signalling: peer disconnected');
    reportPresence(grant, false);
  }

  /**
   * Takes a peer off now: nothing more it sends is read, nothing more is relayed to it, and it leaves
   * presence before its socket has finished closing. Without a close code the socket is destroyed at
   * once, with whatever is queued for it.
   */
  function cutOff(grant: PeerGrant, socket: GatedSocket, reason: string, code?: number): void {
    socket.gate = () => false;
    opts.log.warn({ ...grant, reason }, 'signalling: cut off a peer');
    release(grant, socket);
    if (code === undefined) socket.terminate();
    else void closeSocket(socket, code, reason);
  }

  function mayForward(sender: PeerGrant, socket: GatedSocket, budget: RelayBudget, data: unknown, isBinary: boolean): boolean {
    const bytes = Buffer.isBuffer(data) ? data.length : MAX_MESSAGE_BYTES;
    if (!budget.spend(bytes, clock())) {
      cutOff(sender, socket, 'signalling rate limit exceeded', 1008);
      return false;
    }
    if (isBinary || !Buffer.isBuffer(data)) return false;
    const verdict = judgeSignal(data.toString('utf8'), sender.caseId, (peerId) => online.caseOf(peerId));
    if (!verdict.forward) {
      if (verdict.reason === 'cross-case') opts.log.warn({ ...sender }, 'signalling: dropped a message addressed to another case');
      return false;
    }
    const receiver = verdict.dst === undefined ? undefined : online.get(verdict.dst);
    // A peer that stops reading while others keep sending to it would have the server queue all of it.
    if (receiver && receiver.socket.bufferedAmount + bytes > MAX_QUEUED_BYTES) {
      cutOff(receiver.grant, receiver.socket, 'not reading its signalling socket');
      return false;
    }
    return true;
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
    await Promise.all(online.sockets().map((socket) => closeSocket(socket, 1001, 'server shutting down')));
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    timers.stop();
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
    onlinePeers: (caseId) => online.inCase(caseId),
    async dropRevoked(caseId) {
      await Promise.all(online.inCase(caseId).map(async (grant) => {
        const before = online.get(grant.peerId)?.socket;
        if (await grantStands(grant)) return;
        // Still the same socket: the peer may have left, or come back under a standing credential, meanwhile.
        const entry = online.get(grant.peerId);
        if (entry && entry.socket === before) cutOff(entry.grant, entry.socket, 'peer credential revoked', 1008);
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
