// Journey: after the session (issue 14). A case put in the queue is offered to the admin and accepted; the
// customer joins and the call goes live; the assessor hangs up. On the phone the call-ended screen asks
// "How did we do?" (faces as a radio group the keyboard moves through, Skip can be undone, a counted
// comment); the customer rates 4 with a comment and sees the thank-you, and the ledger has
// survey.answered. On the console the case shows "Wrap up" naming the queue entry; saving "Resolved"
// with notes lists it (who, when, notes), ledgers session.wrapped-up and frees the assessor's video slot.
// Back on the same link and leaving again, the customer sees the thank-you, not the survey a second time.
import path from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectTouchTargets } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';
import { viewports } from './support/launcher.ts';

const COMMENT = 'Quick and clear — thanks for spotting the second crack.';
const NOTES = 'Hail dents on bonnet and roof confirmed on video; repair approved at the partner garage.';

type Ledger = { type: string; payload: Record<string, unknown> }[];

describe('after the session: the survey and the wrap-up', () => {
  const journey = useJourney();
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), animations: 'disabled' });
  let caseId = '';
  let entryId = '';
  let token = '';
  let adminId = '';

  /** A JSON call with the console's cookies; fails the step on an unexpected status. */
  async function call(request: APIRequestContext, method: 'GET' | 'POST' | 'PUT', route: string, expected: number, data?: unknown, headers?: Record<string, string>) {
    const response = await request.fetch(`${journey.server.url}${route}`, { method, ...(data !== undefined ? { data } : {}), ...(headers ? { headers } : {}) });
    expect(response.status(), `${method} ${route}: ${await response.text()}`).toBe(expected);
    return expected === 204 ? null : await response.json();
  }
  const ledger = async (): Promise<Ledger> => (await call(journey.assessor.page.request, 'GET', `/api/cases/${caseId}/ledger`, 200)).entries;
  const videoLoad = async (): Promise<number> => {
    const queue = await call(journey.assessor.page.request, 'GET', '/api/queue', 200);
    return queue.assessors.find((a: { id: string }) => a.id === adminId)?.load.video ?? 0;
  };

  it('a queued case is accepted, the customer joins, the call goes live and the assessor hangs up', async () => {
    const { assessor, customer, server } = journey;
    const page = assessor.page;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    adminId = (await call(page.request, 'GET', '/api/me', 200)).user.id;
    await call(page.request, 'PUT', `/api/users/${adminId}/routing`, 204, { skills: {}, capacity: { video: 1 } });
    await page.getByTestId('status-picker').click();
    await page.getByRole('menuitemradio', { name: /Available/ }).click();
    await page.locator('[data-testid="status-picker"][data-status="available"]').waitFor();
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('Hail damage — Audi A4, bonnet and roof', 'Robin Example'));
    token = decodeURIComponent(new URL(joinUrl).hash.slice(1));

    await call(page.request, 'POST', '/api/queue', 201, { caseId, channel: 'video' });
    const card = page.getByRole('alertdialog', { name: 'Hail damage — Audi A4, bonnet and roof' });
    await card.waitFor();
    entryId = (await card.getAttribute('data-entry-id'))!;
    await card.getByTestId('offer-accept').click();
    await page.locator(`[data-testid="case-view"][data-case-id="${caseId}"]`).waitFor();
    expect(await videoLoad()).toBe(1);
    // Accepted, the session is under way (a chat session has no call to end): Wrap up already names the entry.
    await expect.poll(() => page.getByTestId('wrap-up').getAttribute('data-entry-id')).toBe(entryId);

    await customer.open(joinUrl);
    await customer.accept();
    await page.getByTestId('back').click();
    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor();
    await assessor.openCase(caseId);
    await assessor.connect();
    await assessor.waitForLiveVideo();
    await customer.callPage('in-call');
    // Not while the call is live.
    expect(await page.getByTestId('wrap-up').count()).toBe(0);
    // The top bar says In call, as the case's badge does; the chosen Available comes back after it.
    const picker = page.locator('[data-testid="status-picker"][data-status="available"]');
    await expect.poll(() => picker.textContent()).toContain('In call');
    await expect(picker.getAttribute('aria-label')).resolves.toBe('Your status: In call; after the call, Available');

    await page.getByTestId('hang-up').click();
    await customer.callPage('ended');
    await expect.poll(() => picker.textContent()).toContain('Available');
    await expect(picker.getAttribute('data-in-call')).resolves.toBe('false');
  });

  it('the phone asks "How did we do?" below what the ended screen said, within the screen’s width', async () => {
    const page = journey.customer.page;
    const survey = page.getByTestId('survey');
    await survey.waitFor();
    expect(await survey.getByRole('radiogroup', { name: 'How did we do?' }).count()).toBe(1);
    await expectAccessible(page, 'survey', { desktop: true });
    await expectTouchTargets(page, 'survey');
    const words = await survey.locator('.survey-word').allTextContents();
    expect(words).toEqual(['Very poor', 'Poor', 'OK', 'Good', 'Excellent']);
    // Nothing overlaps: the ended text, the survey and Rejoin follow one another, none wider than the phone.
    const boxes = await Promise.all(['call-ended', 'survey', 'call-rejoin'].map((id) => page.getByTestId(id).boundingBox()));
    const [ended, form, rejoin] = boxes.map((b) => b!);
    const heading = (await page.locator('.call-ended h1').boundingBox())!;
    expect(form!.y).toBeGreaterThan(heading.y + heading.height);
    expect(rejoin!.y).toBeGreaterThanOrEqual(form!.y + form!.height);
    expect(ended!.x).toBeGreaterThanOrEqual(0);
    expect(ended!.x + ended!.width).toBeLessThanOrEqual(viewports.phone.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewports.phone.width);
    for (const score of [1, 2, 3, 4, 5]) {
      const choice = (await page.getByTestId(`survey-score-${score}`).boundingBox())!;
      expect(choice.width).toBeGreaterThanOrEqual(48);
      expect(choice.height).toBeGreaterThanOrEqual(48);
    }
  });

  it('Skip can be undone; Send with no face says to choose one; the arrow keys move between the faces', async () => {
    const page = journey.customer.page;
    await page.getByTestId('survey-skip').click();
    await page.getByTestId('survey-reopen').click();
    await page.getByTestId('survey-send').click();
    await expect(page.getByTestId('survey-problem').textContent()).resolves.toContain('Choose a face');
    await expectAccessible(page, 'survey, no face chosen');

    await page.getByRole('radio', { name: 'OK', exact: true }).check();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Good', exact: true }).isChecked()).resolves.toBe(true);
    expect(await page.getByTestId('survey-problem').count()).toBe(0);
    await page.getByTestId('survey-comment').fill(COMMENT);
    await expect(page.getByTestId('survey-count').textContent()).resolves.toBe(`${COMMENT.length} / 1000`);
    await page.getByTestId('survey-comment').blur();
    await shoot(page, 'survey-phone');
  });

  it('Send: the thank-you, the answer kept for this link, and survey.answered with score 4 in the ledger', async () => {
    const page = journey.customer.page;
    await page.getByTestId('survey-send').click();
    await page.getByTestId('survey-thanks').waitFor();
    expect(await page.getByTestId('survey').count()).toBe(0);
    await shoot(page, 'survey-thanks-phone');
    await expectAccessible(page, 'survey thanks', { desktop: true });
    // The customer's own context: no console cookie, only the link's token.
    const kept = await call(page.request, 'GET', '/api/join/survey', 200, undefined, { authorization: `Bearer ${token}` });
    expect(kept.survey).toMatchObject({ caseId, score: 4, comment: COMMENT });
    const answered = (await ledger()).filter((e) => e.type === 'survey.answered');
    expect(answered.map((e) => e.payload)).toEqual([{ surveyId: kept.survey.id, score: 4, comment: COMMENT }]);
  });

  it('the console wraps up "Resolved" with notes: listed with who and when, session.wrapped-up ledgered, the video slot freed', async () => {
    const page = journey.assessor.page;
    const panel = page.getByTestId('wrap-up');
    await panel.waitFor();
    expect(await panel.getAttribute('data-entry-id')).toBe(entryId);
    expect(await panel.textContent()).toContain('Saving also ends this session in the queue');
    await panel.getByTestId('wrap-up-save').click();
    await expect(panel.getByTestId('wrap-up-problem').textContent()).resolves.toContain('Choose how the session ended');

    await panel.getByRole('radio', { name: 'Resolved', exact: true }).check();
    await panel.getByTestId('wrap-up-notes').fill(NOTES);
    await expect(panel.getByTestId('wrap-up-count').textContent()).resolves.toBe(`${NOTES.length} / 2000`);
    await panel.getByTestId('wrap-up-save').click();
    const row = panel.getByTestId('wrap-up-row');
    await row.waitFor();
    await panel.getByTestId('wrap-up-saved').waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Resolved');
    expect(text).toContain('Administrator');
    expect(text).toContain(NOTES);
    expect(await row.getAttribute('data-disposition')).toBe('resolved');
    // The entry is wrapped up: the next wrap-up of this case names none.
    await expect.poll(() => panel.getAttribute('data-entry-id')).toBe('');

    const wrapped = (await ledger()).filter((e) => e.type === 'session.wrapped-up');
    expect(wrapped).toHaveLength(1);
    expect(wrapped[0]!.payload).toMatchObject({ entryId, disposition: 'resolved', notes: NOTES });
    expect(await videoLoad()).toBe(0);

    for (const dismiss of await page.getByTestId('toasts').getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();
    await panel.scrollIntoViewIfNeeded();
    await page.getByTestId('wrap-up-notes').focus();
    await page.getByTestId('wrap-up-notes').blur();
    // With the customer gone the chat says, above the field, when a line reaches them.
    await expect(page.getByTestId('chat-hint').textContent()).resolves.toBe('The customer gets your messages once connected.');
    await shoot(page, 'wrap-up-1440');
  });

  it('back on the same link and leaving again, the survey is not asked twice: the thank-you shows', async () => {
    const { customer } = journey;
    await customer.page.getByTestId('call-rejoin').click();
    await customer.page.locator(':is([data-state="waiting"], [data-state="connecting"])[data-testid="customer-call"]').waitFor();
    await customer.page.getByTestId('call-hang-up').click();
    await customer.callPage('left');
    await customer.page.getByTestId('survey-thanks').waitFor();
    expect(await customer.page.getByTestId('survey').count()).toBe(0);
  });
});
