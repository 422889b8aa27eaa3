// The words of a settlement receipt sent to the customer: an SMS and an email with the receipt link. Pure.
import type { EmailMessage } from '../links/link-message.ts';

export interface ReceiptMessageInput {
  organisation: string | null;
  caseReference: string;
  decision: 'accepted' | 'declined';
  amount: number;
  currency: string;
  receiptCode: string;
  receiptUrl: string;
}

export function moneyWords(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount);
}

const sentence = (i: ReceiptMessageInput) =>
  `You ${i.decision} the settlement offer of ${moneyWords(i.amount, i.currency)} for case ${i.caseReference}.`;

export function receiptSms(i: ReceiptMessageInput): string {
  return `${i.organisation ?? 'Sightline'}: ${sentence(i)} Receipt ${i.receiptCode}: ${i.receiptUrl}`;
}

export function receiptEmail(i: ReceiptMessageInput): EmailMessage {
  const who = i.organisation ?? 'Sightline';
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const text = `${sentence(i)}\n\nYour receipt code is ${i.receiptCode}. Anyone can check it against our server:\n${i.receiptUrl}\n\n${who}`;
  const html = `<p>${escape(sentence(i))}</p><p>Your receipt code is <strong>${escape(i.receiptCode)}</strong>. Anyone can check it against our server:</p><p><a href="${escape(i.receiptUrl)}">${escape(i.receiptUrl)}</a></p><p>${escape(who)}</p>`;
  return { subject: `${who}: your settlement receipt ${i.receiptCode}`, text, html };
}
