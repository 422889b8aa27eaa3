// A third participant's page (an expert or a supervisor): registers on the signalling server, says it
// is in the session and how (its own mode), then answers the assessor's console, which calls it with the
// customer's camera and the call's voices, with its own camera and microphone. A silent listener's
// microphone sends silence. No React.
import type { MediaConnection, Peer } from 'peerjs';
import type { PeerCredential } from '../../../../protocol/http.ts';
import type { ParticipantMode } from '../../../../protocol/participant-session.ts';
import { Emitter } from '../../lib/emitter.ts';
import { CallError, callText } from '../call-words.ts';
import { openPeer } from '../signalling.ts';
import { hearingOf } from './hearing.ts';

export type ParticipantLinkState = 'idle' | 'joining' | 'waiting' | 'connected' | 'left' | 'failed';

export type ParticipantLinkEvents = {
  /** `detail` is for people (sentence case). */
  state: (state: ParticipantLinkState, detail: string | null) => void;
  /** What the console forwards: the customer's camera and the call's voices. */
  stream: (stream: MediaStream | null) => void;
  mode: (mode: ParticipantMode) => void;
};

export interface ParticipantLinkDeps {
  /** POST /api/cases/:id/peer */
  fetchCredential: () => Promise<PeerCredential>;
  /** POST /api/cases/:id/participants/session */
  enter: (mode: ParticipantMode, peerId: string) => Promise<void>;
  /** DELETE /api/cases/:id/participants/session; `keepalive` as the page closes. */
  leave: (keepalive: boolean) => Promise<void>;
  /** The participant's camera and microphone, or null to join with neither. */
  openMedia: () => Promise<MediaStream | null>;
}

export class ParticipantLink extends Emitter<ParticipantLinkEvents> {
  private peer: Peer | null = null;
  private local: MediaStream | null = null;
  private media: MediaConnection | null = null;
  private mode: ParticipantMode | null = null;
  /** The server has us in the session (the last enter succeeded, no leave since). */
  private entered = false;
  private disposed = false;

  constructor(private readonly deps: ParticipantLinkDeps) {
    super();
  }

  /** Joins in `mode`, or changes mode once joined. */
  async join(mode: ParticipantMode): Promise<void> {
    if (this.peer && !this.peer.destroyed) return this.setMode(mode);
    this.setState('joining', null);
    try {
      this.local ??= await this.deps.openMedia().catch(() => null);
      const peer = await openPeer(await this.deps.fetchCredential());
      if (this.disposed) {
        peer.destroy();
        return;
      }
      this.peer = peer;
      peer.on('call', (media) => this.answer(media));
      peer.on('disconnected', () => {
        // The console can no longer reach this registration: register again and say where.
        if (this.peer === peer && !this.disposed) void this.rejoin();
      });
      this.applyMode(mode);
      await this.deps.enter(mode, peer.id);
      this.entered = true;
      if (!this.media) this.setState('waiting', null);
    } catch (error) {
      this.stop();
      this.setState('failed', error instanceof CallError ? callText(error.words) : error instanceof Error ? error.message : callText({ key: 'failure.couldNotJoin' }));
    }
  }

  async setMode(mode: ParticipantMode): Promise<void> {
    if (!this.peer) return this.join(mode);
    const before = this.mode;
    this.applyMode(mode);
    try {
      await this.deps.enter(mode, this.peer.id);
    } catch (error) {
      if (before) this.applyMode(before);
      throw error;
    }
  }

  /** Leaves the session on purpose. */
  async leave(): Promise<void> {
    const wasIn = this.entered;
    this.entered = false;
    this.stop();
    this.setState('left', null);
    if (wasIn) await this.deps.leave(false);
  }

  /** The page is going away: say so without waiting. */
  dispose(): void {
    if (this.disposed) return;
    const wasIn = this.entered;
    this.entered = false;
    this.disposed = true;
    this.stop();
    if (wasIn) void this.deps.leave(true).catch(() => undefined);
    this.removeAllListeners();
  }

  private async rejoin(): Promise<void> {
    const mode = this.mode ?? 'full';
    const peer = this.peer;
    this.peer = null;
    peer?.destroy();
    await this.join(mode);
  }

  private answer(media: MediaConnection): void {
    this.media?.close();
    this.media = media;
    media.answer(this.local ?? undefined);
    media.on('stream', (stream) => {
      if (this.media !== media) return;
      this.emit('stream', stream);
      this.setState('connected', null);
    });
    media.on('close', () => {
      if (this.media !== media) return;
      this.media = null;
      this.emit('stream', null);
      if (!this.disposed && this.peer) this.setState('waiting', callText({ key: 'state.interrupted' }));
    });
  }

  /** A silent listener sends silence: their microphone track is disabled, not merely unplayed. */
  private applyMode(mode: ParticipantMode): void {
    this.mode = mode;
    for (const track of this.local?.getAudioTracks() ?? []) track.enabled = hearingOf(mode).speaks;
    this.emit('mode', mode);
  }

  private stop(): void {
    this.media?.close();
    this.media = null;
    // Forgotten before it is destroyed: destroying fires 'disconnected', which would register again.
    const peer = this.peer;
    this.peer = null;
    peer?.destroy();
    for (const track of this.local?.getTracks() ?? []) track.stop();
    this.local = null;
    this.emit('stream', null);
  }

  private setState(state: ParticipantLinkState, detail: string | null): void {
    if (!this.disposed) this.emit('state', state, detail);
  }
}
