// Journey: a settlement offered after the call (issue 15). The call goes live and the assessor hangs up;
// the phone shows the call-ended screen, with no data channel. The assessor then makes an offer; the
// call-ended screen finds it by asking the server every few seconds (not while the page is hidden, at
// once when it shows again) and shows it as a card in the page; the customer accepts with the code sent
// by SMS and sees the receipt. After another call, the ended screen keeps the decided offer one tap away
// with its receipt code and link.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { startSmsReceiver } from '../../server/test/links/receivers.ts';
import { useJourney } from './support/journey.ts';
import { viewports } from './support/launcher.ts';
import { repoRoot } from './support/server.ts';

const sms = await startSmsReceiver();
process.env.SIGHTLINE_SMS_WEBHOOK_URL = sms.url;
process.env.SIGHTLINE_ORGANISATION = 'Harbour Mutual';

/** A same-origin JSON call from the console page, with its session cookie. */
async function consoleCall(page: Page, method: string, url: string, body: unknown): Promise<number> {
  return page.evaluate(async ([m, u, b]) => (await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })).status, [method, url, body] as const);
}

/** Says the page is hidden or visible, as the browser does when the customer switches apps. */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

const smsBodies = () => sms.messages.map((m) => (m.json as { body: string }).body);

describe('a settlement offered after the call', () => {
  const journey = useJourney({ teardown: () => sms.close() });
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  let caseId = '';
  /** When the phone asked for its offer (ms since the page opened). */
  const offerRequests: number[] = [];

  it('the call goes live, the assessor hangs up; the call-ended screen shows no offer yet', async () => {
    const { assessor, customer, server } = journey;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('Side swipe — Ford Focus, two doors', 'Sam Example'));
    await assessor.page.getByTestId('join-link-close').click();
    expect(await consoleCall(assessor.page, 'PUT', '/api/admin/settings', { offerRequiresIdentity: false })).toBe(200);
    expect(await consoleCall(assessor.page, 'POST', `/api/cases/${caseId}/join-link/send`, { channel: 'sms', to: '+447700900456' })).toBe(201);
    customer.page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/join/offer') offerRequests.push(Date.now());
    });
    await customer.open(joinUrl);
    await customer.accept();
    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor();
    await assessor.openCase(caseId);
    await assessor.connect();
    await assessor.waitForLiveVideo();
    await customer.callPage('in-call');
    await assessor.page.getByTestId('hang-up').click();
    await customer.callPage('ended');
    expect(await customer.page.getByTestId('offer-sheet').count()).toBe(0);
    expect(await customer.page.getByTestId('offer-open').count()).toBe(0);
    await expectAccessible(assessor.page, 'console settlement card after the call');
  });

  it('the phone asks every few seconds while visible, not at all while hidden, and at once when shown again', async () => {
    const page = journey.customer.page;
    const start = offerRequests.length;
    await page.waitForTimeout(11_000);
    const visible = offerRequests.length - start;
    // Every 5 s: two in 11 s (a slow request may push the second out a little).
    expect(visible).toBeGreaterThanOrEqual(1);
    expect(visible).toBeLessThanOrEqual(3);
    await setHidden(page, true);
    const hiddenFrom = offerRequests.length;
    await page.waitForTimeout(11_000);
    expect(offerRequests.length).toBe(hiddenFrom);
    await setHidden(page, false);
    await expect.poll(() => offerRequests.length, { timeout: 2000 }).toBe(hiddenFrom + 1);
  });

  it('the assessor makes an offer; the call-ended screen shows it as a card in the page', async () => {
    const { assessor, customer } = journey;
    const page = assessor.page;
    await page.getByTestId('offer-form').waitFor();
    await page.getByTestId('offer-item-description').first().fill('Front and rear door, repaired');
    await page.getByTestId('offer-item-amount').first().fill('1400');
    await page.getByTestId('offer-conditions').fill('Paid to your account within 5 working days of acceptance.');
    await page.getByTestId('offer-submit').click();
    await page.locator('[data-testid="offer-history-row"][data-state="open"]').waitFor();

    const phone = customer.page;
    const sheet = phone.locator('[data-testid="call-ended"] [data-testid="offer-sheet"][data-step="review"]');
    await sheet.waitFor({ timeout: 15_000 });
    expect(await phone.getByTestId('offer-amount').textContent()).toMatch(/1,400\.00/);
    expect(await phone.getByTestId('offer-expiry').textContent()).toContain('in 7 days');
    // A card in the column, in dark ink: inside the phone's width, below the heading, nothing scrolls sideways.
    const box = (await sheet.boundingBox())!;
    const heading = (await phone.locator('.call-ended h1').boundingBox())!;
    expect(box.y).toBeGreaterThan(heading.y + heading.height);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewports.phone.width);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewports.phone.width);
    const ink = await phone.getByTestId('offer-amount').evaluate((el) => getComputedStyle(el).color);
    const paper = await sheet.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(ink).not.toBe(paper);
    expect(await phone.locator('.offer-conditions').evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(201, 211, 222)');
    await sheet.scrollIntoViewIfNeeded();
    await phone.screenshot({ path: path.join(shots, 'settlement-after-call.png'), animations: 'disabled' });
    await expectAccessible(phone, 'call ended with an offer', { desktop: true });
  });

  it('the customer accepts with the code sent by SMS and sees the receipt; the console says accepted', async () => {
    const { assessor, customer } = journey;
    const phone = customer.page;
    const before = sms.messages.length;
    await phone.getByTestId('offer-accept').click();
    await phone.getByTestId('offer-code-sent').waitFor();
    expect(await phone.getByTestId('offer-code-sent').textContent()).toContain('••• 456');
    await expect.poll(() => sms.messages.length).toBe(before + 1);
    const code = /\b(\d{6})\b/.exec(smsBodies().at(-1)!)![1]!;
    await phone.getByTestId('offer-code').fill(code);
    // A poll while the code is typed must not throw the customer back to the review.
    await phone.waitForTimeout(5500);
    expect(await phone.getByTestId('offer-sheet').getAttribute('data-step')).toBe('code');
    await phone.getByTestId('offer-confirm').click();
    await phone.locator('[data-testid="offer-receipt"][data-decision="accepted"]').waitFor();
    const receiptCode = (await phone.getByTestId('offer-receipt-code').textContent())!;
    expect(receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await phone.locator('[data-testid="offer-receipt"]').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: path.join(shots, 'settlement-after-call-receipt.png'), animations: 'disabled' });
    await expectAccessible(phone, 'call ended, offer receipt', { desktop: true });

    const row = assessor.page.locator('[data-testid="offer-history-row"][data-state="accepted"]');
    await row.waitFor();
    expect(await row.getByTestId('offer-history-receipt').textContent()).toBe(receiptCode);

    // Closed, the card leaves a button that opens it again, receipt and all.
    await phone.getByTestId('offer-close').click();
    const pill = phone.locator('[data-testid="offer-open"][data-state="accepted"]');
    await pill.waitFor();
    await expectAccessible(phone, 'call ended, the decided offer one tap away', { desktop: true });
    await pill.click();
    expect(await phone.getByTestId('offer-receipt-code').textContent()).toBe(receiptCode);
  });

  it('after another call, the call-ended screen keeps the decided offer one tap away: its words, receipt code and link', async () => {
    const { assessor, customer } = journey;
    const phone = customer.page;
    const receiptCode = (await phone.getByTestId('offer-receipt-code').textContent())!;
    await phone.getByTestId('call-rejoin').click();
    await customer.callPage('waiting');
    await assessor.connect();
    await assessor.waitForLiveVideo();
    await customer.callPage('in-call');
    await assessor.page.getByTestId('hang-up').click();
    await customer.callPage('ended');
    expect(await phone.getByTestId('offer-sheet').count()).toBe(0);
    await phone.locator('[data-testid="offer-open"][data-state="accepted"]').waitFor();
    await phone.locator('[data-testid="offer-open"][data-state="accepted"]').click();
    await phone.locator('[data-testid="offer-sheet"][data-state="accepted"]').waitFor();
    expect(await phone.getByTestId('offer-state-words').textContent()).toBe('You accepted this offer.');
    expect(await phone.getByTestId('offer-receipt-code').textContent()).toBe(receiptCode);
    expect(await phone.getByTestId('offer-receipt-link').getAttribute('href')).toMatch(new RegExp(`/receipt#${receiptCode}$`));
    await expectAccessible(phone, 'call ended again, the decided offer opened', { desktop: true });
  });
});
