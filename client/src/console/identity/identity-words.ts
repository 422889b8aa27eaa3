// An identity check in words for the console's language: its state, and the MRZ's fields each with its
// check digit's verdict spelled out (never colour alone), an expiry in the past called expired. Pure but
// for the message lookup (i18next.t).
import type { IdentityDocument, MrzReading } from '../../../../protocol/identity.ts';
import type { IdentityCheckState, IdentityCheckView } from '../../../../protocol/identity-http.ts';
import { i18next } from '../../i18n/i18n.ts';
import { translatedRecord } from '../../ui/translated-record.ts';

const t = (key: string, options?: Record<string, unknown>): string => i18next.t(`casework:identity.${key}`, options);

export const DOCUMENT_WORDS = translatedRecord<IdentityDocument>(['passport', 'id-card', 'driving-licence'], (d) => `casework:identity.documents.${d}`);

export const STATE_WORDS = translatedRecord<IdentityCheckState>(['requested', 'submitted', 'passed', 'failed', 'cancelled'], (s) => `casework:identity.states.${s}`);

/** The one-time code of a check that asks for one, in words (never a tick alone); null when none is asked. */
export function codeWords(check: Pick<IdentityCheckView, 'withCode' | 'codeSentTo' | 'codeConfirmedAt'>): { text: string; confirmed: boolean } | null {
  if (!check.withCode) return null;
  if (check.codeConfirmedAt !== null) return { text: t('code.confirmed', { recipient: check.codeSentTo ?? t('code.theirContact') }), confirmed: true };
  if (check.codeSentTo === null) return { text: t('code.notSent'), confirmed: false };
  return { text: t('code.sentTo', { recipient: check.codeSentTo }), confirmed: false };
}

export type CheckVerdict = 'valid' | 'invalid' | null;

export interface MrzRow {
  /** The field, the same in every language (test ids). */
  field: 'name' | 'document-number' | 'nationality' | 'date-of-birth' | 'expiry' | 'whole-zone';
  label: string;
  value: string;
  /** The field's check digit: null where the field has none. */
  check: CheckVerdict;
  /** A note after the value ("expired"). */
  note?: string;
}

const verdict = (holds: boolean): CheckVerdict => (holds ? 'valid' : 'invalid');

export const VERDICT_WORDS = translatedRecord<Exclude<CheckVerdict, null>>(['valid', 'invalid'], (v) => `casework:identity.mrz.${v}`);

/** The rows the console shows for a reading; `today` is YYYY-MM-DD. */
export function mrzRows(mrz: MrzReading, today: string): MrzRow[] {
  const unreadable = t('mrz.unreadable');
  const name = [mrz.givenNames, mrz.surname].filter((part) => part).join(' ');
  const expired = mrz.expiryDate !== null && mrz.expiryDate < today;
  return [
    { field: 'name', label: t('mrz.name'), value: name || unreadable, check: null },
    { field: 'document-number', label: t('mrz.documentNumber'), value: mrz.documentNumber ?? unreadable, check: verdict(mrz.checkDigits.documentNumber) },
    { field: 'nationality', label: t('mrz.nationality'), value: mrz.nationality ?? unreadable, check: null },
    { field: 'date-of-birth', label: t('mrz.birthDate'), value: mrz.birthDate ?? unreadable, check: verdict(mrz.checkDigits.birthDate) },
    { field: 'expiry', label: t('mrz.expiry'), value: mrz.expiryDate ?? unreadable, check: verdict(mrz.checkDigits.expiryDate), ...(expired ? { note: t('mrz.expired') } : {}) },
    ...(mrz.checkDigits.composite === null
      ? []
      : [{ field: 'whole-zone' as const, label: t('mrz.zone'), value: t('mrz.zoneValue', { format: mrz.format, count: mrz.lines.length }), check: verdict(mrz.checkDigits.composite) }]),
  ];
}

/** One line under the fields: whether the zone holds together. */
export function mrzSummary(mrz: MrzReading | null): string {
  if (mrz === null) return t('mrz.noZone');
  return t(mrz.valid ? 'mrz.allValid' : 'mrz.someInvalid');
}
