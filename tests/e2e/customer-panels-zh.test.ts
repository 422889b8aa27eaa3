// Journey in Simplified Chinese (issue 16): the customer opens their link with &lang=zh-CN; the identity
// sheet and the offer sheet on the phone (390×844) speak Chinese, the offer's amount and expiry are
// formatted for zh-CN; they decline with a reason and the public receipt (&lang=zh-CN after the code)
// is in Chinese; /start#lang=zh-CN is in Chinese and its language switch turns it to English. Each
// screen is checked with axe and photographed (docs/screenshots/*-zh.png) to be looked at for tofu,
// overflow and clipped buttons.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeIdCard, SAMPLE_PERSON } from '../support/id-card.ts';
import { expectAccessible } from './support/axe.ts';
import { installImageCamera, showToCamera } from './support/image-camera.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

process.env.SIGHTLINE_ORGANISATION = 'Harbour Mutual';

function removeWebXr(): void {
  Reflect.deleteProperty(Navigator.prototype, 'xr');
}

/** A same-origin JSON call from the console page, with its session cookie. */
async function consoleCall(page: Page, method: string, url: string, body: unknown): Promise<number> {
  return page.evaluate(async ([m, u, b]) => (await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })).status, [method, url, body] as const);
}

const HAN = /\p{Script=Han}/u;

describe('the customer panels in Simplified Chinese', () => {
  const journey = useJourney({ customer: { initScripts: [removeWebXr, installImageCamera] } });
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}-zh.png`), animations: 'disabled' });
  let caseId = '';
  let receiptCode = '';

  it('the identity sheet is in Chinese on a link with &lang=zh-CN', async () => {
    const { assessor, customer, server } = journey;
    await mkdir(shots, { recursive: true });
    await assessor.login(server.url, server.admin.email, server.admin.password);
    // Offers need no passed identity check here (the offer sheet is photographed before the check ends).
    expect(await consoleCall(assessor.page, 'PUT', '/api/admin/settings', { offerRequiresIdentity: false })).toBe(200);
    const created = await assessor.createCase('追尾事故 — 大众高尔夫', SAMPLE_PERSON.givenNames);
    caseId = created.caseId;
    await customer.open(`${created.joinUrl}&lang=zh-CN`);
    expect(await customer.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await showToCamera(customer.page, (await makeIdCard()).front);
    await customer.accept();
    await assessor.openCase(caseId);
    await assessor.connect();
    await customer.callPage('in-call');

    await assessor.page.getByTestId('identity-document').selectOption('id-card');
    await assessor.page.getByTestId('identity-request').click();
    const sheet = customer.page.getByTestId('identity-sheet');
    await sheet.waitFor({ timeout: 20_000 });
    expect(await customer.page.getByTestId('identity-hint').textContent()).toContain('身份证正面。');
    expect(await customer.page.getByTestId('identity-take').textContent()).toBe('拍照');
    expect(await customer.page.getByTestId('identity-step-id-back').textContent()).toContain('背面');
    await shoot(customer.page, 'identity-customer-phone');
    await expectAccessible(customer.page, 'identity sheet in Chinese', { desktop: true });
    await customer.page.getByTestId('identity-close').click();
    expect(await customer.page.getByTestId('identity-open').textContent()).toBe('身份核验 · 已拍 0/3 张');
  });

  it('the offer sheet is in Chinese, with the amount and expiry formatted for zh-CN; declining gives a receipt code', async () => {
    const { assessor, customer } = journey;
    const page = assessor.page;
    await page.getByTestId('offer-form').waitFor();
    await page.getByTestId('offer-item-description').first().fill('后保险杠更换');
    await page.getByTestId('offer-item-amount').first().fill('900');
    await page.getByTestId('offer-item-add').click();
    await page.getByTestId('offer-item-description').nth(1).fill('喷漆及工时');
    await page.getByTestId('offer-item-amount').nth(1).fill('350.50');
    await page.getByTestId('offer-conditions').fill('接受后 5 个工作日内支付到您的账户。');
    await page.getByTestId('offer-submit').click();

    await customer.page.locator('[data-testid="offer-sheet"][data-step="review"]').waitFor({ timeout: 15_000 });
    expect(await customer.page.getByTestId('offer-amount').textContent()).toMatch(/1,250\.50/);
    expect(await customer.page.getByTestId('offer-expiry').textContent()).toMatch(/^7天后失效（2\d{3}年\d{1,2}月\d{1,2}日/);
    expect(await customer.page.getByTestId('offer-accept').textContent()).toBe('接受');
    await shoot(customer.page, 'settlement-offer-phone');
    await expectAccessible(customer.page, 'offer sheet in Chinese', { desktop: true });

    await customer.page.getByTestId('offer-decline').click();
    await customer.page.getByTestId('offer-reason').fill('金额低于维修厂报价。');
    await customer.page.getByTestId('offer-decline-send').click();
    const receipt = customer.page.locator('[data-testid="offer-receipt"][data-decision="declined"]');
    await receipt.waitFor();
    expect(await receipt.textContent()).toContain('您已拒绝理赔方案。');
    receiptCode = (await customer.page.getByTestId('offer-receipt-code').textContent())!;
    expect(await customer.page.getByTestId('offer-receipt-link').textContent()).toBe('在服务器上核验');
  });

  it('the public receipt with &lang=zh-CN after the code is in Chinese and verifies', async () => {
    const { browser, server } = journey;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/receipt#${receiptCode}&lang=zh-CN`);
      const card = page.locator('[data-testid="receipt-card"][data-verified="true"]');
      await card.waitFor();
      expect(await page.locator('h1').textContent()).toBe('理赔回执');
      expect(await page.getByTestId('receipt-decision').textContent()).toMatch(/^已于 .*拒绝$/);
      expect(await page.getByTestId('receipt-proof').textContent()).toContain('本服务器已核验通过');
      await shoot(page, 'receipt');
      await expectAccessible(page, 'receipt in Chinese', { desktop: true });
      // Checking another code keeps the language in the address.
      await page.getByTestId('receipt-code-input').fill('ABCD-EFGH-JKMN');
      await page.getByTestId('receipt-check').click();
      await page.getByTestId('receipt-missing').waitFor();
      expect(new URL(page.url()).hash).toBe('#ABCD-EFGH-JKMN&lang=zh-CN');
      expect(await page.getByTestId('receipt-missing').textContent()).toMatch(HAN);
    } finally {
      await context.close();
    }
  });

  it('/start#lang=zh-CN is in Chinese; the language switch turns it to English and the address keeps it', async () => {
    const { browser, server } = journey;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/start#lang=zh-CN`);
      await page.getByTestId('start-page').waitFor();
      expect(await page.locator('h1').textContent()).toBe('请问有什么可以帮您？');
      expect(await page.getByTestId('service-claim').textContent()).toMatch(HAN);
      await shoot(page, 'front-door-start');
      await expectAccessible(page, '/start in Chinese', { desktop: true });
      await page.getByTestId('start-submit').click();
      expect(await page.getByTestId('error-service').textContent()).toBe('请选择您需要的服务');

      await page.getByTestId('language-switch').selectOption('en');
      await page.locator('h1', { hasText: 'How can we help?' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(new URL(page.url()).hash).toBe('#lang=en');
    } finally {
      await context.close();
    }
  });
});
