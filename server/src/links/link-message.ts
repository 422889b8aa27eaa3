// The words of a join link sent to a customer: an email (text and simple HTML) and an SMS. Pure.

export interface LinkMessageInput {
  /** The operator's organisation (SIGHTLINE_ORGANISATION); null when not configured. */
  organisation: string | null;
  caseTitle: string;
  joinUrl: string;
  expiresAt: string;
}

export interface EmailMessage { subject: string; text: string; html: string }

/** A date and time any reader can place: the server does not know the customer's time zone. */
export function expiryWords(iso: string): string {
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso));
  return `${when} UTC`;
}

export function linkEmail(input: LinkMessageInput): EmailMessage {
  const from = input.organisation ?? 'Your assessor';
  const until = expiryWords(input.expiresAt);
  const subject = `${input.organisation ? `${input.organisation}: your` : 'Your'} video call link for “${input.caseTitle}”`;
  const text = [
    'Hello,',
    '',
    `${from} would like to look at “${input.caseTitle}” with you over a live video call. Open this link on your phone to join — no app or account is needed:`,
    '',
    input.joinUrl,
    '',
    `The link works until ${until}. You will be asked to agree before anything is recorded.`,
    '',
    'If you were not expecting this message, you can ignore it.',
  ].join('\n');
  const html = `<!doctype html>
<html lang="en"><body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1d2330">
<p>Hello,</p>
<p>${escapeHtml(from)} would like to look at “${escapeHtml(input.caseTitle)}” with you over a live video call. Open this link on your phone to join — no app or account is needed:</p>
<p><a href="${escapeHtml(input.joinUrl)}" style="display: inline-block; padding: 10px 18px; background: #2456d6; color: #fff; border-radius: 6px; text-decoration: none">Join the video call</a></p>
<p style="font-size: 13px; color: #5b6475">Or copy this address: ${escapeHtml(input.joinUrl)}</p>
<p>The link works until ${escapeHtml(until)}. You will be asked to agree before anything is recorded.</p>
<p style="font-size: 13px; color: #5b6475">If you were not expecting this message, you can ignore it.</p>
</body></html>
`;
  return { subject, text, html };
}

/** Short enough for two SMS segments with a typical link. */
export function linkSms(input: LinkMessageInput): string {
  const from = input.organisation ?? 'Your assessor';
  return `${from}: join the video call for “${input.caseTitle}”: ${input.joinUrl} (works until ${expiryWords(input.expiresAt)})`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
