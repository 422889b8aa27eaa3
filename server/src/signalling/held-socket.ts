// What an instance keeps for each peer socket it holds, shared by the modules that act on those sockets.
import type { GatedSocket } from './gated-socket.ts';
import type { OnlinePeers } from './online-peers.ts';
import type { PeerGrant } from './peer-token.ts';

export interface HeldSocket {
  socket: GatedSocket;
  /** This registration of the peer id in the directory. */
  registration: string;
  /** Messages for peers held elsewhere, relayed one after another so they arrive in the order sent. */
  outbound: Promise<void>;
}

/** The sockets this instance holds; the directory knows every instance's. */
export type HeldPeers = OnlinePeers<HeldSocket>;

/**
 * Takes a peer off now: nothing more it sends is read, nothing more is relayed to it, and it leaves the
 * directory and presence before its socket has finished closing (resolves once it has). Without a close
 * code the socket is destroyed at once, with whatever is queued for it.
 */
export type CutOff = (grant: PeerGrant, held: HeldSocket, reason: string, code?: number) => Promise<void>;

export interface SignallingLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}
