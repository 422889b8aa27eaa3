// The one string schema of the protocol: every string field is built on `text()`, so ill-formed text
// is refused once, at whichever boundary parses it. A lone UTF-16 surrogate ("\ud800", which a JSON
// `\u` escape can carry) survives JSON and the ledger's canonical JSON as it is, but SQLite, every
// UTF-8 encoder and the PDF turn it into U+FFFD: stored and shown text would differ from signed text.
import { z } from 'zod';

/**
 * A surrogate code point not paired with its other half; in `u` mode a pair is one code point, so
 * only a lone one matches. (`String.prototype.isWellFormed` says the same, but is ES2024: neither in
 * this project's TypeScript lib nor in every browser the customer's page supports.)
 */
const LONE_SURROGATE = /\p{Cs}/u;

export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

export const ILL_FORMED_TEXT = 'must be well-formed Unicode text: it has an unpaired UTF-16 surrogate';

/** `z.string()` that refuses ill-formed text; chain `.trim()`, `.max()`, `.regex()`… on it as on `z.string()`. */
export function text() {
  return z.string().refine(isWellFormedText, { message: ILL_FORMED_TEXT });
}
