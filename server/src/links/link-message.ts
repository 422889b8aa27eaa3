// The words of a join link sent to a customer: an email (text and simple HTML) and an SMS, in the
// customer's language (server/src/i18n/locales/<language>/messages.json; English when none). Pure.
import { translators, type Translator } from '../i18n/translate.ts';

export interface LinkMessageInput {
  /** The operator's organisation (SIGHTLINE_ORGANISATION); null when not configured. */
  organisation: string | null;
  caseTitle: string;
  joinUrl: string;
  expiresAt: string;
  /** The language to write in (messageLanguage); English when absent or not spoken. */
  language?: string | null;
}

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
  /** The language the message is written in (BCP 47), for its Content-Language header. */
  language: string;
}

/** A date and time any reader can place: the server does not know the customer's time zone. */
export function expiryWords(iso: string, words: Translator = translators().for(null)): string {
  const when = new Intl.DateTimeFormat(words.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso));
  return words.t('messages:utcTime', { when });
}

export function linkEmail(input: LinkMessageInput): EmailMessage {
  const words = translators().for(input.language);
  const { t } = words;
  const values = { organisation: input.organisation, caseTitle: input.caseTitle, until: expiryWords(input.expiresAt, words), url: input.joinUrl };
  const subject = t(input.organisation ? 'messages:link.subjectFrom' : 'messages:link.subject', values);
  const invite = t(input.organisation ? 'messages:link.inviteFrom' : 'messages:link.invite', values);
  const until = t('messages:link.until', values);
  const ignore = t('messages:link.ignore');
  const text = [t('messages:link.greeting'), '', invite, '', input.joinUrl, '', until, '', ignore].join('\n');
  const html = `<!doctype html>
<html lang="${escapeHtml(words.language)}"><body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1d2330">
<p>${escapeHtml(t('messages:link.greeting'))}</p>
<p>${escapeHtml(invite)}</p>
<p><a href="${escapeHtml(input.joinUrl)}" style="display: inline-block; padding: 10px 18px; background: #2456d6; color: #fff; border-radius: 6px; text-decoration: none">${escapeHtml(t('messages:link.button'))}</a></p>
<p style="font-size: 13px; color: #5b6475">${escapeHtml(t('messages:link.copy', values))}</p>
<p>${escapeHtml(until)}</p>
<p style="font-size: 13px; color: #5b6475">${escapeHtml(ignore)}</p>
</body></html>
`;
  return { subject, text, html, language: words.language };
}

/**
 * One line. Its curly quotes (and any Chinese) make it a UCS-2 SMS, 67 characters a segment once split: with
 * a typical link (43-character token) the English text takes three segments, the Chinese two.
 */
export function linkSms(input: LinkMessageInput): string {
  const words = translators().for(input.language);
  return words.t(input.organisation ? 'messages:link.smsFrom' : 'messages:link.sms', {
    organisation: input.organisation, caseTitle: input.caseTitle, url: input.joinUrl, until: expiryWords(input.expiresAt, words),
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
