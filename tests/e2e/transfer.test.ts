// Journey: a warm transfer (issue 14). A customer's complaint comes through the front door to the
// admin's desk; the admin accepts, then in the case chooses Transfer → Warm → a colleague, with a note,
// and sees "Waiting for <name>…". The colleague's console gets the offer card marked Transfer, with the
// note and the assistant's summary before Accept; they accept and the case opens for them. The admin is
// told who took over, the case is no longer theirs, and the customer was told meanwhile. The customer is
// on a live call with the admin throughout: their page says they are being transferred to the colleague
// (by name), then that the colleague has taken over and names them; the colleague calls, the customer's
// page takes that call without a reload, the admin's call ends without redialling, and the customer's
// video reaches the colleague's console.
import path from 'node:path';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { ConsolePage } from './support/console-page.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';
import { apiCall, setAvailable } from './support/staff.ts';

const COLLEAGUE = { name: 'Bo Reyes', email: 'bo@example.test', password: 'a long enough password' };
const NOTE = 'Engineer missed two visits; she wants a firm date. Photos of the boiler are in.';

describe('a warm transfer between two consoles', () => {
  const journey = useJourney();
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), animations: 'disabled' });
  let theirs: BrowserContext | undefined;
  /** Set by the warm transfer, for the cold one after it. */
  const held = { caseId: '', customer: {} as Record<string, string>, admin: { id: '', name: '' }, bo: undefined as ConsolePage | undefined };
  afterAll(async () => {
    await theirs?.close();
  });

  const call = (request: APIRequestContext, method: 'GET' | 'POST' | 'PUT', route: string, expected: number, data?: unknown, headers?: Record<string, string>) =>
    apiCall(journey.server.url, request, method, route, expected, data, headers);
  const available = setAvailable;

  it('the colleague reads the note and the summary, accepts, and the case is theirs; the customer on the call is told and handed over', async () => {
    const { assessor, customer: phone, server } = journey;
    const page = assessor.page;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    const admin: { id: string; name: string } = (await call(page.request, 'GET', '/api/me', 200)).user;
    const adminId = admin.id;
    held.admin = admin;
    await call(page.request, 'PUT', `/api/users/${adminId}/routing`, 204, { skills: { complaints: 2 }, capacity: { video: 1 } });
    const colleague = (await call(page.request, 'POST', '/api/users', 201, COLLEAGUE)).user;
    await call(page.request, 'PUT', `/api/users/${colleague.id}/routing`, 204, { skills: { complaints: 1 }, capacity: { video: 1 } });
    await available(page);

    // The customer arrives through the front door with a complaint and asks for a person.
    const intake = await call(page.request, 'POST', '/api/intake', 201, { service: 'complaint', intent: 'The engineer never came and I took a day off work', channel: 'video' });
    const customer = { authorization: `Bearer ${intake.joinToken}` };
    const caseId: string = intake.caseId;
    Object.assign(held, { caseId, customer });
    await call(page.request, 'POST', '/api/join/hand-off', 200, {}, customer);

    const card = page.getByTestId('offer-card');
    await card.waitFor();
    await expectAccessible(page, 'console with an offer card');
    await card.getByTestId('offer-accept').click();
    await page.locator(`[data-testid="case-view"][data-case-id="${caseId}"]`).waitFor();
    await card.waitFor({ state: 'detached' });

    // The customer's page joins and the admin calls: a live call, the admin named on the phone.
    await phone.open(intake.joinUrl);
    await phone.accept();
    await assessor.connect();
    await assessor.waitForLiveVideo();
    await phone.callPage('in-call');
    await expect(phone.page.getByTestId('call-assessor').textContent()).resolves.toBe(`with ${admin.name}`);
    await expect(phone.page.getByTestId('transfer-notice').count()).resolves.toBe(0);
    await expectAccessible(page, 'console case in a call, before the transfer');

    // Only now does the colleague come online, so the first offer was the admin's.
    theirs = await journey.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const bo = new ConsolePage(await theirs.newPage());
    held.bo = bo;
    await bo.login(server.url, COLLEAGUE.email, COLLEAGUE.password);
    await available(bo.page);

    await page.getByTestId('transfer-open').click();
    const form = page.getByTestId('transfer-form');
    await form.getByTestId('transfer-warm').check();
    await expect.poll(() => form.getByTestId('transfer-to').locator('option').allTextContents()).toContain(`${COLLEAGUE.name} — available`);
    await form.getByTestId('transfer-to').selectOption(colleague.id);
    await form.getByTestId('transfer-note').fill(NOTE);
    await shoot(page, 'console-transfer-form');
    await expectAccessible(page, 'console transfer form, warm');
    await form.getByTestId('transfer-send').click();
    const pending = page.getByTestId('transfer-pending');
    await pending.waitFor();
    await expect(pending.textContent()).resolves.toContain(`Waiting for ${COLLEAGUE.name}…`);
    await expect(call(page.request, 'GET', '/api/join/queue', 200, undefined, customer)).resolves.toMatchObject({ state: 'assigned', transferring: true, assessorName: admin.name, transferTo: COLLEAGUE.name });
    // The customer, still on the call with the admin, is told who they are being transferred to.
    const told = phone.page.getByTestId('transfer-notice');
    await expect.poll(() => told.textContent().catch(() => null), { timeout: 10_000 }).toBe(`Transferring you to ${COLLEAGUE.name}, a colleague — stay on the line`);
    await expect(phone.page.getByTestId('customer-call').getAttribute('data-state')).resolves.toBe('in-call');
    // The call header offers the language, as every customer screen does.
    expect(await phone.page.locator('.call-app-top').getByTestId('language-switch').isVisible()).toBe(true);
    await shoot(phone.page, 'call-transfer-phone');
    await expectAccessible(phone.page, 'in call, being transferred', { desktop: true });
    await expectAccessible(page, 'console, waiting for the colleague');

    // The colleague's card: marked Transfer, the note and the assistant's summary before Accept.
    const offer = bo.page.getByTestId('offer-card');
    await offer.waitFor();
    await expect(offer.textContent()).resolves.toContain('Transfer · Video call');
    await expect(offer.getByTestId('offer-transfer').textContent()).resolves.toContain('is with the customer and asks you to take over');
    await expect(offer.getByTestId('offer-transfer-note').textContent()).resolves.toBe(`“${NOTE}”`);
    await expect(offer.getByTestId('offer-intent').textContent()).resolves.toContain('The engineer never came');
    await expect(offer.getByTestId('offer-service').textContent()).resolves.toBe('Complaint');
    await shoot(bo.page, 'console-transfer-offer');
    await expectAccessible(bo.page, 'console with a transfer offer card');
    await offer.getByTestId('offer-accept').click();
    await bo.page.locator(`[data-testid="case-view"][data-case-id="${caseId}"]`).waitFor();

    // The customer's page names the colleague at once; the admin's call stays up until the colleague's
    // replaces it, which the page answers without a reload.
    await expect.poll(() => told.textContent().catch(() => null), { timeout: 10_000 }).toBe(`${COLLEAGUE.name} has taken over`);
    await expect(phone.page.getByTestId('call-assessor').textContent()).resolves.toBe(`with ${COLLEAGUE.name}`);
    await expectAccessible(phone.page, 'in call, the colleague has taken over', { desktop: true });
    await bo.connect();
    const seen = await bo.waitForLiveVideo();
    expect(seen.width).toBeGreaterThan(0);
    await page.locator('[data-testid="call-state"][data-state="ended"]').waitFor({ timeout: 20_000 });
    // The admin's console does not dial again, and the customer stays on the colleague's call.
    await page.waitForTimeout(4000);
    await expect(page.getByTestId('call-state').getAttribute('data-state')).resolves.toBe('ended');
    await expect(phone.page.getByTestId('customer-call').getAttribute('data-state')).resolves.toBe('in-call');
    await expect(bo.page.getByTestId('call-state').getAttribute('data-state')).resolves.toBe('connected');
    await bo.waitForLiveVideo();

    // The admin is told, and the case is no longer theirs.
    await expect.poll(() => page.getByTestId('transfer-notice').textContent()).toBe(`${COLLEAGUE.name} took over the session.`);
    await expect(page.getByTestId('transfer-pending').count()).resolves.toBe(0);
    await expect(page.getByTestId('transfer-open').count()).resolves.toBe(0);
    await expectAccessible(page, 'console case after the colleague took over');
    expect((await call(page.request, 'GET', `/api/cases/${caseId}`, 200)).case.assessorId).toBe(colleague.id);
    await expect(call(page.request, 'GET', '/api/join/queue', 200, undefined, customer)).resolves.toMatchObject({ state: 'assigned', assessorName: COLLEAGUE.name });
    const ledger: { type: string; payload: Record<string, unknown> }[] = (await call(page.request, 'GET', `/api/cases/${caseId}/ledger`, 200)).entries;
    expect(ledger.filter((e) => e.type === 'queue.transferred').map((e) => e.payload)).toEqual([expect.objectContaining({ from: adminId, to: colleague.id, mode: 'warm', note: NOTE })]);
    const loads = (await call(page.request, 'GET', '/api/queue', 200)).assessors as { id: string; load: { video?: number } }[];
    expect(loads.map((a) => [a.id, a.load.video ?? 0])).toEqual(expect.arrayContaining([[adminId, 0], [colleague.id, 1]]));
    // The colleague's console offers them the Transfer action now.
    await bo.page.getByTestId('transfer-open').waitFor();
    await expectAccessible(bo.page, 'colleague\'s console case in the call');
  });

  it('a cold transfer back to the queue, pinned to the admin: the customer stays on the colleague’s call until the admin’s replaces it', async () => {
    const { assessor, customer: phone } = journey;
    const { caseId, customer, admin } = held;
    const bo = held.bo!;
    const told = phone.page.getByTestId('transfer-notice');
    await bo.page.getByTestId('transfer-open').click();
    const form = bo.page.getByTestId('transfer-form');
    await form.getByTestId('transfer-cold').check();
    await expect.poll(() => form.getByTestId('transfer-to').locator('option').allTextContents()).toContain(`${admin.name} — available`);
    await form.getByTestId('transfer-to').selectOption(admin.id);
    await expectAccessible(bo.page, 'console transfer form, cold');
    await form.getByTestId('transfer-send').click();
    await expect(call(bo.page.request, 'GET', '/api/join/queue', 200, undefined, customer)).resolves.toMatchObject({ transferring: true, assessorName: null });
    await expect.poll(() => told.textContent().catch(() => null), { timeout: 10_000 }).toBe('Transferring you to a colleague — stay on the line');
    await expectAccessible(phone.page, 'in call, back in the queue for a colleague', { desktop: true });
    // Still on the colleague's call meanwhile.
    await expect(phone.page.getByTestId('customer-call').getAttribute('data-state')).resolves.toBe('in-call');
    await expect(bo.page.getByTestId('call-state').getAttribute('data-state')).resolves.toBe('connected');

    const card = assessor.page.getByTestId('offer-card');
    await card.waitFor();
    await card.getByTestId('offer-accept').click();
    await assessor.page.locator(`[data-testid="case-view"][data-case-id="${caseId}"]`).waitFor();
    await expect.poll(() => told.textContent().catch(() => null), { timeout: 10_000 }).toBe(`${admin.name} has taken over`);
    await expect(phone.page.getByTestId('call-assessor').textContent()).resolves.toBe(`with ${admin.name}`);
    await assessor.connect();
    await assessor.waitForLiveVideo();
    await bo.page.locator('[data-testid="call-state"][data-state="ended"]').waitFor({ timeout: 20_000 });
    await bo.page.waitForTimeout(4000);
    await expect(bo.page.getByTestId('call-state').getAttribute('data-state')).resolves.toBe('ended');
    await expect(assessor.page.getByTestId('call-state').getAttribute('data-state')).resolves.toBe('connected');
    await expect(phone.page.getByTestId('customer-call').getAttribute('data-state')).resolves.toBe('in-call');
  });
});
