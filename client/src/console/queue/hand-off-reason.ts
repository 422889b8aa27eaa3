// Why the digital assistant handed a customer over, in the console's language. The server words the
// reason in English (server/src/frontdoor/agent/hand-off-summary.ts, reasonOf); its four forms are
// read back here and said in the page's language; anything else is shown as the server wrote it.
import { i18next } from '../../i18n/i18n.ts';

const KNOWN: [RegExp, string][] = [
  [/^a complaint: a person was offered at once$/, 'complaint'],
  [/^the customer asked for a person$/, 'personAsked'],
  [/^the customer asked to continue with a person$/, 'continue'],
  [/^the assistant could not answer "([\s\S]*)"$/, 'notAnswered'],
];

export function handOffReasonWords(reason: string): string {
  for (const [pattern, key] of KNOWN) {
    const match = pattern.exec(reason);
    if (match) return i18next.t(`console:queue.summary.reason.${key}`, { question: match[1] ?? '' });
  }
  return reason;
}
