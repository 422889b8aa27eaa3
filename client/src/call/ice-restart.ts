// ICE restart for PeerJS connections. PeerJS 1.5 cannot renegotiate an open connection (a second
// OFFER with the same connection id replaces the connection), so the restart's offer and answer
// travel over the signalling socket in a CANDIDATE envelope under a connection id PeerJS does not
// know; both pages listen for it here. The relay follows the page's current registration: after a
// network change the page may hold a new peer id while its calls still run on the old one.
// Candidates are gathered before sending, so the SDP carries them (PeerJS stops trickling them once
// ICE completed, and may trickle to a peer id that is gone).
import type { DataConnection, MediaConnection, Peer } from 'peerjs';
import { z } from 'zod';

const RELAY_CONNECTION_ID = 'sightline-ice-restart';

const RestartSignal = z.object({
  type: z.literal('CANDIDATE'),
  src: z.string(),
  payload: z.object({
    connectionId: z.literal(RELAY_CONNECTION_ID),
    /** The PeerJS connection id (media or data) being restarted. */
    target: z.string(),
    description: z.object({ type: z.enum(['offer', 'answer']), sdp: z.string() }),
  }),
});

type Connection = MediaConnection | DataConnection;

export class IceRestartRelay {
  private peer: Peer | null = null;
  private readonly connections = new Map<string, Connection>();
  private readonly onMessage = (raw: unknown): void => void this.handle(raw);

  /** Sends and listens through this registration from now on. */
  attach(peer: Peer): void {
    this.peer?.socket.off('message', this.onMessage);
    this.peer = peer;
    peer.socket.on('message', this.onMessage);
  }

  /** Lets the remote side restart this connection; returns the untrack function. */
  track(connection: Connection): () => void {
    this.connections.set(connection.connectionId, connection);
    return () => {
      if (this.connections.get(connection.connectionId) === connection) this.connections.delete(connection.connectionId);
    };
  }

  /**
   * Starts an ICE restart from the side that made the original offer, addressed to the remote's
   * current peer id. Does nothing while the connection's ICE is healthy.
   */
  async restart(connection: Connection, remotePeerId: string): Promise<void> {
    const pc = connection.peerConnection;
    const peer = this.peer;
    if (!pc || !peer || peer.disconnected || (pc.iceConnectionState !== 'disconnected' && pc.iceConnectionState !== 'failed')) return;
    // An earlier restart offer that was never answered (lost in the outage) is withdrawn first.
    if (pc.signalingState === 'have-local-offer') await pc.setLocalDescription({ type: 'rollback' });
    if (pc.signalingState !== 'stable') return;
    pc.restartIce();
    await pc.setLocalDescription(await pc.createOffer({ iceRestart: true }));
    await gathered(pc);
    this.send(peer, remotePeerId, connection.connectionId, pc.localDescription);
  }

  dispose(): void {
    this.peer?.socket.off('message', this.onMessage);
    this.peer = null;
    this.connections.clear();
  }

  private async handle(raw: unknown): Promise<void> {
    const parsed = RestartSignal.safeParse(raw);
    const peer = this.peer;
    if (!parsed.success || !peer) return;
    // PeerJS also files the envelope under its unknown connection id; drain it so it cannot pile up.
    peer._getMessages(RELAY_CONNECTION_ID);
    const { target, description } = parsed.data.payload;
    // Connection ids are random and the server only relays within one case, so the id is the match;
    // the sender's peer id may be newer than the one the connection was made with.
    const pc = this.connections.get(target)?.peerConnection;
    if (!pc) return;
    try {
      if (description.type === 'offer') {
        if (pc.signalingState !== 'stable') await pc.setLocalDescription({ type: 'rollback' });
        await pc.setRemoteDescription(description);
        await pc.setLocalDescription(await pc.createAnswer());
        await gathered(pc);
        this.send(peer, parsed.data.src, target, pc.localDescription);
      } else if (pc.signalingState === 'have-local-offer') {
        await pc.setRemoteDescription(description);
      }
    } catch (error) {
      console.warn('ICE restart failed', error);
    }
  }

  private send(peer: Peer, dst: string, target: string, description: RTCSessionDescription | null): void {
    if (!description || (description.type !== 'offer' && description.type !== 'answer')) return;
    peer.socket.send({
      type: 'CANDIDATE',
      dst,
      payload: { connectionId: RELAY_CONNECTION_ID, target, description: { type: description.type, sdp: description.sdp } },
    });
  }
}

/** Resolves when ICE gathering completes, or after `timeoutMs` with what was gathered so far. */
function gathered(pc: RTCPeerConnection, timeoutMs = 3000): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    function check(): void {
      if (pc.iceGatheringState === 'complete') done();
    }
    function done(): void {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    }
    pc.addEventListener('icegatheringstatechange', check);
  });
}
