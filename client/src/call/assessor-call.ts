// The assessor's side of a live call, with no React: registers the console on the signalling server,
// calls the customer (camera comes back, the assessor's mic or silence goes out), opens the data
// channel, polls link stats every second, and recovers from drops: ICE restart first, then a fresh
// call to the customer's current peer id. Every attempt's lifecycle is reported to the server. Either
// side hanging up on purpose says so on the data channel first (call-end), so neither redials. A call
// handed over (a warm transfer accepted) stays up until the colleague's call replaces it, then ends quietly.
import type { Peer } from 'peerjs';
import type { CallEventBody } from '../../../protocol/http.ts';
import type { PeerMessage } from '../../../protocol/messages.ts';
import { CallAttempt } from './call-attempt.ts';
import { CallError, callFact, callText, failureWords, type CallWords } from './call-words.ts';
import { CallReporter } from './call-reporter.ts';
import { callTimingDefaults, type AssessorCallDeps, type AssessorCallEvents, type CallParty, type CallState, type CallTimings } from './call-types.ts';
import { ConsoleRegistration } from './console-registration.ts';
import { Emitter } from '../lib/emitter.ts';
import { IceRestartRelay } from './ice-restart.ts';
import { silentAudio } from './local-media.ts';
import { StatsPoller } from './stats-poller.ts';
import { Timers } from '../lib/timers.ts';

export class AssessorCall extends Emitter<AssessorCallEvents> {
  private readonly timings: CallTimings;
  private state: CallState = 'idle';
  private readonly relay = new IceRestartRelay();
  private readonly registration: ConsoleRegistration;
  private readonly reporter: CallReporter;
  private attempt: CallAttempt | null = null;
  /** Messages queued on an attempt that failed, for the fresh call to deliver. */
  private carryOver: PeerMessage[] = [];
  private local: { stream: MediaStream; close: () => void } | null = null;
  /** The assessor muted their microphone: its track stays in the call, disabled (silence goes out). */
  private muted = false;
  private recovering = false;
  private redialUntil = 0;
  /** The session passed to a colleague during this call: no redial, no call-end to the customer. */
  private handedOver = false;
  private readonly timers = new Timers();
  private readonly stats = new StatsPoller('inbound', (stats) => this.emit('stats', stats));
  private disposed = false;

  constructor(private readonly deps: AssessorCallDeps) {
    super();
    this.timings = { ...callTimingDefaults, ...deps.timings };
    this.reporter = new CallReporter(deps.report);
    this.registration = new ConsoleRegistration({
      fetchCredential: deps.fetchCredential,
      relay: this.relay,
      inUse: (peer) => this.attempt?.media.provider === peer,
      onPeerError: (error) => {
        // The customer's peer id is gone (they reloaded or dropped): fail fast and redial.
        if (error.type === 'peer-unavailable' && this.attempt && !this.attempt.connected) this.attemptFailed({ key: 'failure.deviceGone' });
      },
    });
  }

  /** Places a call to the customer. */
  async connect(): Promise<void> {
    if (this.state === 'connecting' || this.state === 'connected' || this.state === 'reconnecting') return;
    this.recovering = false;
    this.redialUntil = 0;
    this.handedOver = false;
    await this.placeCall();
  }

  /**
   * The session passed to a colleague (a warm transfer accepted). The customer stays with this call
   * until their page answers the colleague's, which closes this one; then, or on any other drop or
   * hang-up, it ends without redialling and without telling the customer's page the call is over.
   * Without a call, nothing changes.
   */
  handOver(): void {
    if (!this.attempt || this.state === 'ended') return;
    this.handedOver = true;
    if (this.recovering) this.end('assessor');
  }

  /** Ends the call on purpose: the customer's page hears "call-end" before the call closes. */
  hangUp(): void {
    this.end('assessor');
  }

  /** Mutes or unmutes the assessor's microphone, now and for the calls after this one. */
  setMuted(muted: boolean): void {
    this.muted = muted;
    this.applyMute();
  }

  /** Sends a message to the customer; queued while the channel (re)opens. */
  send(message: PeerMessage): boolean {
    return this.attempt?.send(message) ?? false;
  }

  /** The connection to the customer now, or null: the participants' hub mixes into its audio sender. */
  customerConnection(): RTCPeerConnection | null {
    return this.attempt?.media.peerConnection ?? null;
  }

  dispose(): void {
    if (this.disposed) return;
    if (this.attempt) this.hangUp();
    this.disposed = true;
    this.timers.clearAll();
    this.stats.stop();
    this.relay.dispose();
    this.reporter.dispose();
    this.registration.dispose();
    this.local?.close();
    this.removeAllListeners();
  }

  private async placeCall(): Promise<void> {
    this.setState(this.recovering ? 'reconnecting' : 'connecting', null);
    try {
      const peer = await this.registration.ensure();
      const customerPeerId = await this.deps.fetchCustomerPeerId();
      if (this.cancelled()) return;
      if (!customerPeerId) throw new CallError({ key: 'failure.customerAway' });
      const local = await this.ensureLocalAudio();
      if (this.cancelled()) return;
      this.dial(peer, customerPeerId, local);
    } catch (error) {
      this.attemptFailed(failureWords(error));
    }
  }

  private dial(peer: Peer, customerPeerId: string, local: MediaStream): void {
    const attempt: CallAttempt = new CallAttempt(peer, customerPeerId, local, this.relay, {
      onStream: (stream) => {
        if (this.attempt === attempt) this.emit('stream', stream);
      },
      onIce: (ice) => this.onIceState(attempt, ice),
      onMediaClosed: () => this.onMediaClosed(attempt),
      onMessage: (message) => {
        if (this.attempt !== attempt) return;
        this.emit('message', message);
        if (message.type === 'call-end' && message.by === 'customer') this.end('customer');
      },
      onChannel: (open) => {
        if (this.attempt === attempt) this.emit('channel', open);
      },
    });
    this.reportEvent({ callId: attempt.callId, event: 'started' });
    for (const message of this.carryOver.splice(0)) attempt.send(message);
    this.attempt = attempt;
    // A fresh call after a drop gets less time: another fresh call gathers candidates anew.
    this.timers.after(this.recovering ? this.timings.redialConnectTimeoutMs : this.timings.connectTimeoutMs, () => {
      if (this.attempt === attempt && !attempt.connected) this.attemptFailed({ key: 'failure.connectTimeout' });
    });
    if (this.recovering) this.timers.after(2000, () => void this.watchCustomerPeer(attempt, customerPeerId));
  }

  /** After a drop the customer's page may register again under a new id: follow it at once. */
  private async watchCustomerPeer(attempt: CallAttempt, dialled: string): Promise<void> {
    const current = await this.deps.fetchCustomerPeerId().catch(() => dialled);
    if (this.attempt !== attempt || attempt.connected) return;
    if (current && current !== dialled) this.attemptFailed({ key: 'failure.registeredAgain' });
    else this.timers.after(2000, () => void this.watchCustomerPeer(attempt, dialled));
  }

  private onIceState(attempt: CallAttempt, ice: RTCIceConnectionState): void {
    if (this.attempt !== attempt) return;
    if (ice === 'connected' || ice === 'completed') {
      if (!attempt.connected) {
        attempt.connected = true;
        this.reportEvent({ callId: attempt.callId, event: 'connected' });
        this.stats.start(() => attempt.media.peerConnection, this.timings.statsIntervalMs);
      } else if (this.recovering) {
        this.reportEvent({ callId: attempt.callId, event: 'recovered' });
      }
      this.recovering = false;
      this.redialUntil = 0;
      this.timers.clearTimeouts();
      this.setState('connected', null);
    } else if ((ice === 'disconnected' || ice === 'failed') && attempt.connected) {
      if (this.handedOver) return this.end('assessor');
      this.beginRecovery(attempt, `network ${ice}`);
    }
  }

  /** ICE restart first; a fresh call if the link is not back within `recoveryMs`. */
  private beginRecovery(attempt: CallAttempt, why: string): void {
    if (this.recovering) return;
    this.recovering = true;
    this.setState('reconnecting', callText({ key: 'state.connectionLost' }));
    this.reportEvent({ callId: attempt.callId, event: 'reconnecting', detail: why });
    void this.restartIce(attempt);
    this.timers.after(this.timings.recoveryMs, () => {
      if (this.attempt === attempt && this.recovering) this.redial(`no media for ${this.timings.recoveryMs / 1000} s after ${why}`);
    });
  }

  /** Offers an ICE restart every few seconds while recovering; signalling may itself be coming back. */
  private async restartIce(attempt: CallAttempt, round = 1): Promise<void> {
    if (this.attempt !== attempt || !this.recovering) return;
    // No answer to the first offer: the signalling socket itself may be stuck, so register afresh.
    if (round > 1) this.registration.markSuspect();
    try {
      await this.registration.ensure();
      const customerPeerId = await this.deps.fetchCustomerPeerId();
      if (customerPeerId && this.attempt === attempt) {
        await this.relay.restart(attempt.media, customerPeerId);
        await this.relay.restart(attempt.dataConnection, customerPeerId);
      }
    } catch (error) {
      console.warn('ICE restart not possible yet', error instanceof Error ? error.message : error);
    }
    if (this.attempt === attempt && this.recovering) this.timers.after(3000, () => void this.restartIce(attempt, round + 1));
  }

  private onMediaClosed(attempt: CallAttempt): void {
    if (this.attempt !== attempt) return;
    if (!attempt.connected) return this.attemptFailed({ key: 'failure.deviceClosed' });
    if (this.handedOver) return this.end('assessor');
    if (!this.recovering) {
      this.recovering = true;
      this.reportEvent({ callId: attempt.callId, event: 'reconnecting', detail: 'connection closed' });
    }
    this.redial('the connection closed');
  }

  /** Gives up on the current attempt and places a fresh call, within the redial window. */
  private redial(detail: string): void {
    this.timers.clearTimeouts();
    this.endAttempt('failed', detail);
    this.registration.markSuspect();
    this.redialUntil ||= Date.now() + this.timings.redialWindowMs;
    void this.placeCall();
  }

  /** The server hears the failure in English; the assessor reads it in the console's language. */
  private attemptFailed(words: CallWords): void {
    this.timers.clearTimeouts();
    this.endAttempt('failed', callFact(words));
    const detail = callText(words);
    if (this.recovering && Date.now() < this.redialUntil) {
      this.setState('reconnecting', detail);
      this.timers.after(1500, () => void this.placeCall());
      return;
    }
    this.recovering = false;
    this.redialUntil = 0;
    this.setState('failed', detail);
  }

  private end(by: CallParty): void {
    this.recovering = false;
    this.redialUntil = 0;
    this.timers.clearTimeouts();
    this.carryOver = [];
    const why = this.handedOver ? 'handed over to a colleague' : by === 'assessor' ? 'the assessor hung up' : 'the customer hung up';
    // After a hand-over the customer's page must stay open for the colleague's call: no call-end.
    this.endAttempt('ended', why, by === 'assessor' && !this.handedOver);
    this.setState('ended', null, by);
  }

  /** `farewell`: tell the customer's page the assessor hung up before the connections close. */
  private endAttempt(event: 'ended' | 'failed', detail: string, farewell = false): void {
    const attempt = this.attempt;
    if (!attempt) return;
    this.attempt = null;
    this.stats.stop();
    this.reportEvent({ callId: attempt.callId, event, detail });
    const unsent = attempt.close(farewell ? { v: 1, type: 'call-end', by: 'assessor' } : undefined);
    if (event === 'failed') this.carryOver = unsent;
    this.registration.releaseOlder();
    this.emit('channel', false);
  }

  private async ensureLocalAudio(): Promise<MediaStream> {
    if (this.local) return this.local.stream;
    const mic = await this.deps.openMicrophone().catch(() => null);
    this.local = mic ? { stream: mic, close: () => mic.getTracks().forEach((t) => t.stop()) } : silentAudio();
    this.applyMute();
    return this.local.stream;
  }

  /** A disabled track sends silence on the same sender, so muting needs no renegotiation. */
  private applyMute(): void {
    for (const track of this.local?.stream.getAudioTracks() ?? []) track.enabled = !this.muted;
  }

  private reportEvent(event: CallEventBody): void {
    this.reporter.report(event);
  }

  private setState(state: CallState, detail: string | null, endedBy: CallParty | null = null): void {
    if (this.state === state && detail === null) return;
    this.state = state;
    this.emit('state', state, detail, endedBy);
  }

  /** True once the console closed or the assessor hung up while an await was pending. */
  private cancelled(): boolean {
    return this.disposed || this.state === 'ended';
  }
}
