// Journey: a call's harder moments on a console in Simplified Chinese (issue 16), the console screens of
// console-call-state, recording-resume and settle-online that console-calls-zh does not visit. The admin,
// whose console language is 中文, connects to a customer (real WebRTC) while the server cannot create the
// recording: its chunks are kept on this computer; once it is created, chunk uploads fail (503) and the
// recording's card says so in red; the customer drops, then the link breaks too (reconnecting), and the
// customer comes back; the admin hangs up, the customer rejoins and the server refuses the new recording
// for good (upload stopped); after the call an offer is accepted with the code sent by SMS and the case is
// settled, the outcome's reason in the admin's language. Each screen: axe, no sideways scrolling, cut-off
// text or wrapped button at 1440×900 and 1024×768, reflow at half of each (tests/e2e/support/console-zh.ts),
// screenshots docs/screenshots/console-zh-*.png; the words from the zh-CN locale files.
import type { Route } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import zhMessages from '../../server/src/i18n/locales/zh-CN/messages.json';
import { startSmsReceiver } from '../../server/test/links/receivers.ts';
import { checkConsoleZh, useChineseConsole, zh, zhText } from './support/console-zh.ts';
import { installCustomerCallHook } from './support/customer-call-hook.ts';
import { installIceFault } from './support/ice-fault.ts';
import { useJourney } from './support/journey.ts';
import { inLoopbackOnlyNamespace } from './support/network.ts';

const sms = await startSmsReceiver();
process.env.SIGHTLINE_SMS_WEBHOOK_URL = sms.url;

const CHUNK_URL = /\/api\/cases\/[^/]+\/recordings\/[^/]+\/chunks\/\d+$/;
const RECORDINGS_URL = /\/api\/cases\/[^/]+\/recordings$/;
const refusal = (route: Route, status: number, code: string, message: string): Promise<void> =>
  route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ error: { code, message } }) });
const c = zh.console;
const r = zh.casework.recording;

describe.skipIf(!inLoopbackOnlyNamespace())('a call’s harder moments on a console in 中文', () => {
  /** What the console's recording requests meet: the server, an outage (503) or a refusal for good (403). */
  const faults = { create: 'pass' as 'pass' | 'outage' | 'refuse', chunks: 'pass' as 'pass' | 'outage' };
  const journey = useJourney({
    console: { initScripts: [installIceFault] },
    customer: { initScripts: [installCustomerCallHook] },
    setup: async ({ assessor }) => {
      await assessor.page.route(RECORDINGS_URL, (route) => {
        if (route.request().method() !== 'POST' || faults.create === 'pass') return route.continue();
        return faults.create === 'outage' ? refusal(route, 503, 'unavailable', '服务暂时不可用') : refusal(route, 403, 'forbidden', '您已不再负责此案件');
      });
      await assessor.page.route(CHUNK_URL, (route) => (faults.chunks === 'outage' ? refusal(route, 503, 'unavailable', '服务暂时不可用') : route.continue()));
    },
    teardown: () => sms.close(),
  });
  afterAll(async () => {
    await journey.contexts[1]?.setOffline(false);
  });
  const page = () => journey.assessor.page;
  const callState = (state: string) => page().locator(`[data-testid="call-state"][data-state="${state}"]`);
  let caseId = '';

  async function api(method: string, url: string, body: unknown): Promise<number> {
    return page().evaluate(async ([m, u, b]) => (await fetch(u as string, { method: m as string, headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })).status, [method, url, body] as const);
  }

  it('the server cannot create the recording: its chunks kept on this computer; created, then chunk uploads failing', async () => {
    const { assessor, customer, server } = journey;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    expect(await api('PUT', '/api/admin/settings', { offerRequiresIdentity: false })).toBe(200);
    await useChineseConsole(page());
    await page().getByTestId('new-case-open').waitFor();
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('阳光房屋顶风暴受损', '王芳'));
    await page().getByTestId('join-link-close').click();
    expect(await api('POST', `/api/cases/${caseId}/join-link/send`, { channel: 'sms', to: '+8613812345678' })).toBe(201);
    await customer.open(`${joinUrl}&lang=zh-CN`);
    await customer.accept();

    faults.create = 'outage';
    await assessor.connectWaiting(caseId, 20_000);
    const localId = await assessor.currentLocalId();
    const kept = assessor.localRecordingUpload(localId);
    await expect.poll(async () => Number(await kept.getAttribute('data-pending')), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await kept.and(page().locator('[data-state="failing"]')).waitFor();
    await expect.poll(() => kept.textContent()).toContain(zhText(r.state.waiting_other, { count: Number(await kept.getAttribute('data-pending')) }).split('——')[0]);
    await checkConsoleZh(page(), 'console recording kept on this computer, in Chinese', 'console-zh-recording-kept', page().getByTestId('recording-status'));

    faults.create = 'pass';
    await page().getByTestId('recording-status').getByRole('button', { name: r.retryNow }).click().catch(() => undefined);
    const recordingId = await assessor.currentRecordingId(60_000);
    const upload = assessor.recordingUpload(recordingId);
    await expect.poll(async () => Number(await upload.getAttribute('data-pending')), { timeout: 30_000 }).toBe(0);
    faults.chunks = 'outage';
    await expect.poll(async () => Number(await upload.getAttribute('data-pending')), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await upload.and(page().locator('[data-state="failing"]')).waitFor();
    await page().getByTestId('recording-upload-error').waitFor();
    expect(await page().getByTestId('recording-upload-error').textContent()).toContain(r.retryNow);
    await checkConsoleZh(page(), 'console recording uploads failing, in Chinese', 'console-zh-recording-failing', page().getByTestId('recording-status'));
    faults.chunks = 'pass';
    await expect.poll(async () => Number(await upload.getAttribute('data-pending')), { timeout: 30_000 }).toBe(0);
  });

  it('the customer drops, then the link breaks too: dropped and reconnecting; they come back', async () => {
    const { customer } = journey;
    await journey.contexts[1]!.setOffline(true);
    await customer.page.evaluate(() => window.sightlineCustomerCall!.pauseSending(true));
    await customer.page.evaluate(() => window.sightlineCustomerCall!.closeSignalling());
    await callState('dropped').waitFor({ timeout: 45_000 });
    expect(await page().getByTestId('call-state').textContent()).toBe(c.call.status.dropped);
    await checkConsoleZh(page(), 'console call, the customer dropped, in Chinese', 'console-zh-call-dropped');

    await page().evaluate(() => window.sightlineIceFault?.breakAll());
    await callState('reconnecting').waitFor({ timeout: 45_000 });
    expect(await page().getByTestId('call-state').textContent()).toBe(c.call.status.reconnecting);
    await checkConsoleZh(page(), 'console call, reconnecting, in Chinese', 'console-zh-call-reconnecting');

    await journey.contexts[1]!.setOffline(false);
    await customer.page.evaluate(() => window.sightlineCustomerCall!.pauseSending(false));
    await callState('connected').waitFor({ timeout: 90_000 });
    await journey.assessor.waitForLiveVideo();
  });

  it('hung up; the customer rejoins and the server refuses the new recording for good: upload stopped', async () => {
    const { assessor, customer } = journey;
    await page().getByTestId('hang-up').click();
    await callState('ended').waitFor();
    await customer.callPage('ended');
    await customer.page.getByTestId('call-rejoin').click();
    await customer.callPage('waiting');
    await expect.poll(() => page().getByTestId('connect').isEnabled(), { timeout: 30_000 }).toBe(true);
    faults.create = 'refuse';
    await assessor.connect();
    const notice = page().getByTestId('toast-error').filter({ hasText: zhText(r.uploadStopped, { error: '' }) });
    await notice.first().waitFor({ timeout: 30_000 });
    expect(await notice.first().textContent()).toContain('您已不再负责此案件');
    await page().locator('[data-testid="recording-status"][data-recording="false"]').waitFor();
    await checkConsoleZh(page(), 'console recording upload stopped, in Chinese', 'console-zh-recording-stopped');
    faults.create = 'pass';
    await page().getByTestId('hang-up').click();
    await callState('ended').waitFor();
  });

  it('after the call the customer accepts the offer with the code from the SMS: offer accepted, case settled', async () => {
    const { customer } = journey;
    await customer.callPage('ended');
    await page().getByTestId('offer-form').waitFor();
    await page().getByTestId('offer-item-description').first().fill('阳光房屋顶修复');
    await page().getByTestId('offer-item-amount').first().fill('1250');
    await page().getByTestId('offer-submit').click();
    // The call is over: the customer sees the offer when they next open their page, the notice says.
    const made = page().getByTestId('toast-success').filter({ hasText: zh.casework.settlement.made });
    await made.waitFor();

    const phone = customer.page;
    await phone.locator('[data-testid="offer-sheet"][data-step="review"]').waitFor({ timeout: 15_000 });
    const before = sms.messages.length;
    await phone.getByTestId('offer-accept').click();
    await phone.getByTestId('offer-code-sent').waitFor();
    await expect.poll(() => sms.messages.length).toBe(before + 1);
    const code = /\b(\d{6})\b/.exec((sms.messages.at(-1)!.json as { body: string }).body)![1]!;
    await phone.getByTestId('offer-code').fill(code);
    await phone.getByTestId('offer-confirm').click();
    await phone.locator('[data-testid="offer-receipt"][data-decision="accepted"]').waitFor();

    const settlement = page().getByTestId('settlement-card');
    const accepted = settlement.locator('[data-testid="offer-history-row"][data-state="accepted"]');
    await accepted.waitFor({ timeout: 15_000 });
    expect(await accepted.getByTestId('offer-state').textContent()).toBe(zh.casework.settlement.state.accepted);
    // The customer has answered: the notice that they will see the offer goes with it, not on its timer.
    await made.waitFor({ state: 'detached', timeout: 500 });
    // The toast of the refused recording has done its work.
    for (const toast of await page().getByTestId('toast-error').all()) await toast.getByRole('button').click();
    await checkConsoleZh(page(), 'console settlement card, offer accepted, in Chinese', 'console-zh-settled', settlement);
    // The settled outcome, in the words of the assessor who made the offer (their console language).
    const outcome = page().locator('[data-testid="outcome-entry"][data-decision="settled"]');
    await outcome.waitFor();
    expect(await outcome.locator('.badge').textContent()).toBe(zh.casework.outcome.history.decision.settled);
    expect(await outcome.locator('.outcome-reason').textContent()).toMatch(new RegExp(`^${zhMessages.outcome.offerAccepted.split('{{')[0]}`));
    await checkConsoleZh(page(), 'console outcome history, case settled, in Chinese', 'console-zh-settled-outcome', page().getByTestId('outcome-history'));
  });
});
