// A PeerJS client reduced to its signalling socket (`ws`), as the whole-server tests need it: open with a
// credential or any query, see the upgrade refused with its status, collect messages, send heartbeats.
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
