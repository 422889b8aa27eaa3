// Journey in Simplified Chinese (issue 16): the customer's screens of xr-inspection and
// settlement-after-call that the other zh journeys do not visit, on a link with &lang=zh-CN. The
// customer's emulated AR phone (iwer, a synthetic office) enters AR; over real WebRTC the assessor places
// a marker and measures between two floor points, and the AR view draws both, its list of marks naming
// them in Chinese. Then the call ends, the assessor makes an offer, the customer declines it; after
// another call the call-ended screen opens the decided offer again with its words and receipt. Each
// screen: axe, 200 % reflow on the phone, no text cut off, docs/screenshots/<screen>-zh.png, its words from
// the zh-CN files.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from './support/journey.ts';
import { installXrDevice, setPhonePose } from './support/xr-device.ts';
import { expectNoClippedText, zh, zhScreen } from './support/zh-screen.ts';

process.env.SIGHTLINE_ORGANISATION = 'Harbour Mutual';

/** Two points of the office floor, 0.80 m apart, each straight below where the phone is held (as in xr-inspection). */
const POINT_A: [number, number, number] = [-0.3, 1.4, 0.4];
const POINT_B: [number, number, number] = [0.5, 1.4, 0.4];

/** A same-origin JSON call from the console page, with its session cookie. */
async function consoleCall(page: Page, method: string, url: string, body: unknown): Promise<number> {
  return page.evaluate(async ([m, u, b]) => (await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })).status, [method, url, body] as const);
}

describe('the AR view with the assessor’s marks, and a decided offer after another call, in Simplified Chinese', () => {
  const journey = useJourney({ setup: (j) => installXrDevice(j.contexts[1]!) });
  let caseId = '';

  it('the AR view draws the assessor’s marker and measurement, and lists them in Chinese', async () => {
    const { assessor, customer, server } = journey;
    const phone = customer.page;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('办公室地面水渍', '李明'));
    await assessor.page.getByTestId('join-link-close').click();
    expect(await consoleCall(assessor.page, 'PUT', '/api/admin/settings', { offerRequiresIdentity: false })).toBe(200);
    await customer.open(`${joinUrl}&lang=zh-CN`);
    await customer.accept();
    await phone.getByTestId('mode-ar').click();
    await phone.locator('[data-testid="ar-view"][data-state="running"]').waitFor({ state: 'attached', timeout: 60_000 });
    await assessor.connectWaiting(caseId, 60_000);
    await expect.poll(() => assessor.customerMode(), { timeout: 20_000 }).toBe('ar');

    await setPhonePose(phone, POINT_A, -90);
    await assessor.selectTool('marker');
    await assessor.clickVideo(0.5, 0.5);
    await expect.poll(() => assessor.annotationRows().first().getAttribute('data-status'), { timeout: 30_000 }).toBe('stored');
    await assessor.selectTool('measure');
    await phone.waitForTimeout(500);
    await assessor.clickVideo(0.5, 0.5);
    await assessor.page.locator('[data-testid="inspection-toolbar"][data-measure="second"]').waitFor({ timeout: 20_000 });
    await setPhonePose(phone, POINT_B, -90);
    await phone.waitForTimeout(500);
    await assessor.clickVideo(0.5, 0.5);
    await expect.poll(() => assessor.measurementRows().first().getAttribute('data-status'), { timeout: 30_000 }).toBe('stored');

    const marker = phone.getByTestId('ar-annotation').first();
    const measured = phone.getByTestId('ar-measurement').first();
    await measured.waitFor({ state: 'attached' });
    expect(await marker.textContent()).toBe(zh('xr:kind.marker'));
    const distance = Number(await measured.getAttribute('data-distance'));
    expect(Math.abs(distance - 0.8)).toBeLessThan(0.01);
    expect(await measured.textContent()).toMatch(/^80\.\d cm ± /);
    expect(await phone.getByTestId('ar-annotations').getAttribute('aria-label')).toBe(zh('xr:marks'));
    // Both in view: the marker's pin and the measurement's line and label over the floor.
    await setPhonePose(phone, [0.1, 1.3, 1.1], -50);
    await phone.waitForTimeout(1500);
    await zhScreen(phone, 'customer-ar-marks', 'AR view with a marker and a measurement');
    await expectNoClippedText(phone, 'AR view with a marker and a measurement');
  });

  it('after another call the call-ended screen opens the decided offer again, in Chinese', async () => {
    const { assessor, customer } = journey;
    const page = assessor.page;
    const phone = customer.page;
    await page.getByTestId('hang-up').click();
    await customer.callPage('ended');
    await page.getByTestId('offer-form').waitFor();
    await page.getByTestId('offer-item-description').first().fill('地板修复');
    await page.getByTestId('offer-item-amount').first().fill('900');
    await page.getByTestId('offer-conditions').fill('接受后 5 个工作日内支付到您的账户。');
    await page.getByTestId('offer-submit').click();
    await phone.locator('[data-testid="call-ended"] [data-testid="offer-sheet"][data-step="review"]').waitFor({ timeout: 15_000 });
    await phone.getByTestId('offer-decline').click();
    await phone.getByTestId('offer-reason').fill('金额太低，不足以更换整块地板。');
    await phone.getByTestId('offer-decline-send').click();
    await phone.locator('[data-testid="offer-receipt"][data-decision="declined"]').waitFor();
    const receiptCode = (await phone.getByTestId('offer-receipt-code').textContent())!;
    await phone.getByTestId('offer-close').click();

    await phone.getByTestId('call-rejoin').click();
    await customer.callPage('waiting');
    await assessor.connect();
    await assessor.waitForLiveVideo(60_000);
    await customer.callPage('in-call');
    await page.getByTestId('hang-up').click();
    await customer.callPage('ended');
    expect(await phone.getByTestId('offer-sheet').count()).toBe(0);
    const pill = phone.locator('[data-testid="offer-open"][data-state="declined"]');
    await pill.click();
    await phone.locator('[data-testid="offer-sheet"][data-state="declined"]').waitFor();
    expect(await phone.getByTestId('offer-state-words').textContent()).toBe(zh('settlement:state.declined'));
    expect(await phone.getByTestId('offer-receipt-code').textContent()).toBe(receiptCode);
    expect(await phone.getByTestId('offer-receipt-link').textContent()).toBe(zh('settlement:receiptCheck'));
    await phone.getByTestId('offer-sheet').scrollIntoViewIfNeeded();
    await zhScreen(phone, 'settlement-decided-again', 'call ended again, the decided offer opened', { desktop: true });
    await expectNoClippedText(phone, 'call ended again, the decided offer opened');
  });
});
