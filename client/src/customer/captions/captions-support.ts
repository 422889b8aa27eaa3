// Whether live captions can run on this device, from what the browser exposes. Pure, so the decision
// is unit tested; speech-recognition.ts gathers the facts. Captions are made only by on-device
// recognition of the assessor's own audio track: anything less (no on-device mode, no way to ask which
// languages are on the device) is "not available", never a fallback that sends call audio elsewhere.

/** What SpeechRecognition.available({ langs, processLocally: true }) answers. */
export type OnDeviceStatus = 'available' | 'downloadable' | 'downloading' | 'unavailable';

export interface SpeechFeatures {
  /** A SpeechRecognition constructor, prefixed or not. */
  recognition: boolean;
  /** Its instances take `processLocally` (recognition that must stay on the device). */
  processLocally: boolean;
  /** The static `available()` and `install()`: the device can say whether the language is there. */
  onDeviceLanguages: boolean;
}

export type CaptionsDecision =
  /** Not on this device: say so, offer the chat. */
  | 'unavailable'
  /** Ask available() for the language (the answer is not in yet). */
  | 'checking'
  /** The language can be installed: offer it (install() needs the customer's tap). */
  | 'download'
  | 'downloading'
  /** Ready, but there is no assessor audio to caption yet. */
  | 'waiting'
  | 'ready';

/** `status`: available()'s answer, null while not asked; `remoteAudio`: the call has the assessor's audio track. */
export function decideCaptions(features: SpeechFeatures, status: OnDeviceStatus | null, remoteAudio: boolean): CaptionsDecision {
  if (!features.recognition || !features.processLocally || !features.onDeviceLanguages) return 'unavailable';
  switch (status) {
    case null:
      return 'checking';
    case 'unavailable':
      return 'unavailable';
    case 'downloadable':
      return 'download';
    case 'downloading':
      return 'downloading';
    case 'available':
      return remoteAudio ? 'ready' : 'waiting';
  }
}

/**
 * The words to show: what was said before (earlier sessions) and now, the last `max` characters cut at a
 * space where there is one. `separator`: between the two, none for a language written without spaces.
 */
export function captionTail(earlier: string, current: string, max = 160, separator = ' '): string {
  const text = [earlier, current].map((s) => s.trim()).filter(Boolean).join(separator);
  if (text.length <= max) return text;
  const tail = text.slice(-max);
  const space = tail.indexOf(' ');
  return space > 0 && space < max / 3 ? tail.slice(space + 1) : tail;
}
