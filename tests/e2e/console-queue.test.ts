// Journey: the assessor's desk in the front door's queue (issue 14). The admin routes cases to themselves,
// picks Available in the top bar, and a case put in the queue arrives as an incoming offer: the case's
// title, channel, wait, why it came here and a countdown. Accepting opens the case (the ledger has
// queue.offered and queue.assigned); declining takes the card away and the offer goes to a colleague.
import path from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

const COLLEAGUE = { name: 'Cora Lane', email: 'cora@example.test', password: 'a long enough password' };

describe('incoming offers from the queue', () => {
  const journey = useJourney();
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), animations: 'disabled' });

  /** A JSON call with the given context's cookies; fails the step on an unexpected status. */
  async function call(request: APIRequestContext, method: 'GET' | 'POST' | 'PUT', route: string, expected: number, data?: unknown) {
    const response = await request.fetch(`${journey.server.url}${route}`, { method, ...(data !== undefined ? { data } : {}) });
    expect(response.status(), `${method} ${route}: ${await response.text()}`).toBe(expected);
    return expected === 204 ? null : await response.json();
  }

  const ledgerTypes = async (request: APIRequestContext, caseId: string): Promise<{ type: string; payload: Record<string, unknown> }[]> =>
    (await call(request, 'GET', `/api/cases/${caseId}/ledger`, 200)).entries;

  async function queueCase(request: APIRequestContext, title: string, channel: 'video' | 'text'): Promise<string> {
    const created = await call(request, 'POST', '/api/cases', 201, { title });
    const caseId: string = created.case.id;
    await call(request, 'POST', '/api/queue', 201, { caseId, channel, priority: 2, steps: [{ afterSeconds: 0, requires: [{ skill: 'auto', minLevel: 2 }] }] });
    return caseId;
  }

  it('picks Available in the top bar, gets the offer with the case title, and accepting opens the case', async () => {
    const { assessor, server } = journey;
    const page = assessor.page;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    const me = (await call(page.request, 'GET', '/api/me', 200)).user;
    await call(page.request, 'PUT', `/api/users/${me.id}/routing`, 204, { skills: { auto: 3 }, capacity: { video: 1, text: 3 } });

    const picker = page.getByTestId('status-picker');
    await expect(picker.textContent()).resolves.toContain('Offline');
    await picker.click();
    await page.getByRole('menuitemradio', { name: /Available/ }).waitFor();
    await expectAccessible(page, 'console status menu open');
    await page.getByRole('menuitemradio', { name: /Available/ }).click();
    await page.locator('[data-testid="status-picker"][data-status="available"]').waitFor();
    await expect(call(page.request, 'GET', '/api/me/status', 200)).resolves.toEqual({ status: 'available' });

    const title = 'Hail damage, Audi A4';
    const caseId = await queueCase(page.request, title, 'video');
    const card = page.getByRole('alertdialog', { name: title });
    await card.waitFor();
    const entryId = (await card.getAttribute('data-entry-id'))!;
    await expect(card.getByTestId('offer-reason').textContent()).resolves.toBe('Matched: Motor claims, level 2 or more (first step)');
    await expect(card.textContent()).resolves.toContain('Video call');
    // The list beside the card counts that customer as waiting (it said "No customer is waiting." under the offer).
    await page.waitForFunction(() => document.querySelector('[data-testid="waiting-summary"]')?.textContent === '1 customer is waiting.');
    expect(Number((await card.getByTestId('offer-countdown').textContent())!.replace(' s', ''))).toBeGreaterThan(5);
    await shoot(page, 'console-queue-offer');
    await expectAccessible(page, 'console incoming offer');
    await page.setViewportSize({ width: 1024, height: 768 });
    // At 1024 px the admin's top bar takes two rows: the card sits under it and leaves Sign out uncovered.
    await page.waitForFunction(() => {
      const card = document.querySelector('[data-testid="offer-card"]')!.getBoundingClientRect();
      return card.top >= document.querySelector('.topbar')!.getBoundingClientRect().bottom;
    });
    await page.getByTestId('logout').click({ trial: true });
    await shoot(page, 'console-queue-offer-1024');
    await expectAccessible(page, 'console incoming offer at 1024 px');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Keyboard: the buttons are reachable by Tab from the card.
    await card.getByTestId('offer-decline').focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('offer-accept');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="case-view"][data-case-id="${caseId}"]`).waitFor();
    await card.waitFor({ state: 'detached' });
    await expectAccessible(page, 'console case opened from an offer');
    // Accepted, the offer is gone: back on the list, nobody is waiting.
    await page.getByTestId('back').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="waiting-summary"]')?.textContent === 'No customer is waiting.');
    const types = (await ledgerTypes(page.request, caseId)).map((e) => e.type);
    expect(types).toContain('queue.offered');
    expect(types).toContain('queue.assigned');
    // The video session ends, so the desk is free for the next (a live session takes the whole person).
    await call(page.request, 'POST', `/api/queue/${entryId}/finish`, 200, {});
  });

  it('declining takes the card away and the offer goes to a colleague', async () => {
    const page = journey.assessor.page;
    const colleague = (await call(page.request, 'POST', '/api/users', 201, COLLEAGUE)).user;
    await call(page.request, 'PUT', `/api/users/${colleague.id}/routing`, 204, { skills: { auto: 2 }, capacity: { text: 1 } });

    const title = 'Burst pipe, kitchen';
    const caseId = await queueCase(page.request, title, 'text');
    const card = page.getByRole('alertdialog', { name: title });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('Text chat');

    // The colleague comes online only now, so the first offer was ours.
    const theirs = await journey.browser.newContext();
    try {
      await call(theirs.request, 'POST', '/api/auth/login', 200, { email: COLLEAGUE.email, password: COLLEAGUE.password });
      await call(theirs.request, 'PUT', '/api/me/status', 204, { status: 'available' });
      await card.getByTestId('offer-decline').click();
      await card.waitFor({ state: 'detached' });
      const offer = await call(theirs.request, 'GET', '/api/me/offer', 200);
      expect(offer.offer.caseId).toBe(caseId);
    } finally {
      await theirs.close();
    }
    const entries = await ledgerTypes(page.request, caseId);
    expect(entries.filter((e) => e.type === 'queue.declined').map((e) => e.payload)).toEqual([expect.objectContaining({ why: 'declined' })]);
    expect(entries.filter((e) => e.type === 'queue.offered').map((e) => e.payload.assessorId)).toEqual([expect.any(String), colleague.id]);
    await expect(page.getByTestId('offer-card').count()).resolves.toBe(0);
  });
});
