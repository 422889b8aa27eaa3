// Journey: the assessor's and the admin's day (issue #12). A case is created with its claim number, the
// search finds it and keeps it over a reload, the status filter sorts open from closed; closing the case
// takes the customer's page to "This case is closed" and refuses their photo and chat, the console shows
// Closed with its live controls disabled, and reopening lets the customer back in. The admin adds a user,
// moves that user's case away (it leaves their list at once), disables them (their login is refused with
// the reason, their open case waits with a reassign control), re-enables them and resets their password.
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { ConsolePage } from './support/console-page.ts';
import { useJourney } from './support/journey.ts';
import { newPeerContext, recordPageLog, viewports } from './support/launcher.ts';
import { repoRoot } from './support/server.ts';

const REFERENCE = 'CLM-2026-0042';
const FRANK = { name: 'Frank Field', email: 'frank@example.test', password: 'first password 1', next: 'second password 2' };

describe('cases and users for a working day', () => {
  const journey = useJourney();
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), animations: 'disabled' });
  let caseId = '';
  let token = '';
  /** Frank's own console, in a context of its own. */
  let frankContext: BrowserContext | null = null;
  let frank: ConsolePage;

  const rows = (page: Page) => page.getByTestId('case-row');

  it('creates a case with its claim number; the search finds it and keeps it over a reload', async () => {
    const { assessor, server } = journey;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    for (const [title, customer] of [['Storm damage, garden wall', 'Nora Quint'], ['Burst pipe, first floor', 'Omar Reyes']] as const) {
      await assessor.createCase(title, customer);
    }
    const page = assessor.page;
    await page.getByTestId('new-case-open').click();
    await page.getByTestId('new-case-title').fill('Hail damage, VW Golf');
    await page.getByTestId('new-case-customer').fill('Dana Scully');
    await expect(page.locator('label[for="case-reference"]').textContent()).resolves.toBe('Claim or policy number');
    await page.getByTestId('new-case-reference').fill(REFERENCE);
    await page.getByTestId('new-case-submit').click();
    const card = page.getByTestId('join-link-card').filter({ hasText: 'Hail damage, VW Golf' });
    await card.waitFor();
    token = new URL(await card.getByTestId('join-link-url').inputValue()).hash.slice(1);
    const row = page.locator('[data-testid="case-row"]', { hasText: 'Hail damage, VW Golf' });
    caseId = (await row.getAttribute('data-case-id')) ?? '';
    await expect(row.getByTestId('case-reference').textContent()).resolves.toBe(REFERENCE);

    await page.getByTestId('case-search').fill('0042');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-row"]').length === 1);
    await expect(rows(page).first().getAttribute('data-case-id')).resolves.toBe(caseId);
    await expect(page.getByTestId('case-count').textContent()).resolves.toBe('1 case match');
    expect(page.url()).toContain('q=0042');
    await page.reload();
    await page.getByTestId('case-row').first().waitFor();
    await expect(page.getByTestId('case-search').inputValue()).resolves.toBe('0042');
    await expect(rows(page).count()).resolves.toBe(1);

    await page.getByTestId('case-search').fill('no such case anywhere');
    await page.getByTestId('no-match').waitFor();
    await page.getByTestId('clear-filters').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-row"]').length === 3);
  });

  it('closing the case shows Closed on the console and "This case is closed" to the customer, whose photo and chat are refused', async () => {
    const { assessor, customer } = journey;
    await customer.open(`${journey.server.url}/j#${token}`);
    await customer.accept();
    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor();
    await assessor.openCase(caseId);
    const page = assessor.page;
    await expect(page.getByTestId('case-view-reference').textContent()).resolves.toBe(REFERENCE);
    await page.getByTestId('close-case').click();
    await page.getByTestId('close-reason').fill('Settled by phone');
    await page.getByTestId('case-close-submit').click();
    await page.getByTestId('case-closed').waitFor();
    await page.getByTestId('case-closed-banner').waitFor();
    await expect(page.getByTestId('live-controls').evaluate((el) => (el as HTMLFieldSetElement).disabled)).resolves.toBe(true);

    // The customer's page was cut off the call and says why.
    await customer.page.getByTestId('case-closed').waitFor({ timeout: 45_000 });
    const refused = await customer.page.evaluate(async ({ caseId, token }) => {
      const headers = { authorization: `Bearer ${token}` };
      const chat = await fetch(`/api/cases/${caseId}/chat`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ id: 'line-after-close', text: 'One more thing' }) });
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' }), 'photo.jpg');
      const photo = await fetch(`/api/cases/${caseId}/evidence`, { method: 'POST', headers, body: form });
      return { chat: { status: chat.status, body: await chat.json() }, photo: { status: photo.status, body: await photo.json() } };
    }, { caseId, token });
    for (const answer of [refused.chat, refused.photo]) {
      expect(answer).toEqual({ status: 409, body: { error: { code: 'case_closed', message: 'This case is closed; reopen it to add evidence.' } } });
    }

    await page.getByTestId('back').click();
    await page.getByTestId('filter-status-closed').click();
    await page.waitForFunction((id) => [...document.querySelectorAll('[data-testid="case-row"]')].map((r) => r.getAttribute('data-case-id')).join() === id, caseId);
    await page.getByTestId('filter-status-open').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-row"]').length === 2);
    await page.getByTestId('filter-status-all').click();
    await page.getByTestId('case-closed-badge').waitFor();
    await shoot(page, 'console-case-filters');
    // Into a case and back: the list is filtered as it was.
    await assessor.openCase(caseId);
    await page.getByTestId('back').click();
    await expect(page.getByTestId('filter-status-all').getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('reopening lets the customer back in: their chat reaches the console', async () => {
    const { assessor, customer } = journey;
    await assessor.openCase(caseId);
    const page = assessor.page;
    await page.getByTestId('reopen-case').click();
    await page.getByTestId('case-closed').waitFor({ state: 'detached' });
    await customer.page.reload();
    await customer.callPage('waiting');
    await customer.sendChat('Found the receipt');
    await page.locator('[data-testid="chat-line"][data-from="customer"]', { hasText: 'Found the receipt' }).waitFor();
  });

  it('closing the case during a live call ends the call, and the customer is told the case is closed', async () => {
    const { assessor, customer } = journey;
    const page = assessor.page;
    await assessor.connect();
    await assessor.waitForLiveVideo();
    await page.getByTestId('close-case').click();
    await expect(page.getByTestId('case-close-submit').textContent()).resolves.toBe('End the call and close');
    await page.getByTestId('case-close-submit').click();
    await page.getByTestId('case-closed').waitFor();
    await customer.page.getByTestId('case-closed').waitFor({ timeout: 45_000 });
    await page.locator('[data-testid="call-state"][data-state="connected"]').waitFor({ state: 'detached' });
  });

  it('an admin adds a user and moves their case away: it leaves their list at once', async () => {
    const { assessor, server, browser } = journey;
    const page = assessor.page;
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-page').waitFor();
    await page.getByTestId('add-user-open').click();
    await page.getByTestId('user-name').fill(FRANK.name);
    await page.getByTestId('user-email').fill(FRANK.email);
    await page.getByTestId('user-password').fill(FRANK.password);
    await page.getByTestId('add-user-submit').click();
    await page.locator(`[data-testid="user-row"][data-email="${FRANK.email}"]`).waitFor();

    frankContext = await newPeerContext(browser, { viewport: viewports.desktop });
    frank = new ConsolePage(await frankContext.newPage());
    journey.logs.push(recordPageLog(frank.page, 'frank'));
    await frank.login(server.url, FRANK.email, FRANK.password);
    const moved = await frank.createCase('Subsidence, back extension', 'Pat Lowe');
    await frank.createCase('Fallen tree, fence', 'Sam Oduya');
    await expect(rows(frank.page).count()).resolves.toBe(2);

    await page.goto(`${server.url}/#/cases/${moved.caseId}`);
    await page.locator(`[data-testid="case-view"][data-case-id="${moved.caseId}"]`).waitFor();
    await page.getByTestId('reassign-case').click();
    const admin = (await page.getByTestId('reassign-select').locator('option', { hasText: 'Administrator' }).getAttribute('value')) ?? '';
    await page.getByTestId('reassign-select').selectOption(admin);
    await page.getByTestId('case-assign-submit').click();
    await frank.caseRow(moved.caseId).waitFor({ state: 'detached' });
    await expect(rows(frank.page).count()).resolves.toBe(1);
  });

  it('disabling the user ends their session and their login says why; their open case waits with a reassign control', async () => {
    const { assessor, server } = journey;
    const page = assessor.page;
    await page.getByTestId('nav-users').click();
    const row = page.locator(`[data-testid="user-row"][data-email="${FRANK.email}"]`);
    await row.getByTestId('user-disable').click();
    await row.and(page.locator('[data-disabled="true"]')).waitFor();
    await page.getByTestId('user-case').first().waitFor();
    await shoot(page, 'console-users');
    await expectAccessible(page, 'users, a disabled user\'s cases');

    await frank.page.goto(`${server.url}/`);
    await frank.page.getByTestId('login-email').fill(FRANK.email);
    await frank.page.getByTestId('login-password').fill(FRANK.password);
    await frank.page.getByTestId('login-submit').click();
    await frank.page.getByTestId('login-error').filter({ hasText: 'This account is disabled; ask an administrator.' }).waitFor();
  });

  it('re-enabled and given a new password, the user signs in with the new one only', async () => {
    const { assessor, server } = journey;
    const page = assessor.page;
    const row = page.locator(`[data-testid="user-row"][data-email="${FRANK.email}"]`);
    await row.getByTestId('user-enable').click();
    await row.and(page.locator('[data-disabled="false"]')).waitFor();
    await row.getByTestId('user-reset-password').click();
    await page.getByTestId('reset-password-input').fill(FRANK.next);
    await page.getByTestId('reset-password-submit').click();
    await page.getByTestId('reset-password-form').waitFor({ state: 'detached' });

    await frank.page.getByTestId('login-password').fill(FRANK.password);
    await frank.page.getByTestId('login-submit').click();
    await frank.page.getByTestId('login-error').filter({ hasText: 'The email or the password is wrong.' }).waitFor();
    await frank.login(server.url, FRANK.email, FRANK.next);
    // Signed in, the list loads after: wait for the case still theirs before counting.
    await rows(frank.page).filter({ hasText: 'Fallen tree, fence' }).waitFor();
    await expect(rows(frank.page).count()).resolves.toBe(1);
    await frankContext?.close();
  });
});
