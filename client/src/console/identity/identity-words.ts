// An identity check in words for the console: its state, and the MRZ's fields each with its check digit's
// verdict spelled out (never colour alone), an expiry in the past called expired. Pure.
import type { IdentityDocument, MrzReading } from '../../../../protocol/identity.ts';
import type { IdentityCheckState, IdentityCheckView } from '../../../../protocol/identity-http.ts';

export const DOCUMENT_WORDS: Record<IdentityDocument, string> = { passport: 'Passport', 'id-card': 'ID card', 'driving-licence': 'Driving licence' };

export const STATE_WORDS: Record<IdentityCheckState, string> = {
  requested: 'Waiting for the customer’s photos',
  submitted: 'Photos received: compare them and decide',
  passed: 'Passed',
  failed: 'Failed',
  cancelled: 'Withdrawn',
};

/** The one-time code of a check that asks for one, in words (never a tick alone); null when none is asked. */
export function codeWords(check: Pick<IdentityCheckView, 'withCode' | 'codeSentTo' | 'codeConfirmedAt'>): { text: string; confirmed: boolean } | null {
  if (!check.withCode) return null;
  if (check.codeConfirmedAt !== null) return { text: `Code confirmed ✓ (the customer entered the code sent to ${check.codeSentTo ?? 'their contact on file'})`, confirmed: true };
  if (check.codeSentTo === null) return { text: 'Code pending: not sent yet (the customer can ask for one on their page)', confirmed: false };
  return { text: `Code pending: sent to ${check.codeSentTo}, not entered yet`, confirmed: false };
}

export type CheckVerdict = 'valid' | 'invalid' | null;

export interface MrzRow {
  label: string;
  value: string;
  /** The field's check digit: null where the field has none. */
  check: CheckVerdict;
  /** A note after the value ("expired"). */
  note?: string;
}

const verdict = (holds: boolean): CheckVerdict => (holds ? 'valid' : 'invalid');

export const VERDICT_WORDS: Record<Exclude<CheckVerdict, null>, string> = { valid: '✓ check digit valid', invalid: '✗ check digit does not match' };

/** The rows the console shows for a reading; `today` is YYYY-MM-DD. */
export function mrzRows(mrz: MrzReading, today: string): MrzRow[] {
  const unreadable = 'unreadable';
  const name = [mrz.givenNames, mrz.surname].filter((part) => part).join(' ');
  const expired = mrz.expiryDate !== null && mrz.expiryDate < today;
  return [
    { label: 'Name', value: name || unreadable, check: null },
    { label: 'Document number', value: mrz.documentNumber ?? unreadable, check: verdict(mrz.checkDigits.documentNumber) },
    { label: 'Nationality', value: mrz.nationality ?? unreadable, check: null },
    { label: 'Date of birth', value: mrz.birthDate ?? unreadable, check: verdict(mrz.checkDigits.birthDate) },
    { label: 'Expiry', value: mrz.expiryDate ?? unreadable, check: verdict(mrz.checkDigits.expiryDate), ...(expired ? { note: 'expired' } : {}) },
    ...(mrz.checkDigits.composite === null ? [] : [{ label: 'Whole zone', value: `${mrz.format} (${mrz.lines.length} lines)`, check: verdict(mrz.checkDigits.composite) }]),
  ];
}

/** One line under the fields: whether the zone holds together. */
export function mrzSummary(mrz: MrzReading | null): string {
  if (mrz === null) return 'No machine-readable zone could be read from the photos: compare the document by eye.';
  return mrz.valid ? 'Every check digit is valid.' : 'Some check digits do not match: the zone was misread or altered. Compare the photo closely.';
}
