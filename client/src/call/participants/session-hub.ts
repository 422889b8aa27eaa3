// The assessor's side of a session with third participants, as a star through the console: it calls each
// participant's page, sends them the customer's camera and a mix of the customer's and the assessor's
// voices, and routes each participant's voice by their mode (hearing.ts): played to the assessor by the
// console, mixed into what the customer hears by replacing the customer call's audio track (no
// renegotiation with the customer). The customer's page only ever talks to the assessor's console; an
// SFU could replace this one class.
import type { MediaConnection, Peer } from 'peerjs';
import type { PeerCredential } from '../../../../protocol/http.ts';
import type { ParticipantSessionView } from '../../../../protocol/participant-session.ts';
import { Emitter } from '../../lib/emitter.ts';
import { Timers } from '../../lib/timers.ts';
import { openPeer } from '../signalling.ts';
import { AudioMix } from './audio-mix.ts';
import { hearingOf, type Hearing } from './hearing.ts';

export interface SessionHubDeps {
  /** A console credential for this case (POST /api/cases/:id/peer). */
  fetchCredential: () => Promise<PeerCredential>;
  /** Who is in the session now (GET /api/cases/:id/participants/session). */
  listSessions: () => Promise<ParticipantSessionView[]>;
  /** @default 1500 */
  pollMs?: number;
}

/** The assessor's call as the hub needs it. */
export interface CallInputs {
  /** The customer's stream as received, or null while no call is up. */
  customer: MediaStream | null;
  /** The assessor's microphone, or null (the call sends silence). */
  mic: MediaStream | null;
  /** The connection to the customer now, whose audio sender the hub may switch to a mix. */
  connection: RTCPeerConnection | null;
}

export interface HubParticipant {
  session: ParticipantSessionView;
  /** Their camera and microphone, once their page answered. */
  stream: MediaStream | null;
  hearing: Hearing;
}

export type SessionHubEvents = {
  participants: (list: HubParticipant[]) => void;
};

interface Link {
  session: ParticipantSessionView;
  media: MediaConnection;
  /** The customer's video went out on this link (a link placed during a voice-only call has none). */
  withVideo: boolean;
  stream: MediaStream | null;
}

const NO_CALL: CallInputs = { customer: null, mic: null, connection: null };

export class SessionHub extends Emitter<SessionHubEvents> {
  private peer: Promise<Peer> | null = null;
  private readonly peers: Peer[] = [];
  private readonly links = new Map<string, Link>();
  private readonly dialling = new Set<string>();
  /** Peer ids that could not be reached: not dialled again (a page that reloads registers anew). */
  private readonly unreachable = new Set<string>();
  private sessions: ParticipantSessionView[] = [];
  private inputs: CallInputs = NO_CALL;
  private toParticipants: AudioMix | null = null;
  private toCustomer: AudioMix | null = null;
  /** What each customer connection sent before a participant was mixed in. */
  private readonly originals = new WeakMap<RTCPeerConnection, MediaStreamTrack | null>();
  private readonly timers = new Timers();
  private published = '';
  private disposed = false;

  constructor(private readonly deps: SessionHubDeps) {
    super();
    void this.poll();
  }

  /** The assessor's call changed (connected, redialled, ended). */
  setCall(inputs: CallInputs): void {
    if (this.inputs.connection && this.inputs.connection !== inputs.connection) this.restoreCustomerAudio(this.inputs.connection);
    this.inputs = inputs;
    this.apply();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.timers.clearAll();
    for (const link of this.links.values()) link.media.close();
    this.links.clear();
    if (this.inputs.connection) this.restoreCustomerAudio(this.inputs.connection);
    this.toParticipants?.close();
    this.toCustomer?.close();
    for (const peer of this.peers) peer.destroy();
    this.removeAllListeners();
  }

  private async poll(): Promise<void> {
    try {
      this.sessions = await this.deps.listSessions();
      this.apply();
    } catch (error) {
      console.warn('Could not follow who is in the session', error instanceof Error ? error.message : error);
    }
    if (!this.disposed) this.timers.after(this.deps.pollMs ?? 1500, () => void this.poll());
  }

  private apply(): void {
    if (this.disposed) return;
    const customer = this.inputs.customer;
    const hasVideo = (customer?.getVideoTracks().length ?? 0) > 0;
    const wanted = new Map(this.sessions.map((s) => [s.userId, s]));
    for (const [userId, link] of this.links) {
      const session = wanted.get(userId);
      // Gone, re-registered, no call to forward, or the customer's camera came on after a voice-only link.
      if (!session || session.peerId !== link.session.peerId || !customer || (hasVideo && !link.withVideo)) {
        this.links.delete(userId);
        link.media.close();
      } else link.session = session;
    }
    // No one to forward to: the call runs untouched (no WebAudio, no extra connection).
    if (customer && this.sessions.length > 0) {
      this.toParticipants ??= new AudioMix();
      this.toParticipants.set([...customer.getAudioTracks(), ...(this.inputs.mic?.getAudioTracks() ?? [])]);
      for (const link of this.links.values()) this.forwardVideo(link, customer);
      for (const session of this.sessions) {
        if (!this.links.has(session.userId) && !this.dialling.has(session.userId) && !this.unreachable.has(session.peerId)) void this.dial(session);
      }
    }
    this.mixIntoCustomer();
    this.publish();
  }

  private async dial(session: ParticipantSessionView): Promise<void> {
    this.dialling.add(session.userId);
    try {
      const peer = await this.ensurePeer();
      const customer = this.inputs.customer;
      if (this.disposed || !customer || !this.toParticipants) return;
      const video = customer.getVideoTracks()[0];
      const outgoing = new MediaStream(video ? [video, this.toParticipants.track] : [this.toParticipants.track]);
      const media = peer.call(session.peerId, outgoing, { metadata: { role: 'console' } });
      if (!media) throw new Error('The signalling connection is closed.');
      const link: Link = { session, media, withVideo: video !== undefined, stream: null };
      media.on('stream', (stream) => {
        if (link.stream === stream) return;
        link.stream = stream;
        this.apply();
      });
      media.on('close', () => {
        if (this.links.get(session.userId) !== link) return;
        this.links.delete(session.userId);
        this.apply();
      });
      media.on('error', (error) => console.warn('Participant media error', error.message));
      this.links.set(session.userId, link);
    } catch (error) {
      console.warn('Could not call a participant', error instanceof Error ? error.message : error);
    } finally {
      this.dialling.delete(session.userId);
    }
  }

  private ensurePeer(): Promise<Peer> {
    if (this.peer) return this.peer;
    const pending: Promise<Peer> = this.deps.fetchCredential().then((credential) => openPeer(credential)).then(
      (peer) => {
        if (this.disposed) peer.destroy();
        this.peers.push(peer);
        peer.on('error', (error) => {
          // "Could not connect to peer <id>": that page is gone; do not dial it again.
          const id = /peer ([0-9a-f]{32})/.exec(error.message)?.[1];
          if (error.type === 'peer-unavailable' && id) this.dropPeerId(id);
        });
        // Links already up keep their connections; the next dial registers afresh.
        peer.on('disconnected', () => {
          if (this.peer === pending) this.peer = null;
        });
        return peer;
      },
      (error: unknown) => {
        if (this.peer === pending) this.peer = null;
        throw error;
      },
    );
    this.peer = pending;
    return pending;
  }

  private dropPeerId(peerId: string): void {
    this.unreachable.add(peerId);
    for (const [userId, link] of this.links) {
      if (link.session.peerId !== peerId) continue;
      this.links.delete(userId);
      link.media.close();
    }
    this.apply();
  }

  /** After a redial the customer's camera is a new track: each participant gets it without renegotiating. */
  private forwardVideo(link: Link, customer: MediaStream): void {
    const video = customer.getVideoTracks()[0];
    const sender = link.media.peerConnection?.getSenders().find((s) => s.track?.kind === 'video');
    if (video && sender && sender.track !== video) void sender.replaceTrack(video).catch(() => undefined);
  }

  /** The customer hears the assessor alone, or the assessor mixed with everyone whose mode lets the customer hear them. */
  private mixIntoCustomer(): void {
    const connection = this.inputs.connection;
    const sender = connection?.getTransceivers().find((t) => t.receiver.track.kind === 'audio')?.sender;
    if (!connection || !sender) return;
    if (!this.originals.has(connection)) this.originals.set(connection, sender.track);
    const original = this.originals.get(connection) ?? null;
    const heard = [...this.links.values()].filter((l) => hearingOf(l.session.mode).customer).flatMap((l) => l.stream?.getAudioTracks() ?? []);
    if (heard.length === 0) {
      if (sender.track !== original) void sender.replaceTrack(original).catch(() => undefined);
      return;
    }
    this.toCustomer ??= new AudioMix();
    this.toCustomer.set([...(original ? [original] : []), ...heard]);
    if (sender.track !== this.toCustomer.track) void sender.replaceTrack(this.toCustomer.track).catch(() => undefined);
  }

  private restoreCustomerAudio(connection: RTCPeerConnection): void {
    const sender = connection.getTransceivers().find((t) => t.receiver.track.kind === 'audio')?.sender;
    if (sender && this.originals.has(connection) && connection.signalingState !== 'closed') void sender.replaceTrack(this.originals.get(connection) ?? null).catch(() => undefined);
  }

  private publish(): void {
    const list: HubParticipant[] = this.sessions.map((session) => ({ session, stream: this.links.get(session.userId)?.stream ?? null, hearing: hearingOf(session.mode) }));
    const key = JSON.stringify(list.map((p) => [p.session.userId, p.session.mode, p.session.peerId, p.stream?.id ?? null]));
    if (key === this.published) return;
    this.published = key;
    this.emit('participants', list);
  }
}
