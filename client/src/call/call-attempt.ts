// One call attempt from the console to the customer: the media connection (the assessor's audio out,
// the customer's camera back) and its data channel, which is reopened if it alone closes.
import type { DataConnection, MediaConnection, Peer } from 'peerjs';
import type { PeerMessage } from '../../../protocol/messages.ts';
import { randomId } from '../lib/ids.ts';
import { CallError } from './call-words.ts';
import { DataLink } from './data-link.ts';
import type { IceRestartRelay } from './ice-restart.ts';

export interface CallAttemptHandlers {
  /** The customer's stream, once per attempt however many tracks it carries. */
  onStream: (stream: MediaStream) => void;
  onIce: (state: RTCIceConnectionState) => void;
  onMediaClosed: () => void;
  onMessage: (message: PeerMessage) => void;
  onChannel: (open: boolean) => void;
}

export class CallAttempt {
  readonly callId = randomId();
  /** ICE connected at least once. */
  connected = false;
  readonly media: MediaConnection;
  private data: DataLink;
  private stream: MediaStream | null = null;
  private closed = false;
  private reopenTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly peer: Peer,
    readonly customerPeerId: string,
    local: MediaStream,
    private readonly relay: IceRestartRelay,
    private readonly handlers: CallAttemptHandlers,
  ) {
    // The console sends audio only; offering to receive video lets the customer answer with the camera.
    const options = { metadata: { callId: this.callId }, constraints: { offerToReceiveAudio: true, offerToReceiveVideo: true } };
    const media = peer.call(customerPeerId, local, options);
    if (!media) throw new CallError({ key: 'failure.signallingClosed' });
    this.media = media;
    this.data = this.openData();
    const onStream = (stream: MediaStream): void => {
      if (this.stream === stream) return;
      this.stream = stream;
      handlers.onStream(stream);
    };
    const onError = (error: Error): void => console.warn('Media connection error', error.message);
    media.on('stream', onStream);
    media.on('iceStateChanged', handlers.onIce);
    media.on('close', handlers.onMediaClosed);
    media.on('error', onError);
    this.cleanups.push(relay.track(media), () => {
      media.off('stream', onStream);
      media.off('iceStateChanged', handlers.onIce);
      media.off('close', handlers.onMediaClosed);
      media.off('error', onError);
    });
  }

  get dataConnection(): DataConnection {
    return this.data.connection;
  }

  send(message: PeerMessage): boolean {
    return this.data.send(message);
  }

  /**
   * Ends the attempt; returns the messages that were never sent. A `farewell` on an open channel is
   * sent first, and the connections close once it has left (a second at most), so the customer's page
   * hears why the call ends before it sees the connection go.
   */
  close(farewell?: PeerMessage): PeerMessage[] {
    this.closed = true;
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    const outbox = this.data.takeOutbox();
    const data = this.data;
    const shut = (): void => {
      this.media.close();
      data.dispose();
    };
    if (farewell && data.open && data.send(farewell)) whenSent(data.connection.dataChannel, 1000, shut);
    else shut();
    return outbox;
  }

  private openData(): DataLink {
    const connection = this.peer.connect(this.customerPeerId, { serialization: 'json', reliable: true, metadata: { callId: this.callId } });
    if (!connection) throw new CallError({ key: 'failure.signallingClosed' });
    const untrack = this.relay.track(connection);
    const link = new DataLink(connection, {
      onMessage: this.handlers.onMessage,
      onOpen: () => this.handlers.onChannel(true),
      onClose: () => {
        untrack();
        if (this.closed || this.data !== link) return;
        this.handlers.onChannel(false);
        // The data channel runs on its own connection: if only it died, open a new one.
        this.reopenTimer = setTimeout(() => this.reopenData(link), 1000);
      },
    });
    return link;
  }

  private reopenData(dead: DataLink): void {
    if (this.closed || this.data !== dead || !this.media.open || this.peer.disconnected) return;
    const outbox = dead.takeOutbox();
    dead.dispose();
    this.data = this.openData();
    for (const message of outbox) this.data.send(message);
  }
}

/** Calls `done` once the channel's buffer is empty, or after `limitMs`, whichever comes first. */
function whenSent(channel: RTCDataChannel | undefined, limitMs: number, done: () => void): void {
  const until = Date.now() + limitMs;
  const check = (): void => {
    if (!channel || channel.readyState !== 'open' || channel.bufferedAmount === 0 || Date.now() >= until) done();
    else setTimeout(check, 50);
  };
  // Even an empty buffer gets a moment: the message was handed to the transport, not yet on the wire.
  setTimeout(check, 100);
}
