// The customer's side of a live call, with no React: registers the page on the signalling server,
// answers the assessor's call with the camera and microphone, keeps the data channel, adapts the
// camera to the link, and re-registers with a fresh credential if the signalling socket drops
// (the old peer stays up until a new call replaces its call). Hanging up tells the assessor first.
import type { DataConnection, MediaConnection, Peer } from 'peerjs';
import type { PeerCredential } from '../../../protocol/http.ts';
import type { PeerMessage } from '../../../protocol/messages.ts';
import { ApiRequestError } from '../lib/api.ts';
import { backoffDelay } from '../lib/retry.ts';
import { callText } from './call-words.ts';
import { DataLink } from './data-link.ts';
import { Emitter } from '../lib/emitter.ts';
import { IceRestartRelay } from './ice-restart.ts';
import { videoSender } from './local-media.ts';
import { SendingQuality, type QualityReport } from './sending-quality.ts';
import { openPeer } from './signalling.ts';
import type { LinkStats } from './stats.ts';
import { StatsPoller } from './stats-poller.ts';
import { Timers } from '../lib/timers.ts';

/** `closed`: the case was closed, so the server admits no call on it (its page says so instead). */
export type CustomerCallState = 'registering' | 'waiting' | 'connected' | 'reconnecting' | 'expired' | 'closed';

export type CustomerCallEvents = {
  state: (state: CustomerCallState, detail: string | null) => void;
  /** The assessor's call arrived and is being set up; the next `state` says how it went. */
  incoming: () => void;
  message: (message: PeerMessage) => void;
  channel: (open: boolean) => void;
  /** The assessor's audio. */
  stream: (stream: MediaStream) => void;
  quality: (report: QualityReport) => void;
  stats: (stats: LinkStats) => void;
};

export interface CustomerCallDeps {
  /** A fresh customer credential from the join token (POST /api/join/peer). */
  fetchCredential: () => Promise<PeerCredential>;
  /** Camera and/or microphone; null for chat only. Owned by the caller. */
  localStream: MediaStream | null;
}


export class CustomerCall extends Emitter<CustomerCallEvents> {
  private state: CustomerCallState = 'registering';
  private registration: Peer | null = null;
  /** Registrations whose signalling socket dropped; kept while their call may still be alive. */
  private retired: Peer[] = [];
  private readonly relay = new IceRestartRelay();
  private media: MediaConnection | null = null;
  private mediaCleanups: (() => void)[] = [];
  private data: DataLink | null = null;
  private registerAttempts = 0;
  private disposed = false;
  /** A video track sent instead of the camera's (the AR or overlay composite), while one is set. */
  private videoOverride: MediaStreamTrack | null = null;
  private readonly timers = new Timers();
  private readonly quality = new SendingQuality((report) => this.onQuality(report));
  private readonly stats = new StatsPoller('outbound', (stats) => this.onStats(stats));

  constructor(private readonly deps: CustomerCallDeps) {
    super();
  }

  start(): void {
    void this.register();
  }

  send(message: PeerMessage): boolean {
    return this.data?.send(message) ?? false;
  }

  get qualityLevel(): QualityReport['level'] {
    return this.quality.level;
  }

  async setAudioOnly(on: boolean): Promise<void> {
    await this.quality.setAudioOnly(on, videoSender(this.media?.peerConnection), this.outgoingVideo());
  }

  /**
   * Sends another video track instead of the camera (null: the camera again), in the live call at
   * once and in every later call. The caller owns the track.
   */
  async setVideoSource(track: MediaStreamTrack | null): Promise<void> {
    this.videoOverride = track;
    const next = this.outgoingVideo() ?? null;
    if (next) next.enabled = !this.quality.isAudioOnly;
    await videoSender(this.media?.peerConnection)?.replaceTrack(next);
  }

  /** The camera's track in the local stream was replaced (front/back): send the new one. */
  async cameraChanged(): Promise<void> {
    if (this.videoOverride) return;
    const next = this.outgoingVideo() ?? null;
    if (next) next.enabled = !this.quality.isAudioOnly;
    await videoSender(this.media?.peerConnection)?.replaceTrack(next);
  }

  /** The local stream's tracks were replaced (a text start's placeholders by the camera and microphone): send them. */
  async mediaChanged(): Promise<void> {
    const audio = this.deps.localStream?.getAudioTracks()[0] ?? null;
    const audioSender = this.media?.peerConnection?.getTransceivers().find((t) => t.sender.track?.kind === 'audio' || t.receiver.track.kind === 'audio')?.sender;
    await audioSender?.replaceTrack(audio);
    await this.cameraChanged();
  }

  /**
   * Hangs up on purpose: tells the assessor (`call-end`), gives the message a moment to leave, then
   * closes the call and leaves signalling. The object is disposed afterwards.
   */
  async hangUp(): Promise<void> {
    if (this.disposed) return;
    this.send({ v: 1, type: 'call-end', by: 'customer' });
    await this.drain(1000);
    this.dispose();
  }

  dispose(): void {
    this.disposed = true;
    this.timers.clearAll();
    this.closeMedia();
    this.data?.dispose();
    this.data = null;
    for (const peer of [...this.retired, this.registration]) peer?.destroy();
    this.retired = [];
    this.registration = null;
    this.relay.dispose();
    this.removeAllListeners();
  }

  private async register(): Promise<void> {
    if (!this.media) this.setState('registering', null);
    try {
      const peer = await openPeer(await this.deps.fetchCredential());
      if (this.disposed) return peer.destroy();
      this.registration = peer;
      this.relay.attach(peer);
      this.registerAttempts = 0;
      peer.on('call', (call) => this.onCall(call));
      peer.on('connection', (connection) => this.onConnection(connection));
      peer.on('disconnected', () => this.reregister(peer, 1000));
      peer.on('error', (error) => console.warn('Signalling error', error.type, error.message));
      if (!this.media) this.setState('waiting', null);
    } catch (error) {
      if (this.disposed) return;
      if (error instanceof ApiRequestError && error.isAuth) return this.setState('expired', error.message);
      if (error instanceof ApiRequestError && error.code === 'case_closed') return this.setState('closed', error.message);
      this.registerAttempts++;
      if (!this.media) this.setState('registering', 'Reconnecting to the server…');
      // Capped low: after a network drop the assessor is waiting for this page to come back.
      this.timers.after(Math.min(3000, backoffDelay(this.registerAttempts, Math.random())), () => void this.register());
    }
  }

  /**
   * Registers afresh when the signalling socket dropped, or when a call stays broken (a socket that
   * lived through an outage may be stalled in TCP back-off). A live call does not need the socket:
   * its peer is kept until a new call replaces the call.
   */
  private reregister(registration: Peer, delayMs: number): void {
    if (this.registration !== registration || this.disposed) return;
    this.registration = null;
    if (this.media?.provider === registration) this.retired.push(registration);
    else registration.destroy();
    this.timers.after(delayMs, () => void this.register());
  }

  private onCall(call: MediaConnection): void {
    this.closeMedia();
    this.media = call;
    this.emit('incoming');
    call.answer(this.outgoingStream());
    let remote: MediaStream | null = null;
    let connectedOnce = false;
    const onStream = (stream: MediaStream): void => {
      if (remote === stream) return;
      remote = stream;
      this.emit('stream', stream);
    };
    const onIce = (ice: RTCIceConnectionState): void => {
      if (this.media !== call) return;
      if (ice === 'connected' || ice === 'completed') {
        if (!connectedOnce) this.onFirstConnected(call);
        connectedOnce = true;
        this.setState('connected', null);
      } else if (ice === 'disconnected' || ice === 'failed') {
        this.setState('reconnecting', callText({ key: 'state.reconnecting' }));
        this.timers.after(5000, () => {
          if (this.media === call && this.state === 'reconnecting') this.reregister(call.provider, 0);
        });
      }
    };
    const onClose = (): void => {
      if (this.media !== call) return;
      this.closeMedia();
      this.setState(this.registration ? 'waiting' : 'registering', callText({ key: 'state.ended' }));
    };
    call.on('stream', onStream);
    call.on('iceStateChanged', onIce);
    call.on('close', onClose);
    this.mediaCleanups.push(this.relay.track(call), () => {
      call.off('stream', onStream);
      call.off('iceStateChanged', onIce);
      call.off('close', onClose);
    });
  }

  private onFirstConnected(call: MediaConnection): void {
    this.stats.start(() => call.peerConnection, 1000);
    void this.quality.reset(videoSender(call.peerConnection), performance.now());
    if (this.quality.isAudioOnly) this.onQuality({ level: 'audio-only', reason: 'the customer chose audio only', suggestAudioOnly: false });
  }

  private onConnection(connection: DataConnection): void {
    const previous = this.data;
    this.data = new DataLink(connection, {
      onMessage: (message) => this.emit('message', message),
      onOpen: () => this.emit('channel', true),
      onClose: () => {
        if (this.data?.connection === connection) this.emit('channel', false);
      },
    });
    if (previous) {
      for (const message of previous.takeOutbox()) this.data.send(message);
      previous.dispose();
    }
    const untrack = this.relay.track(connection);
    connection.once('close', untrack);
  }

  private onStats(stats: LinkStats): void {
    this.emit('stats', stats);
    void this.quality.update(stats, videoSender(this.media?.peerConnection), performance.now());
  }

  private onQuality(report: QualityReport): void {
    this.emit('quality', report);
    this.send({ v: 1, type: 'quality', level: report.level, ...(report.reason ? { reason: report.reason.slice(0, 200) } : {}) });
  }

  private outgoingVideo(): MediaStreamTrack | undefined {
    return this.videoOverride ?? this.deps.localStream?.getVideoTracks()[0];
  }

  private outgoingStream(): MediaStream | undefined {
    const local = this.deps.localStream;
    if (!local || !this.videoOverride) return local ?? undefined;
    return new MediaStream([...local.getAudioTracks(), this.videoOverride]);
  }

  /** Waits until the data channel has handed its queue over (or `timeoutMs`), plus a little for the wire. */
  private async drain(timeoutMs: number): Promise<void> {
    const connection = this.data?.connection;
    if (!connection?.open) return;
    const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline && (connection.dataChannel?.bufferedAmount ?? 0) > 0) await pause(20);
    // Handed to SCTP is not yet delivered: closing the peer connection at once could drop it.
    await pause(150);
  }

  private closeMedia(): void {
    this.stats.stop();
    for (const cleanup of this.mediaCleanups.splice(0)) cleanup();
    this.media?.close();
    this.media = null;
    // Registrations kept only for that call's sake are done with it.
    for (const old of this.retired.splice(0)) old.destroy();
  }

  private setState(state: CustomerCallState, detail: string | null): void {
    if (this.state === state && detail === null) return;
    this.state = state;
    this.emit('state', state, detail);
  }
}
