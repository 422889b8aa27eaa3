// The words sent to a customer name the organisation, the case and the expiry, and carry the link;
// the HTML escapes what the assessor typed.
import { describe, expect, it } from 'vitest';
import { linkEmail, linkSms } from '../../src/links/link-message.ts';

const input = { organisation: 'Harbour Mutual', caseTitle: 'Storm <damage> & fence', joinUrl: 'https://sightline.example/j#abc_DEF-123', expiresAt: '2026-12-07T14:00:00.000Z' };

describe('link messages', () => {
  it('email: organisation, case title, expiry and link in the text and the HTML', () => {
    const mail = linkEmail(input);
    expect(mail.subject).toBe('Harbour Mutual: your video call link for “Storm <damage> & fence”');
    for (const part of ['Harbour Mutual', 'Storm <damage> & fence', input.joinUrl, '7 December 2026 at 14:00 UTC']) expect(mail.text).toContain(part);
    expect(mail.html).toContain('Storm &lt;damage&gt; &amp; fence');
    expect(mail.html).not.toContain('<damage>');
    expect(mail.html).toContain(`href="${input.joinUrl}"`);
  });

  it('sms: one line with the organisation, the case, the link and the expiry', () => {
    expect(linkSms(input)).toBe('Harbour Mutual: join the video call for “Storm <damage> & fence”: https://sightline.example/j#abc_DEF-123 (works until 7 December 2026 at 14:00 UTC)');
  });

  it('without an organisation, speaks for the assessor', () => {
    expect(linkEmail({ ...input, organisation: null }).subject).toBe('Your video call link for “Storm <damage> & fence”');
    expect(linkSms({ ...input, organisation: null })).toMatch(/^Your assessor: /);
  });
});
