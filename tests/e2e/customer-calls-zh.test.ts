// Journey in Simplified Chinese (issue 16): the customer's screens of xr-fallback, third-participant and
// transfer that the other zh journeys do not visit. A Chinese complaint comes through the front door to
// the admin's desk and the customer opens its join link with &lang=zh-CN; on the live call
// (real WebRTC) the phone, which has no WebXR, switches to the 3D overlay and the admin places a marker
// on it; an invited expert (from the case, not joined) and then a barging-in supervisor each write a line, which the customer's chat
// sheet shows under their name and part, with the writer's language; then a warm transfer: the phone is
// told it is being transferred to the colleague by name, then that the colleague took over, and stays on
// the call the colleague's console takes over. Each screen: axe (phone, and desktop where the English
// journey checks it), 200 % reflow, no text cut off, docs/screenshots/<screen>-zh.png, its words from the
// zh-CN files.
import type { APIRequestContext, BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { annotationCentre } from './support/annotation-pixels.ts';
import { ConsolePage } from './support/console-page.ts';
import { useJourney } from './support/journey.ts';
import { newPeerContext, recordPageLog, viewports } from './support/launcher.ts';
import { inLoopbackOnlyNamespace } from './support/network.ts';
import { apiCall, setAvailable } from './support/staff.ts';
import { withoutWebXr } from './support/xr-device.ts';
import { expectNoClippedText, zh, zhScreen } from './support/zh-screen.ts';

const PASSWORD = 'a long enough password';
const EXPERT = { name: 'Ines Duarte', email: 'ines@example.test', password: PASSWORD, role: 'expert' };
const SUPERVISOR = { name: 'Sam Okafor', email: 'sam@example.test', password: PASSWORD, role: 'supervisor' };
const COLLEAGUE = { name: 'Bo Reyes', email: 'bo@example.test', password: PASSWORD };

describe.skipIf(!inLoopbackOnlyNamespace())('the customer’s call with a third participant and a transfer, in Simplified Chinese', () => {
  let thirdContext: BrowserContext;
  let third: ConsolePage;
  const journey = useJourney({
    customer: { initScripts: [withoutWebXr] },
    setup: async (j) => {
      thirdContext = await newPeerContext(j.browser, { viewport: viewports.desktop });
      j.contexts.push(thirdContext);
      third = new ConsolePage(await thirdContext.newPage());
      j.logs.push(recordPageLog(third.page, 'third'));
    },
  });
  const call = (request: APIRequestContext, method: 'GET' | 'POST' | 'PUT', route: string, expected: number, data?: unknown, headers?: Record<string, string>) =>
    apiCall(journey.server.url, request, method, route, expected, data, headers);
  const users = { expert: '', colleague: '' };
  let caseId = '';

  it('a Chinese complaint from the front door goes live; on the 3D overlay the assessor’s marker is drawn', async () => {
    const { assessor, customer, server } = journey;
    const page = assessor.page;
    const phone = customer.page;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    const admin = (await call(page.request, 'GET', '/api/me', 200)).user;
    await call(page.request, 'PUT', `/api/users/${admin.id}/routing`, 204, { skills: { complaints: 2 }, capacity: { video: 1 } });
    users.expert = (await call(page.request, 'POST', '/api/users', 201, EXPERT)).user.id;
    await call(page.request, 'POST', '/api/users', 201, SUPERVISOR);
    users.colleague = (await call(page.request, 'POST', '/api/users', 201, COLLEAGUE)).user.id;
    await call(page.request, 'PUT', `/api/users/${users.colleague}/routing`, 204, { skills: { complaints: 1 }, capacity: { video: 1 } });
    await setAvailable(page);

    const intake = await call(page.request, 'POST', '/api/intake', 201, { service: 'complaint', intent: '维修工程师两次都没有上门，我为此请了一天假', channel: 'video', language: 'zh-CN' });
    caseId = intake.caseId;
    await call(page.request, 'POST', '/api/join/hand-off', 200, {}, { authorization: `Bearer ${intake.joinToken}` });
    const card = page.getByTestId('offer-card');
    await card.getByTestId('offer-accept').click();
    await page.locator(`[data-testid="case-view"][data-case-id="${caseId}"]`).waitFor();

    await customer.open(`${intake.joinUrl}&lang=zh-CN`);
    await customer.accept();
    await assessor.connect();
    await assessor.waitForLiveVideo();
    await customer.callPage('in-call');
    expect(await phone.getByTestId('call-assessor').textContent()).toBe(zh('customer:call.with', { name: admin.name }));

    // The phone has no WebXR: the 3D overlay, then the assessor's marker drawn over the camera.
    await phone.getByTestId('mode-overlay').click();
    await phone.getByTestId('overlay-view').waitFor();
    await expect.poll(() => assessor.customerMode(), { timeout: 20_000 }).toBe('overlay');
    await assessor.selectTool('marker');
    await assessor.clickVideo(0.4, 0.6);
    await expect.poll(() => assessor.annotationRows().first().getAttribute('data-status'), { timeout: 30_000 }).toBe('stored');
    await expect.poll(async () => (await page.evaluate(annotationCentre))?.pixels ?? 0, { timeout: 20_000 }).toBeGreaterThan(30);
    expect(await phone.getByTestId('mode-overlay').getAttribute('aria-pressed')).toBe('true');
    await zhScreen(phone, 'customer-overlay-marker', 'the 3D overlay with the assessor’s marker, in a call');
    await expectNoClippedText(phone, 'the 3D overlay with the assessor’s marker, in a call');
    // Back to the plain camera: the overlay's rendering is not needed for the rest.
    await phone.getByTestId('mode-camera').click();
    await expect.poll(() => assessor.customerMode(), { timeout: 20_000 }).toBe('camera');
  });

  it('the chat sheet shows an expert’s line and a barging-in supervisor’s line under their names and parts', async () => {
    const { assessor, customer } = journey;
    const page = assessor.page;
    const openAs = async (user: { email: string; password: string }) => {
      await third.login(journey.server.url, user.email, user.password);
      await third.page.goto(`${journey.server.url}/#/cases/${caseId}`);
      await third.page.getByTestId('participant-stage').waitFor();
    };
    const connected = third.page.locator('[data-testid="participant-stage"][data-state="connected"]');

    await page.getByTestId('invite-expert-open').click();
    await page.getByTestId('invite-expert-choice').selectOption(users.expert);
    await page.getByTestId('invite-expert-submit').click();
    await page.getByTestId('invited-list').filter({ hasText: EXPERT.name }).waitFor();
    // The expert writes from the case without joining the call (third-participant has them join).
    await openAs(EXPERT);
    await third.sendChat('The door gasket is perished: replace it.');
    await assessor.chatLine('assessor', 'The door gasket is perished').waitFor();
    await third.page.getByTestId('logout').click();

    await openAs(SUPERVISOR);
    await third.page.getByTestId('participant-listen').click();
    await connected.waitFor();
    await third.page.getByTestId('participant-barge').click();
    await page.locator('[data-testid="participant-tile"][data-mode="barge"]').waitFor();
    await third.sendChat('I am the supervisor: the voucher is approved.');
    await assessor.chatLine('assessor', 'the voucher is approved').waitFor();

    await customer.openChat();
    const expertLine = customer.chatLine('assessor', 'The door gasket is perished');
    const supervisorLine = customer.chatLine('assessor', 'the voucher is approved');
    await supervisorLine.waitFor();
    expect(await expertLine.getByTestId('chat-author').textContent()).toContain(zh('chat:staff', { name: EXPERT.name, role: zh('chat:roleExpert') }));
    expect(await supervisorLine.getByTestId('chat-author').textContent()).toContain(zh('chat:staff', { name: SUPERVISOR.name, role: zh('chat:roleSupervisor') }));
    // Each writer's console is in English: the line names its language, in that language's own name.
    expect(await expertLine.getByTestId('chat-language').textContent()).toBe('English');
    expect(await customer.page.getByTestId('chat-sheet').locator('#chat-sheet-title').textContent()).toMatch(/\p{Script=Han}/u);
    await zhScreen(customer.page, 'customer-chat-third', 'chat sheet with an expert’s and a supervisor’s line', { desktop: true });
    await expectNoClippedText(customer.page, 'chat sheet with an expert’s and a supervisor’s line');
    await customer.closeChat();
    await third.page.getByTestId('participant-leave').click();
    await page.locator('[data-testid="participant-tile"]').waitFor({ state: 'detached' });
    await third.page.getByTestId('logout').click();
  });

  it('a warm transfer: the phone is told in Chinese who it is transferred to, then who took over, and stays on the handed-over call', async () => {
    const { assessor, customer, server } = journey;
    const page = assessor.page;
    const phone = customer.page;
    await third.login(server.url, COLLEAGUE.email, COLLEAGUE.password);
    await setAvailable(third.page);

    await page.getByTestId('transfer-open').click();
    const form = page.getByTestId('transfer-form');
    await form.getByTestId('transfer-warm').check();
    await expect.poll(() => form.getByTestId('transfer-to').locator('option').allTextContents()).toContain(`${COLLEAGUE.name} — available`);
    await form.getByTestId('transfer-to').selectOption(users.colleague);
    await form.getByTestId('transfer-note').fill('She wants a firm date for the engineer.');
    await form.getByTestId('transfer-send').click();
    const told = phone.getByTestId('transfer-notice');
    await expect.poll(() => told.textContent().catch(() => null), { timeout: 10_000 }).toBe(zh('frontdoor:transfer.toNamed', { name: COLLEAGUE.name }));
    expect(await phone.getByTestId('customer-call').getAttribute('data-state')).toBe('in-call');
    await zhScreen(phone, 'call-transfer-phone', 'in call, being transferred', { desktop: true });
    await expectNoClippedText(phone, 'in call, being transferred');

    const offer = third.page.getByTestId('offer-card');
    await offer.getByTestId('offer-accept').click();
    await third.page.locator(`[data-testid="case-view"][data-case-id="${caseId}"]`).waitFor();
    await expect.poll(() => told.textContent().catch(() => null), { timeout: 10_000 }).toBe(zh('frontdoor:transfer.done', { name: COLLEAGUE.name }));
    await third.connect();
    await third.waitForLiveVideo();
    await page.locator('[data-testid="call-state"][data-state="ended"]').waitFor({ timeout: 20_000 });
    expect(await phone.getByTestId('customer-call').getAttribute('data-state')).toBe('in-call');
    expect(await phone.getByTestId('call-assessor').textContent()).toBe(zh('customer:call.with', { name: COLLEAGUE.name }));
    expect(await phone.getByTestId('call-state').textContent()).toBe(zh('customer:call.statusLive'));
    await zhScreen(phone, 'call-transfer-done', 'in call, handed over to the colleague', { desktop: true });
    await expectNoClippedText(phone, 'in call, handed over to the colleague');
  });
});
