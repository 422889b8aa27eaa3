// The browser's Web Speech recognition, as far as captions need it: which features it has, what it says
// about a language on the device, installing one (on the customer's tap), and a recogniser kept on the
// device (`processLocally`) that listens to a given audio track — the assessor's, never the microphone.
import type { OnDeviceStatus, SpeechFeatures } from './captions-support.ts';

interface RecognitionResult {
  readonly isFinal: boolean;
  readonly length: number;
  readonly [index: number]: { readonly transcript: string };
}

export interface RecognitionResultEvent extends Event {
  readonly results: { readonly length: number; readonly [index: number]: RecognitionResult };
}

export interface RecognitionErrorEvent extends Event {
  readonly error: string;
}

/** The part of SpeechRecognition used here (not in every TypeScript DOM library yet). */
export interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  processLocally: boolean;
  onresult: ((event: RecognitionResultEvent) => void) | null;
  onerror: ((event: RecognitionErrorEvent) => void) | null;
  onend: (() => void) | null;
  /** With a track: recognises that track's audio instead of opening the microphone. */
  start(track: MediaStreamTrack): void;
  abort(): void;
}

interface RecognitionClass {
  new (): Recognition;
  readonly prototype: object;
  available?: (options: { langs: string[]; processLocally: boolean }) => Promise<OnDeviceStatus>;
  install?: (options: { langs: string[]; processLocally: boolean }) => Promise<boolean>;
}

function recognitionClass(): RecognitionClass | null {
  if (typeof window === 'undefined') return null;
  const found: unknown = Reflect.get(window, 'SpeechRecognition') ?? Reflect.get(window, 'webkitSpeechRecognition');
  return typeof found === 'function' ? (found as RecognitionClass) : null;
}

export function speechFeatures(): SpeechFeatures {
  const Class = recognitionClass();
  return {
    recognition: Class !== null,
    processLocally: Class !== null && 'processLocally' in Class.prototype,
    onDeviceLanguages: typeof Class?.available === 'function' && typeof Class.install === 'function',
  };
}

/** available() for on-device recognition of `language`; 'unavailable' when it cannot say (blocked by policy, say). */
export async function onDeviceStatus(language: string): Promise<OnDeviceStatus> {
  const Class = recognitionClass();
  if (!Class?.available) return 'unavailable';
  return Class.available({ langs: [language], processLocally: true }).catch(() => 'unavailable' as const);
}

/** Installs `language` for on-device recognition; only from a tap (the browser asks for a user gesture). */
export async function installLanguage(language: string): Promise<boolean> {
  const Class = recognitionClass();
  if (!Class?.install) return false;
  return Class.install({ langs: [language], processLocally: true }).catch(() => false);
}

/** A continuous recogniser with interim results, kept on the device; null without speech recognition. */
export function createRecognition(language: string): Recognition | null {
  const Class = recognitionClass();
  if (!Class) return null;
  const recognition = new Class();
  recognition.lang = language;
  recognition.continuous = true;
  recognition.interimResults = true;
  recognition.processLocally = true;
  return recognition;
}

/** The session's words so far: final results and the one still being heard. */
export function transcriptOf(event: RecognitionResultEvent, separator: string): string {
  const parts: string[] = [];
  for (let i = 0; i < event.results.length; i++) {
    const result = event.results[i];
    const best = result && result.length > 0 ? result[0] : undefined;
    if (best) parts.push(best.transcript.trim());
  }
  return parts.filter(Boolean).join(separator);
}
