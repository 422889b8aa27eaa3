// The words of a settlement receipt sent to the customer: an SMS and an email with the receipt link, in
// the customer's language (messages.json; English when none), the amount formatted for it. Pure.
import { translators } from '../i18n/translate.ts';
import type { EmailMessage } from '../links/link-message.ts';

export interface ReceiptMessageInput {
  organisation: string | null;
  /** The operator's claim or policy number; null when the case has none (the sentence then names no case). */
  caseReference: string | null;
  decision: 'accepted' | 'declined';
  amount: number;
  currency: string;
  receiptCode: string;
  receiptUrl: string;
  /** The language to write in (messageLanguage); English when absent or not spoken. */
  language?: string | null;
}

export function moneyWords(amount: number, currency: string, locale = 'en-GB'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
}

/** Stands in for the code while the sentence around it is escaped, then becomes the code in <strong>. */
const CODE_MARK = '\u0001';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function receiptSms(i: ReceiptMessageInput): string {
  const { t } = translators().for(i.language);
  return t('messages:receipt.sms', { organisation: i.organisation ?? 'Sightline', sentence: sentence(i), code: i.receiptCode, url: i.receiptUrl });
}

export function receiptEmail(i: ReceiptMessageInput): EmailMessage {
  const { t, language } = translators().for(i.language);
  const who = i.organisation ?? 'Sightline';
  const decided = sentence(i);
  const text = `${decided}\n\n${t('messages:receipt.codeIs', { code: i.receiptCode })}\n${i.receiptUrl}\n\n${who}`;
  const codeIs = escape(t('messages:receipt.codeIs', { code: CODE_MARK })).replace(CODE_MARK, `<strong>${escape(i.receiptCode)}</strong>`);
  const html = `<p>${escape(decided)}</p><p>${codeIs}</p><p><a href="${escape(i.receiptUrl)}">${escape(i.receiptUrl)}</a></p><p>${escape(who)}</p>`;
  return { subject: t('messages:receipt.subject', { organisation: who, code: i.receiptCode }), text, html, language };
}

function sentence(i: ReceiptMessageInput): string {
  const words = translators().for(i.language);
  const amount = moneyWords(i.amount, i.currency, words.locale);
  if (i.caseReference === null) return words.t(`messages:receipt.${i.decision}NoReference`, { amount });
  return words.t(`messages:receipt.${i.decision}`, { amount, reference: i.caseReference });
}
