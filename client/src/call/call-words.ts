// What the call layer says about a call that fails or ends, in two renderings: the page's language for
// the person reading it, and English for what is reported to the server (the ledger keeps
// language-neutral facts). Messages live in the `call` namespace.
import { i18next } from '../i18n/i18n.ts';

/** A message of the `call` namespace and its values. */
export interface CallWords {
  key: string;
  values?: Record<string, string>;
}

/** In the page's language, for the screen. */
export const callText = (words: CallWords): string => i18next.t(`call:${words.key}`, words.values);

/** In English, for the server's record of the call. */
export const callFact = (words: CallWords): string => i18next.getFixedT('en', 'call')(words.key, words.values);

/** A failure the call layer itself describes: its message is the English fact, its words say it on screen. */
export class CallError extends Error {
  constructor(readonly words: CallWords) {
    super(callFact(words));
    this.name = 'CallError';
  }
}

/** A failure in words for the assessor: ours as they are; the network's and the library's as best it can. */
export function failureWords(error: unknown): CallWords {
  if (error instanceof CallError) return error.words;
  if (!(error instanceof Error)) return { key: 'failure.notPlaced' };
  if (error.name === 'TimeoutError' || error.name === 'AbortError' || error instanceof TypeError) return { key: 'failure.serverUnreachable' };
  // A library's own sentence (PeerJS, the server's error message) is shown as it came.
  return /^[A-Z]/.test(error.message) ? { key: 'failure.asIs', values: { message: error.message } } : { key: 'failure.notPlacedBecause', values: { message: error.message } };
}
