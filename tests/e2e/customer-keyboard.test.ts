// Journey (issue 16): the customer's call page with a switch or a keyboard alone. On the customer's
// phone only Tab, Shift+Tab, Enter, Space, the arrow keys, Escape and typing are used — never a
// mouse, pointer or touch: open the join link, switch the consent screen to 中文 and back, accept;
// in the call reach every control by Tab in reading order, mute and unmute, chat (a modal sheet on a
// phone: Tab stays in it, Escape closes it and focus goes back to the button that opened it), answer
// the assessor's photo request, take the checklist's photo through its viewfinder and the first photo of
// an ID check the assessor asks for (each lands as evidence on the case), decline an offer that arrives
// over the reopened ID check (Escape closes only the sheet on top), answer a
// mode request and switch modes, do the same rounds on a desktop, hang up and answer the survey. At every stop focus shows a ring and is not hidden under anything; on every screen a
// whole round of Tab reaches every control, no tabindex jumps the order, nothing traps focus but a
// modal dialog; axe and 44 px touch targets on each screen. The console is driven as usual.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectTouchTargets } from './support/axe.ts';
import { receivedMessages, recordDataChannel } from './support/data-channel-record.ts';
import { useJourney } from './support/journey.ts';
import { countMouseEvents, focused, focusStop, mouseEvents, startingAt, tabCycle, tabWalker, type TabCycle } from './support/keyboard.ts';
import { viewports } from './support/launcher.ts';
import { inLoopbackOnlyNamespace } from './support/network.ts';

const lastMediaState = (page: Page): Promise<Record<string, unknown> | null> =>
  receivedMessages(page).then((messages) => messages.findLast((m) => m.type === 'media-state') ?? null);

/** A round of Tab that reached everything, in order, without a tabindex jump, and came back to its start. */
function expectWholeRound(cycle: TabCycle): void {
  expect(cycle.positive).toEqual([]);
  expect(cycle.unreached).toEqual([]);
  expect(cycle.closed).toBe(true);
}

describe.skipIf(!inLoopbackOnlyNamespace())('the customer’s call page by keyboard alone', () => {
  const journey = useJourney({ console: { initScripts: [recordDataChannel] }, customer: { initScripts: [countMouseEvents] } });
  const page = (): Page => journey.customer.page;
  const keys = () => page().keyboard;
  let screen = 'consent';
  const walker = tabWalker(page, () => `${screen} at ${page().viewportSize()?.width ?? 0} px`);
  const id = (testId: string) => page().getByTestId(testId);
  const sel = (testId: string) => `[data-testid="${testId}"]`;
  let caseId = '';

  /** The stops' boxes in order must read top to bottom, left to right within a row. */
  async function readingOrder(stops: string[]): Promise<string[]> {
    const boxes = await page().evaluate((ids) => ids.map((testId) => {
      const el = document.querySelector(`[data-testid="${testId}"]`);
      const target = el instanceof HTMLInputElement && el.labels?.[0] ? el.labels[0] : el;
      const box = target?.getBoundingClientRect();
      return { testId, top: box?.top ?? 0, bottom: box?.bottom ?? 0, left: box?.left ?? 0, right: box?.right ?? 0 };
    }), stops);
    const breaks: string[] = [];
    for (let i = 1; i < boxes.length; i++) {
      const [a, b] = [boxes[i - 1]!, boxes[i]!];
      const above = b.bottom <= a.top;
      const sameRowLeft = b.top < a.bottom && b.bottom > a.top && b.right <= a.left;
      if (above || sameRowLeft) breaks.push(`${a.testId} → ${b.testId}`);
    }
    return breaks;
  }

  it('consent: Tab reaches each control; the language goes to 中文 and back with the arrow keys; Enter accepts', async () => {
    const { assessor, customer, server } = journey;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    // Offers without a passed identity check, so the journey can make one.
    const settings = await assessor.page.evaluate(async () => (await fetch('/api/admin/settings', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offerRequiresIdentity: false }) })).status);
    expect(settings).toBe(200);
    const created = await assessor.createCase('Water damage — kitchen ceiling', 'Sam Example', { checklist: 'property' });
    caseId = created.caseId;
    await customer.open(created.joinUrl);
    await expectAccessible(page(), 'consent', { desktop: true });
    await expectTouchTargets(page(), 'consent');

    const round = await tabCycle(page(), walker);
    expectWholeRound(round);
    expect(round.stops).toEqual(['language-switch', 'consent-location', 'consent-accept', 'consent-decline']);

    await walker.tabTo(sel('language-switch'));
    while ((await id('language-switch').inputValue()) !== 'zh-CN') await keys().press('ArrowDown');
    await expect.poll(() => page().evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await id('consent-accept').textContent()).not.toBe('Accept and continue');
    expect(await focused(page(), sel('language-switch'))).toBe(true);
    await expectAccessible(page(), 'consent in Chinese');
    while ((await id('language-switch').inputValue()) !== 'en') await keys().press('ArrowUp');
    await expect.poll(() => page().evaluate(() => document.documentElement.lang)).toBe('en');

    await walker.tabTo(sel('consent-accept'));
    await keys().press('Enter');
    await customer.callPage('waiting');
  });

  it('waiting, with the checklist as the page: a whole round of Tab, focus seen at each stop', async () => {
    screen = 'guided capture';
    await id('guided-capture').waitFor();
    await expectAccessible(page(), 'guided capture, waiting', { desktop: true });
    await expectTouchTargets(page(), 'guided capture, waiting');
    const round = await tabCycle(page(), walker);
    expectWholeRound(round);
    const stops = startingAt(round.stops, 'language-switch');
    expect(stops).toContain('checklist-take');
    expect(stops.slice(-5)).toEqual(['call-mute', 'call-camera', 'call-captions', 'chat-open', 'call-hang-up']);
    expect(await readingOrder(stops)).toEqual([]);
  });

  it('in the call, Tab goes top to bottom through every control: status, checklist, modes, photos, the control bar', async () => {
    const { assessor, customer } = journey;
    screen = 'in call';
    await assessor.connectWaiting(caseId);
    await customer.callPage('in-call');
    await expectAccessible(page(), 'in call', { desktop: true });
    await expectTouchTargets(page(), 'in call');

    const round = await tabCycle(page(), walker);
    expectWholeRound(round);
    const modes = await id('customer-mode').locator('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid') ?? ''));
    expect(modes).toContain('mode-camera');
    const stops = startingAt(round.stops, 'language-switch');
    expect(stops).toEqual(['language-switch', 'checklist-toggle', ...modes, 'gallery-input', 'call-mute', 'call-camera', 'call-captions', 'chat-open', 'call-hang-up']);
    expect(await readingOrder(stops)).toEqual([]);
  });

  it('Space mutes and Enter unmutes: the toggle says so and the console is told', async () => {
    const { assessor } = journey;
    await walker.tabTo(sel('call-mute'));
    await keys().press('Space');
    await expect.poll(() => id('call-mute').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => lastMediaState(assessor.page)).toMatchObject({ microphone: false });
    expect(await focused(page(), sel('call-mute'))).toBe(true);
    await keys().press('Enter');
    await expect.poll(() => id('call-mute').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => lastMediaState(assessor.page)).toMatchObject({ microphone: true });
  });

  it('chat: Enter opens it on the field, a typed line is sent with Enter, Tab stays in the sheet, Escape closes it back onto the button', async () => {
    const { assessor, customer } = journey;
    screen = 'chat sheet';
    await assessor.sendChat('Hello Sam — can you see the stain from where you are?');
    await id('chat-unread').filter({ hasText: '1' }).waitFor();
    await walker.tabTo(sel('chat-open'));
    await keys().press('Enter');
    await id('chat-sheet').waitFor();
    expect(await focused(page(), sel('chat-input'))).toBe(true);
    await customer.chatLine('assessor', 'can you see the stain').waitFor();
    await keys().type('Yes, it is above the sink.');
    await keys().press('Enter');
    await assessor.chatLine('customer', 'Yes, it is above the sink.').waitFor();
    expect(await focused(page(), sel('chat-input'))).toBe(true);
    await expectAccessible(page(), 'chat sheet');
    await expectTouchTargets(page(), 'chat sheet');

    // On a phone the sheet covers the control bar: a modal dialog whose round of Tab stays inside it.
    expect(await id('chat-sheet').getAttribute('aria-modal')).toBe('true');
    await keys().type('Shall I');
    const round = await tabCycle(page(), walker, { within: sel('chat-sheet') });
    expectWholeRound(round);
    expect(round.stops).toEqual(['chat-send', 'chat-close']);
    await walker.tab(true);
    expect(await focused(page(), sel('chat-close'))).toBe(true);

    await keys().press('Escape');
    await id('chat-sheet').waitFor({ state: 'detached' });
    expect(await focused(page(), sel('chat-open'))).toBe(true);
    // Closed with its own button, it gives focus back too.
    await keys().press('Enter');
    await id('chat-sheet').waitFor();
    await walker.tabTo(sel('chat-close'));
    await keys().press('Enter');
    await id('chat-sheet').waitFor({ state: 'detached' });
    expect(await focused(page(), sel('chat-open'))).toBe(true);
  });

  it('the assessor’s photo request needs no key: the photo is taken, said as sent, lands as evidence, and focus stays put', async () => {
    const { assessor } = journey;
    await assessor.page.getByTestId('request-photo').click();
    await id('photo-sent').waitFor({ timeout: 20_000 });
    const still = await assessor.waitForEvidence('device-still');
    expect(still.naturalWidth).toBeGreaterThan(0);
    expect(await focused(page(), sel('chat-open'))).toBe(true);
  });

  it('the checklist’s photo by keyboard: Enter opens the viewfinder on the shutter, Tab stays in it, Escape goes back, Space shoots; the photo is evidence', async () => {
    const { assessor, customer } = journey;
    screen = 'checklist';
    await walker.tabTo(sel('checklist-toggle'), { backward: true });
    await keys().press('Enter');
    expect(await id('checklist-toggle').getAttribute('aria-expanded')).toBe('true');
    await walker.tabTo(sel('checklist-take'));
    await expectAccessible(page(), 'checklist open in the call');
    await expectTouchTargets(page(), 'checklist open in the call');

    screen = 'viewfinder';
    await keys().press('Enter');
    await id('checklist-viewfinder').waitFor();
    expect(await focused(page(), sel('checklist-shutter'))).toBe(true);
    await expectAccessible(page(), 'checklist viewfinder');
    await expectTouchTargets(page(), 'checklist viewfinder');
    const round = await tabCycle(page(), walker, { within: sel('checklist-viewfinder') });
    expectWholeRound(round);
    expect(round.stops).toEqual(['viewfinder-cancel']);
    await keys().press('Escape');
    await id('checklist-viewfinder').waitFor({ state: 'detached' });
    expect(await focused(page(), sel('checklist-take'))).toBe(true);

    await keys().press('Enter');
    await id('checklist-viewfinder').waitFor();
    await keys().press('Space');
    await id('checklist-viewfinder').waitFor({ state: 'detached' });
    const verdict = await customer.checklistVerdict('room-overview');
    expect(verdict.evidenceId).not.toBe('');
    await assessor.page.locator(`[data-testid="evidence-item"][data-evidence-id="${verdict.evidenceId}"]`).waitFor({ timeout: 30_000 });
    // Focus is back in the checklist, on a control that can be seen.
    const stop = await focusStop(page());
    expect(stop.name).not.toBe('body');
    expect(stop.visible).toBe(true);

    await walker.tabTo(sel('checklist-toggle'), { backward: true });
    await keys().press('Enter');
    expect(await id('checklist-toggle').getAttribute('aria-expanded')).toBe('false');
  });

  it('the assessor asks for an ID check: focus moves to Take photo, Tab stays in the sheet, Enter takes the photo (evidence), Escape gives focus back', async () => {
    const { assessor } = journey;
    screen = 'identity sheet';
    expect(await focused(page(), sel('checklist-toggle'))).toBe(true);
    await assessor.page.getByTestId('identity-document').selectOption('id-card');
    await assessor.page.getByTestId('identity-request').click();
    await id('identity-sheet').waitFor({ timeout: 20_000 });
    await expect.poll(() => focused(page(), sel('identity-take'))).toBe(true);
    expect(await id('identity-sheet').getAttribute('aria-modal')).toBe('true');
    await expectAccessible(page(), 'identity sheet');
    await expectTouchTargets(page(), 'identity sheet');
    const round = await tabCycle(page(), walker, { within: sel('identity-sheet') });
    expectWholeRound(round);
    expect(round.stops).toEqual(['identity-close']);

    await keys().press('Enter');
    const front = async (): Promise<boolean> => {
      const detail = (await assessor.fetchJson(`/api/cases/${caseId}`)) as { body: { evidence: { purpose?: string | null }[] } };
      return detail.body.evidence.some((e) => e.purpose === 'id-front');
    };
    await expect.poll(front, { timeout: 30_000 }).toBe(true);
    // Taken and judged (the next step, or a retake of this one): the button is back, still with focus.
    await expect.poll(() => id('identity-take').getAttribute('aria-disabled'), { timeout: 30_000 }).toBe('false');
    expect((await focusStop(page())).testId).toBe('identity-take');

    await keys().press('Escape');
    await id('identity-open').waitFor();
    expect(await focused(page(), sel('checklist-toggle'))).toBe(true);
    // Its pill reopens it from the keyboard, in reading order after the header.
    await walker.tabTo(sel('identity-open'), { backward: true });
    await keys().press('Enter');
    await expect.poll(() => focused(page(), sel('identity-take'))).toBe(true);
    await walker.tabTo(sel('identity-close'));
    await keys().press('Enter');
    await id('identity-open').waitFor();
    await expect.poll(() => focused(page(), sel('identity-open'))).toBe(true);
  });

  it('an offer arrives over the reopened ID check: focus on Accept, Tab stays in the sheet, Decline goes to its reason, Enter sends it; Escape closes the offer only, a second the ID check, and focus goes back', async () => {
    const { assessor } = journey;
    screen = 'offer sheet';
    const console = assessor.page;
    await keys().press('Enter');
    await expect.poll(() => focused(page(), sel('identity-take'))).toBe(true);
    await console.getByTestId('offer-item-description').first().fill('Kitchen ceiling, repainted');
    await console.getByTestId('offer-item-amount').first().fill('480');
    await console.getByTestId('offer-submit').click();
    await id('offer-sheet').waitFor({ timeout: 15_000 });
    await expect.poll(() => focused(page(), sel('offer-accept'))).toBe(true);
    expect(await id('offer-sheet').getAttribute('aria-modal')).toBe('true');
    await expectAccessible(page(), 'offer sheet');
    await expectTouchTargets(page(), 'offer sheet');
    const round = await tabCycle(page(), walker, { within: sel('offer-sheet') });
    expectWholeRound(round);
    expect(round.stops).toEqual(['offer-decline', 'offer-close']);

    await walker.tabTo(sel('offer-decline'));
    await keys().press('Enter');
    await expect.poll(() => focused(page(), sel('offer-reason'))).toBe(true);
    await keys().type('I would rather have a builder’s quote first.');
    await walker.tabTo(sel('offer-decline-send'));
    await keys().press('Enter');
    await page().locator('[data-testid="offer-sheet"][data-step="done"]').waitFor();
    const stop = await focusStop(page());
    expect(stop.name).not.toBe('body');
    await expectAccessible(page(), 'offer declined');

    await keys().press('Escape');
    await id('offer-open').waitFor();
    await expect.poll(() => focused(page(), sel('identity-take'))).toBe(true);
    await keys().press('Escape');
    await id('identity-open').waitFor();
    expect(await focused(page(), sel('identity-open'))).toBe(true);
  });

  it('a mode request is answered by Tab and Enter; the mode bar switches back with Enter', async () => {
    const { assessor } = journey;
    screen = 'mode request';
    await assessor.page.getByTestId('mode-request-select').selectOption('voice');
    await assessor.page.getByTestId('mode-request-send').click();
    await id('mode-request').waitFor();
    await expectAccessible(page(), 'mode request');
    await walker.tabTo(sel('mode-request-accept'));
    await keys().press('Enter');
    await page().locator('[data-testid="customer-call"][data-mode="voice"]').waitFor();
    await expect.poll(() => assessor.customerMode()).toBe('voice');

    screen = 'voice only';
    await expectAccessible(page(), 'voice only');
    await walker.tabTo(sel('mode-camera'));
    expect(await id('mode-camera').getAttribute('aria-pressed')).toBe('false');
    await keys().press('Enter');
    await page().locator('[data-testid="customer-call"][data-mode="camera"]').waitFor();
    await expect.poll(() => assessor.customerMode()).toBe('camera');
    await assessor.waitForLiveVideo();
    // One fake camera: no front/back switch is offered.
    expect(await id('call-flip').count()).toBe(0);
  });

  it('on a desktop: the same round in reading order, and the chat is a side panel that leaves the controls reachable', async () => {
    screen = 'in call, desktop';
    await page().setViewportSize(viewports.desktop);
    try {
      await expectAccessible(page(), 'in call on a desktop');
      const round = await tabCycle(page(), walker);
      expectWholeRound(round);
      const stops = startingAt(round.stops, 'language-switch');
      expect(stops.slice(-5)).toEqual(['call-mute', 'call-camera', 'call-captions', 'chat-open', 'call-hang-up']);
      expect(await readingOrder(stops)).toEqual([]);

      screen = 'chat panel, desktop';
      await walker.tabTo(sel('chat-open'));
      await keys().press('Enter');
      await id('chat-sheet').waitFor();
      expect(await focused(page(), sel('chat-input'))).toBe(true);
      expect(await id('chat-sheet').getAttribute('aria-modal')).toBe('false');
      await expectAccessible(page(), 'chat panel on a desktop');
      // Not modal: the round goes on through the page and comes back.
      expectWholeRound(await tabCycle(page(), walker));
      await keys().press('Escape');
      await id('chat-sheet').waitFor({ state: 'detached' });
      expect(await focused(page(), sel('chat-open'))).toBe(true);
    } finally {
      await page().setViewportSize(viewports.phone);
    }
  });

  it('Enter on Leave hangs up: the “you left” screen has focus on its heading and a whole round of Tab', async () => {
    const { assessor, customer } = journey;
    screen = 'you left';
    await walker.tabTo(sel('call-hang-up'));
    await keys().press('Enter');
    await customer.callPage('left');
    await expect.poll(() => receivedMessages(assessor.page).then((messages) => messages.some((m) => m.type === 'call-end' && m.by === 'customer'))).toBe(true);
    expect(await focused(page(), '[data-testid="call-ended"] h1')).toBe(true);
    await expectAccessible(page(), 'you left', { desktop: true });
    await expectTouchTargets(page(), 'you left');
    const round = await tabCycle(page(), walker);
    expectWholeRound(round);
    expect(round.stops).toContain('call-rejoin');

    // The survey: Tab into the faces, the arrow keys pick one, Tab to Send and Enter.
    await walker.tabTo('[data-testid="survey"] input[type="radio"]');
    await keys().press('ArrowRight');
    expect(await page().locator('[data-testid="survey"] input[type="radio"]:checked').count()).toBe(1);
    await walker.tabTo(sel('survey-send'));
    await keys().press('Enter');
    await id('survey-thanks').waitFor();
    expect(await focused(page(), sel('survey-thanks'))).toBe(true);
    await expectAccessible(page(), 'survey sent');
  });

  it('no mouse, pointer or touch event reached the customer’s page, and every stop showed its focus', async () => {
    expect(await mouseEvents(page())).toEqual([]);
    expect(walker.faults).toEqual([]);
  });
});
