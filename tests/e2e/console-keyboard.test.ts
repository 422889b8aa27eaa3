// Journey (issue 16): the whole console without a mouse. On the assessor's page only the keyboard is
// used — Tab, Shift+Tab, Enter, arrows, typing and the Alt+Shift shortcuts — to sign in, create and
// open a case, connect to the customer (whose phone page is driven as usual), capture a frame, mute and
// unmute, use the chat, open and close the shortcut help, hang up and record an outcome. Every stop of
// Tab on the way shows a focus ring, and no mouse or pointer event reaches the page.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { countMouseEvents } from './support/keyboard.ts';
import { inLoopbackOnlyNamespace } from './support/network.ts';
import { repoRoot } from './support/server.ts';

declare global {
  interface Window {
    /** The microphone streams the page opened. */
    sightlineMicrophones?: MediaStream[];
  }
}

/** Keeps the microphone streams the console opens, so the journey can read its track's `enabled`. */
function keepMicrophones(): void {
  const kept: MediaStream[] = [];
  window.sightlineMicrophones = kept;
  const devices = navigator.mediaDevices;
  const open = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    const stream = await open(constraints);
    if (stream.getAudioTracks().length > 0) kept.push(stream);
    return stream;
  };
}

/** What has focus now, and whether a focus ring can be seen on it. */
interface FocusStop {
  matches: boolean;
  name: string;
  ring: boolean;
}

describe.skipIf(!inLoopbackOnlyNamespace())('the console by keyboard alone', () => {
  const journey = useJourney({ console: { initScripts: [countMouseEvents, keepMicrophones] } });
  const page = (): Page => journey.assessor.page;
  const keys = () => page().keyboard;
  let caseId = '';
  let joinUrl = '';
  /** Focus stops without a visible focus ring, with the page they were on. */
  const unringed: string[] = [];

  async function focusStop(selector: string): Promise<FocusStop> {
    return page().evaluate((wanted) => {
      const element = document.activeElement;
      if (!element || element === document.body) return { matches: false, name: 'body', ring: true };
      const style = getComputedStyle(element);
      const transparent = /rgba\(.*,\s*0\)$|transparent/.test(style.outlineColor);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !transparent;
      const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
      const testId = element.getAttribute('data-testid');
      const name = `${element.tagName.toLowerCase()}${testId ? `[data-testid=${testId}]` : element.id ? `#${element.id}` : ''} “${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}”`;
      // The outline is computed for the focused state: a ring drawn by :focus-visible or :focus-within rules.
      return { matches: element.matches(wanted), name, ring: outline || shadow };
    }, selector);
  }

  /** Presses Tab (or Shift+Tab) until `selector` has focus, checking each stop on the way shows its focus. */
  async function tabTo(selector: string, options: { backward?: boolean; max?: number } = {}): Promise<void> {
    const max = options.max ?? 200;
    for (let i = 0; i < max; i++) {
      await keys().press(options.backward ? 'Shift+Tab' : 'Tab');
      const stop = await focusStop(selector);
      if (!stop.ring) unringed.push(stop.name);
      if (stop.matches) return;
    }
    throw new Error(`${max} presses of ${options.backward ? 'Shift+Tab' : 'Tab'} did not reach ${selector}`);
  }

  const focused = (selector: string): Promise<boolean> => page().evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
  const microphoneOn = (): Promise<boolean | null> => page().evaluate(() => window.sightlineMicrophones?.at(-1)?.getAudioTracks()[0]?.enabled ?? null);

  async function shootHelp(file: string): Promise<void> {
    await page().setViewportSize({ width: 1440, height: 900 });
    await page().evaluate(() => window.scrollTo(0, 0));
    await page().screenshot({ path: path.join(repoRoot, 'docs/screenshots', file), animations: 'disabled' });
  }

  it('signs in with Tab, typing and Enter; Skip to main content is the first stop and lands on the heading', async () => {
    const { server } = journey;
    await page().setViewportSize({ width: 1440, height: 900 });
    await page().goto(`${server.url}/`);
    await page().getByTestId('login-form').waitFor();
    await tabTo('[data-testid="login-email"]');
    await keys().type(server.admin.email);
    await tabTo('[data-testid="login-password"]');
    await keys().type(server.admin.password);
    await keys().press('Enter');
    await page().getByTestId('new-case-open').waitFor();

    await keys().press('Tab');
    expect(await focused('[data-testid="skip-to-main"]')).toBe(true);
    const link = await page().getByTestId('skip-to-main').boundingBox();
    expect(link && link.y >= 0 && link.height > 0).toBe(true);
    await keys().press('Enter');
    expect(await focused('#main-content h1')).toBe(true);
  });

  it('creates a case from the list; the customer opens the link and waits', async () => {
    await tabTo('[data-testid="new-case-open"]');
    await keys().press('Enter');
    // The form takes focus on its first field.
    await expect.poll(() => focused('[data-testid="new-case-title"]')).toBe(true);
    await keys().type('Water damage — kitchen ceiling');
    await tabTo('[data-testid="new-case-customer"]');
    await keys().type('Kim Example');
    await keys().press('Enter');
    const card = page().getByTestId('join-link-card').filter({ hasText: 'Water damage — kitchen ceiling' });
    await card.waitFor();
    joinUrl = await card.getByTestId('join-link-url').evaluate((input) => (input instanceof HTMLInputElement ? input.value : ''));
    caseId = (await page().locator('[data-testid="case-row"]', { hasText: 'Water damage — kitchen ceiling' }).getAttribute('data-case-id')) ?? '';
    expect(caseId).not.toBe('');

    await journey.customer.open(joinUrl);
    await journey.customer.accept();
    await journey.assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor({ timeout: 20_000 });
  });

  it('opens the case from the list: focus moves to the case’s heading', async () => {
    await tabTo(`[data-testid="case-row"][data-case-id="${caseId}"] [data-testid="case-open"]`);
    await keys().press('Enter');
    await page().locator(`[data-testid="case-view"][data-case-id="${caseId}"]`).waitFor();
    await expect.poll(() => focused('h1[data-testid="case-title"]')).toBe(true);
  });

  it('connects with Tab and Enter; the customer’s phone answers and its video arrives', async () => {
    await tabTo('[data-testid="connect"]:not(:disabled)');
    expect(await page().getByTestId('connect').getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+A');
    await keys().press('Enter');
    await page().locator('[data-testid="call-state"][data-state="connected"]').waitFor({ timeout: 45_000 });
    await journey.customer.callPage('in-call');
    await journey.assessor.waitForLiveVideo();
    // The same button now hangs up, and still has focus.
    expect(await focused('[data-testid="hang-up"]')).toBe(true);
    expect(await page().getByTestId('hang-up').getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+H');
  });

  it('Alt+Shift+C captures a frame, stored in the evidence gallery', async () => {
    expect(await page().getByTestId('capture-frame').getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+C');
    await expect.poll(() => page().getByTestId('capture-frame').isEnabled(), { timeout: 20_000 }).toBe(true);
    await keys().press('Alt+Shift+KeyC');
    const frame = await journey.assessor.waitForEvidence('video-frame');
    expect(frame.naturalWidth).toBeGreaterThan(0);
  });

  it('Alt+Shift+M mutes and unmutes: the toggle is pressed and the microphone track disabled, then back', async () => {
    const mute = page().getByTestId('mute');
    expect(await mute.getAttribute('aria-pressed')).toBe('false');
    expect(await mute.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+M');
    expect(await microphoneOn()).toBe(true);

    await keys().press('Alt+Shift+KeyM');
    await expect.poll(() => mute.getAttribute('aria-pressed')).toBe('true');
    expect(await microphoneOn()).toBe(false);
    expect(await page().getByTestId('mute-note').textContent()).toBe('Your microphone is off');
    await expectAccessible(page(), 'a case in a call, the microphone muted');

    await keys().press('Alt+Shift+KeyM');
    await expect.poll(() => mute.getAttribute('aria-pressed')).toBe('false');
    expect(await microphoneOn()).toBe(true);
    expect(await page().getByTestId('mute-note').textContent()).toBe('');
  });

  it('Alt+Shift+T goes to the chat box; a line typed there reaches the customer', async () => {
    await keys().press('Alt+Shift+KeyT');
    expect(await focused('[data-testid="chat-input"]')).toBe(true);
    await keys().type('Please point the camera at the stain.');
    await keys().press('Enter');
    await journey.customer.openChat();
    await journey.customer.chatLine('assessor', 'Please point the camera at the stain.').waitFor();
    await tabTo('[data-testid="hang-up"]', { backward: true });
  });

  it('Alt+Shift+K opens the help listing the shortcuts; Escape closes it and focus returns', async () => {
    await keys().press('Alt+Shift+KeyK');
    const help = page().locator('dialog[data-testid="shortcut-help"][open]');
    await help.waitFor();
    expect(await focused('[data-testid="shortcut-help-close"]')).toBe(true);
    expect(await help.locator('tr[data-action="mute"]').getAttribute('data-usable')).toBe('true');
    expect(await help.locator('tr[data-action="connect"]').getAttribute('data-usable')).toBe('false');
    expect(await help.locator('tr[data-action="capture"] kbd').allTextContents()).toEqual(['Alt', 'Shift', 'C']);
    await expectAccessible(page(), 'the keyboard shortcut help');
    await shootHelp('console-shortcuts.png');

    await keys().press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(await focused('[data-testid="hang-up"]')).toBe(true);
  });

  it('the top bar’s Keyboard shortcuts button opens the same help in Chinese after a switch to 中文', async () => {
    await tabTo('[data-testid="language-switch"]', { backward: true });
    while ((await page().getByTestId('language-switch').inputValue()) !== 'zh-CN') await keys().press('ArrowDown');
    await expect.poll(() => page().evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    await tabTo('[data-testid="shortcut-help-open"]', { backward: true });
    expect(await page().getByTestId('shortcut-help-open').getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+K');
    expect(await page().getByTestId('shortcut-help-open').textContent()).toBe('键盘快捷键');
    await keys().press('Enter');
    const help = page().locator('dialog[data-testid="shortcut-help"][open]');
    await help.waitFor();
    expect(await help.locator('h2').textContent()).toBe('键盘快捷键');
    expect(await help.locator('tr[data-action="mute"] td').nth(1).textContent()).toBe('麦克风静音或取消静音');
    await expectAccessible(page(), 'the keyboard shortcut help in Chinese');
    await shootHelp('console-shortcuts-zh.png');
    await keys().press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(await focused('[data-testid="shortcut-help-open"]')).toBe(true);

    await tabTo('[data-testid="language-switch"]');
    while ((await page().getByTestId('language-switch').inputValue()) !== 'en') await keys().press('ArrowUp');
    await expect.poll(() => page().evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('Alt+Shift+H hangs up; the customer’s page hears it', async () => {
    await keys().press('Alt+Shift+KeyH');
    await page().locator('[data-testid="call-state"][data-state="ended"]').waitFor({ timeout: 20_000 });
    await journey.customer.page.locator('[data-testid="call-ended"][data-by="assessor"]').waitFor({ timeout: 10_000 });
  });

  it('records an outcome through the form by keyboard, and it is stored', async () => {
    await tabTo('[data-testid="outcome-decision"]');
    while ((await page().getByTestId('outcome-decision').inputValue()) !== 'referred') await keys().press('ArrowDown');
    await tabTo('[data-testid="outcome-reason"]');
    await keys().type('Ceiling stain needs a surveyor’s visit before any settlement.');
    await tabTo('[data-testid="outcome-submit"]');
    await keys().press('Enter');
    await page().locator('[data-testid="outcome-entry"][data-decision="referred"]').waitFor();
    const stored = (await journey.assessor.fetchJson(`/api/cases/${caseId}`)) as { status: number; body: { outcomes: { decision: string; reason: string }[] } };
    expect(stored.status).toBe(200);
    expect(stored.body.outcomes.map((o) => [o.decision, o.reason])).toEqual([['referred', 'Ceiling stain needs a surveyor’s visit before any settlement.']]);
  });

  it('Alt+Shift+L goes back to the case list, focus on its heading; no mouse event reached the page, every focus stop showed its ring', async () => {
    await keys().press('Alt+Shift+KeyL');
    await page().getByTestId('case-list').waitFor();
    await expect.poll(() => focused('#main-content h1')).toBe(true);
    expect(await page().evaluate(() => window.sightlineMouseEvents ?? null)).toEqual([]);
    expect(unringed).toEqual([]);
  });

  it('(the counter would have seen a mouse: a click in another tab of the same console is counted)', async () => {
    const other = await journey.contexts[0]!.newPage();
    await other.goto(`${journey.server.url}/`);
    await other.getByTestId('skip-to-main').or(other.getByTestId('login-form')).first().waitFor();
    await other.mouse.click(5, 5);
    expect(await other.evaluate(() => window.sightlineMouseEvents ?? null)).toEqual(expect.arrayContaining(['pointerdown', 'mousedown', 'click']));
    await other.close();
  });
});
