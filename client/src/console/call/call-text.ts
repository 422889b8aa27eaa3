// What each console panel says about the call, all from one ConsoleCall, so no two panels can
// disagree: the header's status, the video's badge and caption, the connection panel, the recording
// panel's note and the call button. Pure, beside its tests.
import type { LinkState } from '../../../../protocol/http.ts';
import { isInCall, type ConsoleCall } from './call-state.ts';

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral';

/** Before a call, with the customer away: the header's words for where their join link stands. */
const AWAY_STATUS: Record<LinkState, { text: string; tone: Tone }> = {
  'not-opened': { text: 'Link not opened', tone: 'neutral' },
  opened: { text: 'Link opened', tone: 'neutral' },
  waiting: { text: 'Customer not connected', tone: 'neutral' },
  declined: { text: 'Customer declined', tone: 'bad' },
  expired: { text: 'Link expired', tone: 'bad' },
};

/** The header's status: the one element that names the call's state; `link`: the join link's state, when known. */
export function statusText(call: ConsoleCall, link?: LinkState): { text: string; tone: Tone } {
  switch (call.phase) {
    case 'idle':
      if (call.presence !== 'offline') return { text: 'Customer waiting', tone: 'warn' };
      return link ? AWAY_STATUS[link] : { text: 'Customer not connected', tone: 'neutral' };
    case 'connecting':
      return { text: 'Connecting…', tone: 'warn' };
    case 'connected':
      return { text: 'In call', tone: 'ok' };
    case 'dropped':
      return { text: 'Customer dropped', tone: 'bad' };
    case 'reconnecting':
      return { text: 'Reconnecting…', tone: 'warn' };
    case 'ended':
      return { text: call.endedBy === 'customer' ? 'Call ended by the customer' : 'Call ended', tone: 'neutral' };
    case 'failed':
      return { text: 'Call failed', tone: 'bad' };
  }
}

/** Why the customer sends no picture, when their page says so (never guessed from missing frames). */
export function cameraOffText(call: ConsoleCall): string | null {
  if (call.phase !== 'connected') return null;
  if (call.mode === 'text') return 'The customer is on text chat only';
  if (call.mode === 'voice') return 'The customer is on voice only';
  if (call.media && !call.media.camera) return 'The customer’s camera is off';
  if (call.quality?.level === 'audio-only') return call.quality.reason?.includes('chose') ? 'The customer chose audio only' : 'Audio only — the customer’s link is too weak for video';
  return null;
}

/** The customer muted their microphone (connected only: otherwise nothing is heard anyway). */
export function mutedText(call: ConsoleCall): string | null {
  return call.phase === 'connected' && call.media && !call.media.microphone ? 'Customer muted' : null;
}

/** The picture is expected: connected, and the customer's page has not said it sends none. */
export function expectsPicture(call: ConsoleCall): boolean {
  return call.phase === 'connected' && cameraOffText(call) === null;
}

/** Before a call, with the customer away: what their join link says about where things stand. */
const AWAY_CAPTION: Record<LinkState, string> = {
  'not-opened': 'Waiting for the customer to open the link…',
  opened: 'The customer has opened the link. Waiting for them to agree and join…',
  waiting: 'Waiting for the customer to open the link…',
  declined: 'The customer declined. They can start again from their link while it works.',
  expired: 'The join link has expired. Make a new one to invite the customer.',
};

/**
 * The words over the video when no picture shows; `frames`: the <video> has a picture to show;
 * `link`: the state of the case's join link, when known.
 */
export function videoCaption(call: ConsoleCall, frames: boolean, link?: LinkState): string | null {
  switch (call.phase) {
    case 'idle':
      return call.presence === 'offline' ? AWAY_CAPTION[link ?? 'not-opened'] : 'The customer is ready. Connect to start the call.';
    case 'connecting':
      return 'Calling the customer…';
    case 'connected':
      return cameraOffText(call) ?? (frames ? null : 'Waiting for the customer’s picture…');
    case 'dropped':
      return 'The customer’s connection dropped. Waiting for them to come back…';
    case 'reconnecting':
      return 'The connection to the customer was lost. Reconnecting…';
    case 'ended':
      return call.endedBy === 'customer' ? 'The customer ended the call.' : 'You ended the call.';
    case 'failed':
      return call.failure ?? 'The call could not be placed.';
  }
}

/** The badge over the video (a short form of the status). */
export function videoBadge(call: ConsoleCall): string {
  if (call.phase === 'connected') return mutedText(call) ? 'Live · customer muted' : 'Live';
  if (call.phase === 'idle') return 'Not connected';
  return statusText(call).text;
}

const scoreWords = ['No media', 'Bad', 'Poor', 'Fair', 'Good', 'Excellent'];

/** The connection panel's word beside the score bars. */
export function connectionWord(call: ConsoleCall, score: number | null): string {
  switch (call.phase) {
    case 'idle':
      return 'No call';
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return score === null || !call.measured ? 'Measuring…' : (scoreWords[score] ?? 'No media');
    case 'dropped':
      return 'Customer dropped';
    case 'reconnecting':
      return 'Reconnecting…';
    case 'ended':
      return 'Call ended';
    case 'failed':
      return 'Call failed';
  }
}

/** What the customer's page says it sends, when it is less than its best (connected only). */
export function customerQualityText(call: ConsoleCall): string | null {
  const q = call.quality;
  if (call.phase !== 'connected' || !q || q.level === 'high') return null;
  return `Customer sending ${q.level === 'audio-only' ? 'audio only' : `${q.level} quality video`}${q.reason ? ` (${q.reason})` : ''}.`;
}

/** The recording panel's note on the call while it records. */
export function recordingNote(call: ConsoleCall): string | null {
  if (call.phase === 'dropped') return 'The customer dropped; recording goes on until the call ends.';
  if (call.phase === 'reconnecting') return 'Reconnecting; recording goes on until the call ends.';
  return null;
}

/** The call button: connect (again) or hang up. */
export function callAction(call: ConsoleCall, connectLabel = 'Connect'): { kind: 'connect' | 'hang-up'; label: string; disabled: boolean } {
  if (isInCall(call)) return { kind: 'hang-up', label: 'Hang up', disabled: false };
  const again = call.phase === 'ended' || call.phase === 'failed';
  return { kind: 'connect', label: again ? 'Call again' : connectLabel, disabled: call.presence === 'offline' };
}

/** Why the tools that act on the customer's page are down, or null while they work. */
export function toolsDownText(call: ConsoleCall): string | null {
  if (isLive(call)) return null;
  switch (call.phase) {
    case 'connecting':
      return 'The tools work once the call is connected.';
    case 'connected':
      return 'The link to the customer’s page is opening…';
    case 'dropped':
    case 'reconnecting':
      return 'The tools come back when the customer is connected again.';
    default:
      return 'Connect to the customer to annotate the live picture and measure.';
  }
}

/** Tools that act on the customer's page work: connected with the data channel open. */
export function isLive(call: ConsoleCall): boolean {
  return call.phase === 'connected' && call.channel;
}
