// One-time codes that prove an existing case is the customer's: six digits (crypto.randomInt), kept
// only as a hash bound to the case, ten minutes, five attempts; and the case references the front door
// gives ("SL-7K3QXM": no 0/O or 1/I to misread on a phone).
import crypto from 'node:crypto';
import { translators } from '../../i18n/translate.ts';
import type { EmailMessage } from '../../links/link-message.ts';

export const CODE_TTL_MS = 10 * 60_000;
export const MAX_CODE_ATTEMPTS = 5;
/** Compared against when the reference names no case, so an unknown reference costs the same work. */
export const NO_CASE = 'case_none';

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function newReference(): string {
  let out = 'SL-';
  for (let i = 0; i < 6; i++) out += REFERENCE_ALPHABET[crypto.randomInt(REFERENCE_ALPHABET.length)];
  return out;
}

export function newCode(): string {
  return String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Bound to the case, so a stored hash cannot be replayed against another case. */
export function codeHash(caseId: string, code: string): string {
  return crypto.createHash('sha256').update(`${caseId}:${code}`, 'utf8').digest('hex');
}

/** Constant-time: both are 64 hex characters whatever was typed. */
export function codeMatches(storedHash: string, caseId: string, code: string): boolean {
  return crypto.timingSafeEqual(Buffer.from(codeHash(caseId, code), 'utf8'), Buffer.from(storedHash.padEnd(64, '0').slice(0, 64), 'utf8'));
}

/** A hash no code has: what an unknown reference is compared against. */
export const UNMATCHABLE_HASH = 'x'.repeat(64);

/** The code by SMS, in the customer's language (messages.json; English when none). */
export function codeSms(input: { organisation: string | null; code: string; language?: string | null }): string {
  return translators().for(input.language).t('messages:code.sms', { organisation: input.organisation ?? 'Sightline', code: input.code });
}

/** Stands in for the code while the sentence around it is escaped, then becomes the code in <strong>. */
const CODE_MARK = '\u0001';

/** `reference`: the case's claim number or front-door reference; null when it has none (the sentence then names no case, never its internal id). */
export function codeEmail(input: { organisation: string | null; code: string; reference: string | null; language?: string | null }): EmailMessage {
  const { t, language } = translators().for(input.language);
  const who = input.organisation ?? 'Sightline';
  const rules = t('messages:code.rules', { organisation: who });
  const yourCodeIs = (code: string) => (input.reference === null ? t('messages:code.yourCodeNoReference', { code }) : t('messages:code.yourCode', { reference: input.reference, code }));
  const text = `${yourCodeIs(input.code)}\n\n${rules}`;
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const yourCode = escape(yourCodeIs(CODE_MARK)).replace(CODE_MARK, `<strong>${input.code}</strong>`);
  return { subject: t('messages:code.subject', { organisation: who }), text, html: `<p>${yourCode}</p><p>${escape(rules)}</p>`, language };
}
