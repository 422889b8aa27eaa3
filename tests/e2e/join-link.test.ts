// Journey: join links the assessor can live with (issue #12). The case list says a new link is not
// opened and when it expires; the customer opens it and the list says opened; the assessor shows the
// same link again from the case (nothing revoked: the customer's page still works) and sends it by
// email to a real SMTP server this test starts (the console lists it as sent, the message carries the
// link), then by SMS to a webhook that refuses the number (listed in red with the gateway's reason).
// The customer declines: their page says nothing was
// recorded, the console says "Customer declined"; they start again and agree, and the console no longer
// says declined. A new link is made only after the assessor confirms.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mimePart, startSmsReceiver, startSmtpReceiver } from '../../server/test/links/receivers.ts';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

// A real SMTP server on loopback, and the server this journey starts configured to send through it.
const smtp = await startSmtpReceiver({ user: 'sightline', pass: 'mail-password' });
process.env.SIGHTLINE_SMTP_URL = `smtp://sightline:mail-password@127.0.0.1:${smtp.port}`;
process.env.SIGHTLINE_MAIL_FROM = 'Harbour Mutual <claims@harbour.test>';
process.env.SIGHTLINE_ORGANISATION = 'Harbour Mutual';
// An SMS gateway that refuses the number it is given, as a real one does for a landline.
const sms = await startSmsReceiver();
Object.assign(sms.answer, { status: 400, body: '{"message":"Not a mobile number"}' });
process.env.SIGHTLINE_SMS_WEBHOOK_URL = sms.url;

describe('join links', () => {
  const journey = useJourney({ teardown: async () => Promise.all([smtp.close(), sms.close()]).then(() => undefined) });
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  const shoot = async (page: Page, name: string): Promise<void> => {
    // The "Case created" toasts of the journey's start would cover the picture.
    await page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.toast-stack [aria-label="Dismiss"]').forEach((b) => b.click()));
    await page.locator('.toast-stack .banner').first().waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(shots, `${name}.png`), animations: 'disabled' });
  };
  let caseId = '';
  let joinUrl = '';
  const linkState = (id: string) => journey.assessor.caseRow(id).getByTestId('link-state');

  it('a new link is "not opened" with its expiry in the case list, then "opened" once the customer opens it', async () => {
    const { assessor, customer, server } = journey;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    const unopened = await assessor.createCase('Burst pipe — bathroom ceiling', 'Kim Example');
    const opened = await assessor.createCase('Hail damage — car bonnet', 'Robin Meyer');
    ({ caseId, joinUrl } = await assessor.createCase('Storm damage — garden fence', 'Dana Example'));
    await assessor.page.getByTestId('join-link-close').click();

    expect(await linkState(caseId).getAttribute('data-state')).toBe('not-opened');
    expect(await linkState(caseId).textContent()).toBe('Link not opened · expires in 2 days');

    // Another customer opens their link in a tab of their own and leaves it.
    const other = await customer.page.context().newPage();
    await other.goto(opened.joinUrl);
    await other.getByTestId('consent-screen').waitFor();
    await other.close();
    await assessor.page.locator(`[data-testid="case-row"][data-case-id="${opened.caseId}"] [data-testid="link-state"][data-state="opened"]`).waitFor();
    expect(await linkState(unopened.caseId).getAttribute('data-state')).toBe('not-opened');

    await customer.open(joinUrl);
    await assessor.page.locator(`[data-testid="case-row"][data-case-id="${caseId}"] [data-testid="link-state"][data-state="opened"]`).waitFor();
    expect(await linkState(caseId).textContent()).toBe('Link opened · expires in 2 days');
  });

  it('"Show link" shows the same link again and revokes nothing: the customer\'s page still works', async () => {
    const { assessor, customer } = journey;
    await assessor.openCase(caseId);
    await assessor.page.getByTestId('show-join-link').click();
    const card = assessor.page.getByTestId('join-link-card');
    await card.waitFor();
    expect(await card.getByTestId('join-link-url').inputValue()).toBe(joinUrl);
    expect(await card.getByTestId('join-link-qr').isVisible()).toBe(true);
    await customer.page.reload();
    await customer.page.getByTestId('consent-screen').waitFor();
  });

  it('sends the link by email: the console lists it as sent and the message carries the link; a refused SMS is listed in red with the reason', async () => {
    const { assessor } = journey;
    const card = assessor.page.getByTestId('join-link-card');
    await card.getByTestId('link-send-email-to').fill('dana@example.test');
    await card.getByTestId('link-send-email-submit').click();
    const sent = card.locator('[data-testid="link-send"][data-status="sent"][data-channel="email"]');
    await sent.waitFor();
    expect(await sent.textContent()).toMatch(/^Sent by email to dana@example\.test · \d\d:\d\d$/);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['dana@example.test']);
    expect(mimePart(smtp.mails[0]!.raw, 'text/plain')).toContain(joinUrl);

    await card.getByTestId('link-send-sms-to').fill('+44 7700 900123');
    await card.getByTestId('link-send-sms-submit').click();
    const failed = card.locator('[data-testid="link-send"][data-status="failed"][data-channel="sms"]');
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(/^Not sent by SMS to \+447700900123 · \d\d:\d\dThe SMS gateway refused the message: Not a mobile number \(HTTP 400\)$/);
    expect(await failed.evaluate((li) => getComputedStyle(li).color)).toBe('rgb(179, 38, 30)');
    expect(sms.messages.at(-1)?.json).toEqual({ to: '+447700900123', body: expect.stringContaining(joinUrl) });
    await shoot(assessor.page, 'console-join-link');
  });

  it('the customer declines: their page says nothing was recorded, the console says "Customer declined"', async () => {
    const { assessor, customer } = journey;
    await customer.page.getByTestId('consent-decline').click();
    const declined = customer.page.getByTestId('declined');
    await declined.waitFor();
    expect(await declined.locator('h1').textContent()).toBe('You declined — nothing was recorded');
    expect(await customer.page.getByTestId('declined-start-again').textContent()).toBe('Start again');
    await expectAccessible(customer.page, 'declined', { desktop: true });
    await assessor.page.getByTestId('customer-declined').waitFor();
    expect(await assessor.page.getByTestId('customer-declined').textContent()).toBe('Customer declined');
    expect(await assessor.page.getByTestId('call-state').count()).toBe(0);

    await assessor.page.getByTestId('back').click();
    await assessor.page.locator(`[data-testid="case-row"][data-case-id="${caseId}"] [data-testid="link-state"][data-state="declined"]`).waitFor();
    expect(await linkState(caseId).textContent()).toBe('Customer declined');
    await shoot(assessor.page, 'console-case-list');
  });

  it('the customer starts again and agrees: the console no longer says declined', async () => {
    const { assessor, customer } = journey;
    await customer.page.getByTestId('declined-start-again').click();
    await customer.accept();
    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor();
    expect(await assessor.caseRow(caseId).getAttribute('data-link-state')).toBe('waiting');
    await assessor.openCase(caseId);
    expect(await assessor.page.getByTestId('customer-declined').count()).toBe(0);
    expect(await assessor.page.getByTestId('call-state').textContent()).toBe('Customer waiting');
  });

  it('a new link is made only after the assessor confirms that it cuts the old one off', async () => {
    const { assessor } = journey;
    await assessor.page.getByTestId('new-join-link').click();
    const confirm = assessor.page.getByTestId('new-join-link-confirm');
    await confirm.waitFor();
    await assessor.page.getByTestId('new-join-link-confirm-no').click();
    await confirm.waitFor({ state: 'detached' });
    expect(await assessor.page.getByTestId('join-link-card').count()).toBe(0);

    await assessor.page.getByTestId('new-join-link').click();
    await assessor.page.getByTestId('new-join-link-confirm-yes').click();
    const card = assessor.page.getByTestId('join-link-card');
    await card.waitFor();
    const newUrl = await card.getByTestId('join-link-url').inputValue();
    expect(newUrl).not.toBe(joinUrl);
    await assessor.page.getByTestId('join-link-close').click();
    await assessor.page.getByTestId('show-join-link').click();
    expect(await assessor.page.getByTestId('join-link-card').getByTestId('join-link-url').inputValue()).toBe(newUrl);
  });
});
