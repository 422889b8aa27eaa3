// What each console panel says about the call, all from one ConsoleCall, so no two panels can
// disagree: the header's status, the video's badge and caption, the connection panel, the recording
// panel's note and the call button. Pure, beside its tests.
import type { LinkState } from '../../../../protocol/http.ts';
import { i18next } from '../../i18n/i18n.ts';
import { isInCall, type ConsoleCall } from './call-state.ts';

const t = (key: string, options?: Record<string, unknown>): string => i18next.t(`console:call.${key}`, options);

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral';

/** Before a call, with the customer away: the header's words for where their join link stands. */
const AWAY_STATUS: Record<LinkState, { key: string; tone: Tone }> = {
  'not-opened': { key: 'status.linkNotOpened', tone: 'neutral' },
  opened: { key: 'status.linkOpened', tone: 'neutral' },
  waiting: { key: 'status.notConnected', tone: 'neutral' },
  declined: { key: 'status.declined', tone: 'bad' },
  expired: { key: 'status.linkExpired', tone: 'bad' },
};

/** The header's status: the one element that names the call's state; `link`: the join link's state, when known. */
export function statusText(call: ConsoleCall, link?: LinkState): { text: string; tone: Tone } {
  switch (call.phase) {
    case 'idle':
      if (call.presence !== 'offline') return { text: t('status.waiting'), tone: 'warn' };
      return link ? { text: t(AWAY_STATUS[link].key), tone: AWAY_STATUS[link].tone } : { text: t('status.notConnected'), tone: 'neutral' };
    case 'connecting':
      return { text: t('status.connecting'), tone: 'warn' };
    case 'connected':
      return { text: t('status.inCall'), tone: 'ok' };
    case 'dropped':
      return { text: t('status.dropped'), tone: 'bad' };
    case 'reconnecting':
      return { text: t('status.reconnecting'), tone: 'warn' };
    case 'ended':
      return { text: t(call.endedBy === 'customer' ? 'status.endedByCustomer' : 'status.ended'), tone: 'neutral' };
    case 'failed':
      return { text: t('status.failed'), tone: 'bad' };
  }
}

/** Why the customer sends no picture, when their page says so (never guessed from missing frames). */
export function cameraOffText(call: ConsoleCall): string | null {
  if (call.phase !== 'connected') return null;
  if (call.mode === 'text') return t('cameraOff.text');
  if (call.mode === 'voice') return t('cameraOff.voice');
  if (call.media && !call.media.camera) return t('cameraOff.camera');
  // The customer's page never drops to audio only by itself (on a weak link it offers it): it is their choice.
  if (call.quality?.level === 'audio-only') return t('cameraOff.choseAudio');
  return null;
}

/** The customer muted their microphone (connected only: otherwise nothing is heard anyway). */
export function mutedText(call: ConsoleCall): string | null {
  return call.phase === 'connected' && call.media && !call.media.microphone ? t('muted') : null;
}

/** The picture is expected: connected, and the customer's page has not said it sends none. */
export function expectsPicture(call: ConsoleCall): boolean {
  return call.phase === 'connected' && cameraOffText(call) === null;
}

/** Before a call, with the customer away: what their join link says about where things stand. */
const AWAY_CAPTION: Record<LinkState, string> = {
  'not-opened': 'caption.notOpened',
  opened: 'caption.opened',
  waiting: 'caption.notOpened',
  declined: 'caption.declined',
  expired: 'caption.expired',
};

/**
 * The words over the video when no picture shows; `frames`: the <video> has a picture to show;
 * `link`: the state of the case's join link, when known.
 */
export function videoCaption(call: ConsoleCall, frames: boolean, link?: LinkState): string | null {
  switch (call.phase) {
    case 'idle':
      return t(call.presence === 'offline' ? AWAY_CAPTION[link ?? 'not-opened'] : 'caption.ready');
    case 'connecting':
      return t('caption.calling');
    case 'connected':
      return cameraOffText(call) ?? (frames ? null : t('caption.waitingPicture'));
    case 'dropped':
      return t('caption.dropped');
    case 'reconnecting':
      return t('caption.reconnecting');
    case 'ended':
      return t(call.endedBy === 'customer' ? 'caption.endedByCustomer' : 'caption.endedByYou');
    case 'failed':
      return call.failure ?? t('caption.failed');
  }
}

/** The badge over the video (a short form of the status). */
export function videoBadge(call: ConsoleCall): string {
  if (call.phase === 'connected') return t(mutedText(call) ? 'badge.liveMuted' : 'badge.live');
  if (call.phase === 'idle') return t('badge.notConnected');
  return statusText(call).text;
}

const scoreWords = ['noMedia', 'bad', 'poor', 'fair', 'good', 'excellent'];

/** The connection panel's word beside the score bars. */
export function connectionWord(call: ConsoleCall, score: number | null): string {
  switch (call.phase) {
    case 'idle':
      return t('score.noCall');
    case 'connecting':
      return t('status.connecting');
    case 'connected':
      return t(score === null || !call.measured ? 'score.measuring' : `score.${scoreWords[score] ?? 'noMedia'}`);
    case 'dropped':
      return t('status.dropped');
    case 'reconnecting':
      return t('status.reconnecting');
    case 'ended':
      return t('status.ended');
    case 'failed':
      return t('status.failed');
  }
}

/** What the customer's page says it sends, when it is less than its best (connected only). */
export function customerQualityText(call: ConsoleCall): string | null {
  const q = call.quality;
  if (call.phase !== 'connected' || !q || q.level === 'high') return null;
  const sending = q.level === 'audio-only' ? t('sending.audioOnly') : t(`sending.${q.level}`);
  return q.reason ? t('sending.withReason', { sending, reason: q.reason }) : t('sending.plain', { sending });
}

/** The recording panel's note on the call while it records. */
export function recordingNote(call: ConsoleCall): string | null {
  if (call.phase === 'dropped') return t('recording.dropped');
  if (call.phase === 'reconnecting') return t('recording.reconnecting');
  return null;
}

/** The call button: connect (again) or hang up. */
export function callAction(call: ConsoleCall, connectLabel = t('action.connect')): { kind: 'connect' | 'hang-up'; label: string; disabled: boolean } {
  if (isInCall(call)) return { kind: 'hang-up', label: t('action.hangUp'), disabled: false };
  const again = call.phase === 'ended' || call.phase === 'failed';
  return { kind: 'connect', label: again ? t('action.callAgain') : connectLabel, disabled: call.presence === 'offline' };
}

/** Why the tools that act on the customer's page are down, or null while they work. */
export function toolsDownText(call: ConsoleCall): string | null {
  if (isLive(call)) return null;
  switch (call.phase) {
    case 'connecting':
      return t('tools.connecting');
    case 'connected':
      return t('tools.opening');
    case 'dropped':
    case 'reconnecting':
      return t('tools.reconnecting');
    default:
      return t('tools.idle');
  }
}

/** Tools that act on the customer's page work: connected with the data channel open. */
export function isLive(call: ConsoleCall): boolean {
  return call.phase === 'connected' && call.channel;
}
