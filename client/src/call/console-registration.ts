// The console's registration on the signalling server. It is replaced by a fresh one when its socket
// dropped, or is suspect after a network drop (a socket that lived through an outage may be stalled
// in TCP back-off); a registration that a call still runs on stays up until that call ends.
import type { Peer, PeerError, PeerErrorType } from 'peerjs';
import type { PeerCredential } from '../../../protocol/http.ts';
import { CallError } from './call-words.ts';
import type { IceRestartRelay } from './ice-restart.ts';
import { openPeer } from './signalling.ts';

export interface ConsoleRegistrationDeps {
  fetchCredential: () => Promise<PeerCredential>;
  relay: IceRestartRelay;
  /** True while a call runs on this peer. */
  inUse: (peer: Peer) => boolean;
  onPeerError: (error: PeerError<`${PeerErrorType}`>) => void;
}

export class ConsoleRegistration {
  private current: Peer | null = null;
  private pending: Promise<Peer> | null = null;
  private suspect = false;
  private older: Peer[] = [];
  private disposed = false;

  constructor(private readonly deps: ConsoleRegistrationDeps) {}

  /** A registration that is up now: the current one, or a fresh one. */
  ensure(): Promise<Peer> {
    const current = this.current;
    if (current && !this.suspect && !current.destroyed && !current.disconnected) return Promise.resolve(current);
    this.pending ??= this.register().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** The next `ensure()` registers afresh. */
  markSuspect(): void {
    this.suspect = true;
  }

  /** Destroys the registrations that were kept only for calls that have ended. */
  releaseOlder(): void {
    for (const peer of this.older.splice(0)) if (!this.deps.inUse(peer)) peer.destroy();
  }

  dispose(): void {
    this.disposed = true;
    for (const peer of [...this.older.splice(0), this.current]) peer?.destroy();
    this.current = null;
  }

  private async register(): Promise<Peer> {
    const peer = await openPeer(await this.deps.fetchCredential());
    if (this.disposed) {
      peer.destroy();
      throw new CallError({ key: 'failure.consoleClosed' });
    }
    const old = this.current;
    if (old && this.deps.inUse(old)) this.older.push(old);
    else old?.destroy();
    peer.on('error', this.deps.onPeerError);
    // While a call runs, stay reachable for ICE restarts: register again as soon as the socket drops.
    peer.on('disconnected', () => {
      if (this.current === peer && this.deps.inUse(peer)) void this.ensure().catch(() => undefined);
    });
    this.current = peer;
    this.suspect = false;
    this.deps.relay.attach(peer);
    return peer;
  }
}
