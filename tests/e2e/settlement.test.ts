// Journey: a settlement the customer accepts in the page (issue 15). The offer card says why no offer
// can be made before the identity check; with the organisation's gate off, the assessor offers two
// items during the live call; the customer's phone shows the sheet (amount, items, expiry), they
// accept, get the code by SMS (a real webhook on loopback), type it and see the receipt; the console's
// history says accepted with the receipt code and the outcome is settled; the public receipt page
// verifies the decision against the server.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startSmsReceiver } from '../../server/test/links/receivers.ts';
import { expectAccessible, expectReflow, expectTouchTargets } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

const sms = await startSmsReceiver();
process.env.SIGHTLINE_SMS_WEBHOOK_URL = sms.url;
process.env.SIGHTLINE_ORGANISATION = 'Harbour Mutual';

/** A same-origin JSON call from the console page, with its session cookie. */
async function consoleCall(page: Page, method: string, url: string, body: unknown): Promise<number> {
  return page.evaluate(async ([m, u, b]) => (await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })).status, [method, url, body] as const);
}

const smsBodies = () => sms.messages.map((m) => (m.json as { body: string }).body);

describe('a settlement the customer accepts in the page', () => {
  const journey = useJourney({ teardown: () => sms.close() });
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  let caseId = '';
  let joinUrl = '';
  let receiptCode = '';

  it('the offer card says why no offer can be made before the identity check passed', async () => {
    const { assessor, server } = journey;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    ({ caseId, joinUrl } = await assessor.createCase('Rear-end collision — VW Golf', 'Dana Example'));
    await assessor.page.getByTestId('join-link-close').click();
    await assessor.openCase(caseId);
    const disabled = assessor.page.getByTestId('offer-disabled');
    await disabled.waitFor();
    expect(await disabled.textContent()).toContain('identity check has not passed');
    expect(await assessor.page.getByTestId('offer-submit').isDisabled()).toBe(true);
    await expectAccessible(assessor.page, 'console settlement card, no offer possible yet');
  });

  it('during the live call the assessor offers two items; the phone shows the sheet', async () => {
    const { assessor, customer } = journey;
    expect(await consoleCall(assessor.page, 'PUT', '/api/admin/settings', { offerRequiresIdentity: false })).toBe(200);
    expect(await consoleCall(assessor.page, 'POST', `/api/cases/${caseId}/join-link/send`, { channel: 'sms', to: '+447700900123' })).toBe(201);
    await assessor.page.getByTestId('back').click();
    await customer.open(joinUrl);
    await customer.accept();
    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor();
    await assessor.openCase(caseId);
    await assessor.connect();
    await assessor.waitForLiveVideo();

    const page = assessor.page;
    await page.getByTestId('offer-form').waitFor();
    expect(await page.getByTestId('offer-disabled').count()).toBe(0);
    await page.getByTestId('offer-item-description').first().fill('Rear bumper, replaced');
    await page.getByTestId('offer-item-amount').first().fill('900');
    await page.getByTestId('offer-item-add').click();
    await page.getByTestId('offer-item-description').nth(1).fill('Paint and labour');
    await page.getByTestId('offer-item-amount').nth(1).fill('350.50');
    await page.getByTestId('offer-conditions').fill('Paid to your account within 5 working days of acceptance.');
    await page.getByTestId('offer-submit').click();
    await page.locator('[data-testid="offer-history-row"][data-state="open"]').waitFor();
    await expectAccessible(page, 'console settlement card with an open offer');

    const sheet = customer.page.locator('[data-testid="offer-sheet"][data-step="review"]');
    await sheet.waitFor({ timeout: 15_000 });
    expect(await customer.page.getByTestId('offer-amount').textContent()).toMatch(/1,250\.50/);
    expect(await customer.page.getByTestId('offer-expiry').textContent()).toContain('in 7 days');
    await customer.page.screenshot({ path: path.join(shots, 'settlement-offer-phone.png'), animations: 'disabled' });
    await expectAccessible(customer.page, 'offer sheet', { desktop: true });
    await expectTouchTargets(customer.page, 'offer sheet');
  });

  it('the customer accepts with the code sent by SMS and sees the receipt; the console says accepted and settled', async () => {
    const { assessor, customer } = journey;
    const before = sms.messages.length;
    await customer.page.getByTestId('offer-accept').click();
    const sent = customer.page.getByTestId('offer-code-sent');
    await sent.waitFor();
    expect(await sent.textContent()).toContain('••• 123');
    await expectAccessible(customer.page, 'offer sheet, code sent');
    await expect.poll(() => sms.messages.length).toBe(before + 1);
    const code = /\b(\d{6})\b/.exec(smsBodies().at(-1)!)![1]!;
    await customer.page.getByTestId('offer-code').fill(code);
    await customer.page.getByTestId('offer-confirm').click();
    const receipt = customer.page.locator('[data-testid="offer-receipt"][data-decision="accepted"]');
    await receipt.waitFor();
    receiptCode = (await customer.page.getByTestId('offer-receipt-code').textContent())!;
    expect(receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await customer.page.screenshot({ path: path.join(shots, 'settlement-receipt-phone.png'), animations: 'disabled' });
    await expectAccessible(customer.page, 'offer sheet, receipt', { desktop: true });
    await expect.poll(() => smsBodies().some((body) => body.includes(receiptCode) && body.includes(`/receipt#${receiptCode}`))).toBe(true);

    const row = assessor.page.locator('[data-testid="offer-history-row"][data-state="accepted"]');
    await row.waitFor();
    expect(await row.getByTestId('offer-history-receipt').textContent()).toBe(receiptCode);
    expect(await row.getByTestId('offer-code-sent-to').textContent()).toContain('••• 123');
    await assessor.page.locator('.outcome', { hasText: 'settled' }).first().waitFor();
    // The toasts of the journey would cover the picture.
    await assessor.page.evaluate(() => document.querySelectorAll<HTMLButtonElement>('.toast-stack [aria-label="Dismiss"]').forEach((b) => b.click()));
    await assessor.page.locator('.toast-stack .banner').first().waitFor({ state: 'detached' });
    await assessor.page.getByTestId('settlement-card').scrollIntoViewIfNeeded();
    await assessor.page.getByTestId('settlement-card').screenshot({ path: path.join(shots, 'settlement-console-card.png'), animations: 'disabled' });
  });

  it('the public receipt page verifies the decision against the server; a wrong code is not found', async () => {
    const { customer, server } = journey;
    const page = await customer.page.context().newPage();
    await page.goto(`${server.url}/receipt#${receiptCode}`);
    const card = page.locator('[data-testid="receipt-card"][data-decision="accepted"]');
    await card.waitFor();
    expect(await card.getAttribute('data-verified')).toBe('true');
    expect(await page.getByTestId('receipt-amount').textContent()).toMatch(/1,250\.50/);
    expect(await page.textContent('body')).not.toContain('Dana');
    // The case has no claim number: the receipt names the organisation alone, never the internal case id.
    expect(await page.getByTestId('receipt-org').textContent()).not.toMatch(/case/i);
    expect(await page.textContent('body')).not.toContain(caseId);
    await page.screenshot({ path: path.join(shots, 'settlement-receipt-page.png'), animations: 'disabled', fullPage: true });
    await expectAccessible(page, 'receipt page', { desktop: true });
    await expectReflow(page, 'receipt page');
    await expectTouchTargets(page, 'receipt page');
    await page.getByTestId('receipt-code-input').fill('ABCD-EFGH-JKMN');
    await page.getByTestId('receipt-check').click();
    await page.getByTestId('receipt-missing').waitFor();
    await expectAccessible(page, 'receipt page, code not found');
    await page.close();
  });
});
