// Journey in Simplified Chinese (issue 16): the identity and settlement screens of identity-check,
// settle-online, settlement and settlement-after-call that customer-panels-zh does not visit, on a link
// with &lang=zh-CN. In a live call (real WebRTC) the customer films an ID card's front and back and a
// selfie (the selfie step, then "ready to send", then "sent, the assessor is checking"); after the call
// the assessor makes an offer, the call-ended screen shows it as a card, the customer accepts with the
// code sent by SMS (a real receiver on loopback) and sees the receipt; closed, the decided offer stays one
// tap away. Each screen: axe, 200 % reflow on the phone, docs/screenshots/<screen>-zh.png, and its words
// from the zh-CN locale files.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startSmsReceiver } from '../../server/test/links/receivers.ts';
import { makeIdCard, SAMPLE_PERSON, type IdCardImages } from '../support/id-card.ts';
import { installImageCamera, showToCamera } from './support/image-camera.ts';
import { useJourney } from './support/journey.ts';
import { withoutWebXr } from './support/xr-device.ts';
import { zh, zhScreen } from './support/zh-screen.ts';

const sms = await startSmsReceiver();
process.env.SIGHTLINE_SMS_WEBHOOK_URL = sms.url;
process.env.SIGHTLINE_ORGANISATION = 'Harbour Mutual';

/** A same-origin JSON call from the console page, with its session cookie. */
async function consoleCall(page: Page, method: string, url: string, body: unknown): Promise<number> {
  return page.evaluate(async ([m, u, b]) => (await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })).status, [method, url, body] as const);
}

describe('identity and settlement on the customer’s page in Simplified Chinese', () => {
  const journey = useJourney({ customer: { initScripts: [withoutWebXr, installImageCamera] }, teardown: () => sms.close() });
  let card: IdCardImages;
  let caseId = '';

  it('the identity sheet: the selfie, ready to send, and sent', async () => {
    const { assessor, customer, server } = journey;
    const page = customer.page;
    card = await makeIdCard();
    await assessor.login(server.url, server.admin.email, server.admin.password);
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('侧面刮擦 — 福特福克斯', SAMPLE_PERSON.givenNames));
    await assessor.page.getByTestId('join-link-close').click();
    expect(await consoleCall(assessor.page, 'PUT', '/api/admin/settings', { offerRequiresIdentity: false })).toBe(200);
    expect(await consoleCall(assessor.page, 'POST', `/api/cases/${caseId}/join-link/send`, { channel: 'sms', to: '+8613812345678' })).toBe(201);
    await customer.open(`${joinUrl}&lang=zh-CN`);
    await showToCamera(page, card.front);
    await customer.accept();
    await assessor.connectWaiting(caseId);
    await customer.callPage('in-call');

    await assessor.page.getByTestId('identity-document').selectOption('id-card');
    await assessor.page.getByTestId('identity-request').click();
    const sheet = page.getByTestId('identity-sheet');
    await sheet.waitFor({ timeout: 20_000 });
    for (const [picture, step, next] of [[card.front, 'id-front', 'id-back'], [card.back, 'id-back', 'selfie']] as const) {
      await showToCamera(page, picture);
      expect(await sheet.getAttribute('data-step')).toBe(step);
      await page.getByTestId('identity-take').click();
      await page.locator(`[data-testid="identity-sheet"][data-step="${next}"]`).waitFor({ timeout: 30_000 });
    }
    await showToCamera(page, card.front);
    expect(await page.getByTestId('identity-hint').textContent()).toContain(zh('identity:step.selfieHint'));
    expect(await page.getByTestId('identity-take').textContent()).toBe(zh('identity:take'));
    await zhScreen(page, 'identity-selfie', 'identity sheet, selfie');
    await page.getByTestId('identity-take').click();
    await page.locator('[data-testid="identity-sheet"][data-step="send"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('identity-submit').textContent()).toBe(zh('identity:submit'));
    expect(await sheet.textContent()).toContain(zh('identity:allTaken_other', { count: 3 }));
    await zhScreen(page, 'identity-send', 'identity sheet, ready to send', { desktop: true });
    await page.getByTestId('identity-submit').click();
    await page.getByTestId('identity-sent').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('identity-sent').textContent()).toContain(zh('identity:sent'));
    await zhScreen(page, 'identity-sent', 'identity sent, the assessor checking', { desktop: true });
  });

  it('after the call the offer is a card on the call-ended screen, in Chinese', async () => {
    const { assessor, customer } = journey;
    const page = assessor.page;
    await page.getByTestId('hang-up').click();
    await customer.callPage('ended');
    await page.getByTestId('offer-form').waitFor();
    await page.getByTestId('offer-item-description').first().fill('前后车门修复');
    await page.getByTestId('offer-item-amount').first().fill('1400');
    await page.getByTestId('offer-conditions').fill('接受后 5 个工作日内支付到您的账户。');
    await page.getByTestId('offer-submit').click();

    const phone = customer.page;
    const sheet = phone.locator('[data-testid="call-ended"] [data-testid="offer-sheet"][data-step="review"]');
    await sheet.waitFor({ timeout: 15_000 });
    expect(await phone.getByTestId('offer-amount').textContent()).toMatch(/1,400\.00/);
    expect(await phone.getByTestId('offer-accept').textContent()).toBe(zh('settlement:accept'));
    expect(await phone.getByTestId('call-ended').locator('h1').textContent()).toBe(zh('customer:ended.ended'));
    await sheet.scrollIntoViewIfNeeded();
    await zhScreen(phone, 'settlement-after-call', 'call ended with an offer', { desktop: true });
  });

  it('the customer accepts with the code sent by SMS and sees the receipt; closed, the offer stays one tap away', async () => {
    const phone = journey.customer.page;
    const before = sms.messages.length;
    await phone.getByTestId('offer-accept').click();
    const sent = phone.getByTestId('offer-code-sent');
    await sent.waitFor();
    expect(await sent.textContent()).toBe(zh('settlement:codeSent', { recipient: '••• 678' }));
    expect(await phone.getByTestId('offer-confirm').textContent()).toBe(zh('settlement:confirm'));
    await zhScreen(phone, 'settlement-code-sent', 'offer, code sent');
    await expect.poll(() => sms.messages.length).toBe(before + 1);
    const code = /\b(\d{6})\b/.exec((sms.messages.at(-1)!.json as { body: string }).body)![1]!;
    await phone.getByTestId('offer-code').fill(code);
    await phone.getByTestId('offer-confirm').click();
    const receipt = phone.locator('[data-testid="offer-receipt"][data-decision="accepted"]');
    await receipt.waitFor();
    expect(await receipt.textContent()).toContain(zh('settlement:done.accepted'));
    expect(await phone.getByTestId('offer-receipt-link').textContent()).toBe(zh('settlement:receiptCheck'));
    await receipt.scrollIntoViewIfNeeded();
    await zhScreen(phone, 'settlement-after-call-receipt', 'call ended, offer receipt', { desktop: true });

    await phone.getByTestId('offer-close').click();
    const pill = phone.locator('[data-testid="offer-open"][data-state="accepted"]');
    await pill.waitFor();
    expect(await pill.textContent()).toContain(zh('settlement:pill.decided', { amount: '' }).trim());
    await zhScreen(phone, 'settlement-decided-pill', 'call ended, the decided offer one tap away', { desktop: true, fullPage: true });
  });
});
