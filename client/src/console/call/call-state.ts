// The console's one account of the call, which every panel reads: what the assessor's call reports,
// where the customer's page is, and what the customer's page says about itself (hanging up, camera,
// microphone, mode, sending quality). A pure reducer, so each transition is a unit test.
import type { CasePresence } from '../../../../protocol/http.ts';
import type { CustomerMode, PeerMessage, QualityLevel } from '../../../../protocol/messages.ts';
import type { CallParty, CallState } from '../../call/call-types.ts';
import { i18next } from '../../i18n/i18n.ts';

/**
 * - idle: no call yet (the customer is away or waiting);
 * - connecting: the assessor is calling;
 * - connected: media flows (possibly again, after a drop: `recovered`);
 * - dropped: the customer's page left the server during the call and no media arrives from it
 *   (a page that re-registers while its media flows has not dropped);
 * - reconnecting: the link broke, the call is being repaired or placed afresh;
 * - ended: someone hung up on purpose (`endedBy`); failed: the call could not be (re)made.
 */
export type CallPhase = 'idle' | 'connecting' | 'connected' | 'dropped' | 'reconnecting' | 'ended' | 'failed';

/** The customer's own controls, as their page reports them (media-state). */
export interface CustomerMedia {
  microphone: boolean;
  camera: boolean;
}

export interface ConsoleCall {
  phase: CallPhase;
  /** Where the customer's page is, as the server last said. */
  presence: CasePresence;
  /** The data channel to the customer's page is open. */
  channel: boolean;
  /** Link statistics have arrived since the link last came up. */
  measured: boolean;
  /** The last statistics saw media arrive from the customer. */
  flowing: boolean;
  /** Reported by the customer's page during this call; null until it does. */
  media: CustomerMedia | null;
  mode: CustomerMode | null;
  quality: { level: QualityLevel; reason: string | null } | null;
  /** Connected again after a drop in this call. */
  recovered: boolean;
  endedBy: CallParty | null;
  /** Why the call failed, in words for the assessor. */
  failure: string | null;
}

export type CallInput =
  | { type: 'presence'; presence: CasePresence }
  | { type: 'call'; state: CallState; detail: string | null; endedBy: CallParty | null }
  | { type: 'channel'; open: boolean }
  | { type: 'stats'; flowing: boolean }
  | { type: 'message'; message: PeerMessage };

export const initialCall = (presence: CasePresence): ConsoleCall => ({
  phase: 'idle',
  presence,
  channel: false,
  measured: false,
  flowing: false,
  media: null,
  mode: null,
  quality: null,
  recovered: false,
  endedBy: null,
  failure: null,
});

const inCallPhases: readonly CallPhase[] = ['connecting', 'connected', 'dropped', 'reconnecting'];

/** The call is being placed, up, or being repaired: the assessor can hang up. */
export const isInCall = (call: ConsoleCall): boolean => inCallPhases.includes(call.phase);

export function callReducer(call: ConsoleCall, input: CallInput): ConsoleCall {
  switch (input.type) {
    case 'presence':
      return onPresence(call, input.presence);
    case 'call':
      return onCallState(call, input);
    case 'channel':
      return { ...call, channel: input.open };
    case 'stats':
      return onStats(call, input.flowing);
    case 'message':
      return onMessage(call, input.message);
  }
}

function onPresence(call: ConsoleCall, presence: CasePresence): ConsoleCall {
  const next = { ...call, presence };
  // The server saw the customer's page go and nothing arrives from it: say so now, not when ICE notices.
  if (call.phase === 'connected' && presence === 'offline' && !call.flowing) return { ...next, phase: 'dropped' };
  if (call.phase === 'dropped' && presence !== 'offline') return { ...next, phase: 'connected', recovered: true };
  return next;
}

function onStats(call: ConsoleCall, flowing: boolean): ConsoleCall {
  if (call.phase === 'dropped') return flowing ? { ...call, phase: 'connected', flowing, recovered: true } : call;
  if (call.phase !== 'connected') return call;
  if (!flowing && call.presence === 'offline') return { ...call, phase: 'dropped', measured: true, flowing };
  return call.measured && call.flowing === flowing ? call : { ...call, measured: true, flowing };
}

function onCallState(call: ConsoleCall, input: Extract<CallInput, { type: 'call' }>): ConsoleCall {
  switch (input.state) {
    case 'idle':
      return { ...initialCall(call.presence) };
    case 'connecting':
      // A new call: nothing the customer's page said in an earlier one holds.
      return { ...initialCall(call.presence), phase: 'connecting' };
    case 'connected':
      return { ...call, phase: 'connected', failure: null, recovered: call.recovered || call.phase === 'dropped' || call.phase === 'reconnecting' };
    case 'reconnecting':
      if (call.phase === 'ended') return call;
      return { ...call, phase: 'reconnecting', measured: false, flowing: false };
    case 'ended':
      return { ...call, phase: 'ended', channel: false, measured: false, endedBy: call.endedBy ?? input.endedBy ?? 'assessor' };
    case 'failed':
      return { ...call, phase: 'failed', channel: false, measured: false, failure: input.detail ?? i18next.t('console:call.caption.failed') };
  }
}

function onMessage(call: ConsoleCall, message: PeerMessage): ConsoleCall {
  if (!isInCall(call)) return call;
  switch (message.type) {
    case 'call-end':
      return message.by === 'customer' ? { ...call, phase: 'ended', channel: false, measured: false, endedBy: 'customer' } : call;
    case 'media-state':
      return { ...call, media: { microphone: message.microphone, camera: message.camera } };
    case 'mode':
      return { ...call, mode: message.mode };
    case 'quality':
      return { ...call, quality: { level: message.level, reason: message.reason ?? null } };
    default:
      return call;
  }
}
