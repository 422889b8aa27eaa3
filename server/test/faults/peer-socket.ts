// A PeerJS client reduced to its signalling socket (`ws`), as the whole-server tests need it: open with a
// credential or any query, see the upgrade refused with its status, collect messages, send heartbeats;
// and misbehave as an attacker would: stop reading, or write frames past a close.
import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { WebSocket } from 'ws';

export interface PeerSocket {
  ws: WebSocket;
  id: string;
  /** Every message received, OPEN first. */
  messages: Array<Record<string, unknown>>;
  send(message: object): void;
  close(): Promise<void>;
}

export type SocketAttempt =
  | { kind: 'open'; peer: PeerSocket }
  | { kind: 'refused'; status: number }
  | { kind: 'closed'; code: number }
  | { kind: 'timeout' };

export interface PeerCredentialLike { peerId: string; token: string; key: string }

export const credentialQuery = (c: PeerCredentialLike, id = c.peerId): string =>
  `key=${encodeURIComponent(c.key)}&id=${encodeURIComponent(id)}&token=${encodeURIComponent(c.token)}&version=1.5.5`;

/** Opens `/peerjs/peerjs?<query>` and resolves at OPEN, at the refused upgrade, or at a close before OPEN. */
export function attemptPeer(base: string, query: string, id = '', timeoutMs = 10_000): Promise<SocketAttempt> {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/peerjs/peerjs?${query}`);
  const messages: PeerSocket['messages'] = [];
  const peer: PeerSocket = {
    ws, id, messages,
    send: (message) => ws.send(JSON.stringify(message)),
    close: () => new Promise((resolve) => {
      if (ws.readyState === WebSocket.CLOSED) return resolve();
      ws.once('close', () => resolve());
      ws.close();
    }),
  };
  return new Promise((resolve) => {
    let settled = false;
    const settle = (attempt: SocketAttempt) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (attempt.kind !== 'open') ws.terminate();
      resolve(attempt);
    };
    const timer = setTimeout(() => settle({ kind: 'timeout' }), timeoutMs);
    ws.on('message', (data, isBinary) => {
      const message = isBinary ? { binary: true } : (JSON.parse(String(data)) as Record<string, unknown>);
      messages.push(message);
      if (message.type === 'OPEN') settle({ kind: 'open', peer });
    });
    ws.on('unexpected-response', (_req, res) => settle({ kind: 'refused', status: res.statusCode ?? 0 }));
    ws.on('close', (code) => settle({ kind: 'closed', code }));
    ws.on('error', () => undefined);
  });
}

export async function openPeer(base: string, credential: PeerCredentialLike): Promise<PeerSocket> {
  const attempt = await attemptPeer(base, credentialQuery(credential), credential.peerId);
  if (attempt.kind !== 'open') throw new Error(`peer ${credential.peerId} did not open: ${JSON.stringify(attempt)}`);
  return attempt.peer;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The close code and reason the socket ends with (1006 when it was cut off without a close frame). */
export function closeOf(peer: PeerSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    if (peer.ws.readyState === WebSocket.CLOSED) return resolve({ code: 1006, reason: '' });
    peer.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

/** The client's TCP socket: pausing it stops reading while the client keeps writing. */
export function tcpOf(peer: PeerSocket): Socket {
  return (peer.ws as unknown as { _socket: Socket })._socket;
}

/** Writes a masked text frame straight onto the TCP socket, whatever state `ws` thinks it is in. */
export function writeRawText(peer: PeerSocket, text: string): void {
  const payload = Buffer.from(text, 'utf8');
  if (payload.length >= 65_536) throw new Error('writeRawText: payload too large for a 16-bit length');
  const header = payload.length < 126
    ? Buffer.from([0x81, 0x80 | payload.length])
    : Buffer.from([0x81, 0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  const mask = randomBytes(4);
  const masked = payload.map((byte, i) => byte ^ mask[i % 4]!);
  const socket = tcpOf(peer);
  socket.on('error', () => undefined);
  if (!socket.destroyed && socket.writable) socket.write(Buffer.concat([header, mask, masked]));
}
