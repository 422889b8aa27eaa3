// Journey: the customer's page for someone who cannot see or hear the call (issue 16). A screen reader
// hears the call connect, each message from the assessor ("Assessor: …"), a photo being taken and sent,
// and a request to switch mode, from the page's polite live region — read here as text, each line once;
// the assessor's voice (the page's one sound) shows as a "Speaking" badge.
// Captions: headless Chromium has no on-device speech recognition for the language (available() says
// "downloadable" and install() fails), so the Captions toggle offers the download, then says plainly
// that live captions are not available on this device and opens the chat from there. The same in
// Simplified Chinese after a switch of language mid-call. axe, touch targets and 200 % reflow on each
// screen; screenshots customer-captions{,-zh}.png. The assessor muting shows and is said in both
// languages (customer-assessor-muted-zh.png).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectReflow, expectTouchTargets } from './support/axe.ts';
import { startLiveCall, useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

process.env.SIGHTLINE_ORGANISATION = 'Harbour Mutual';

const polite = (page: Page): Promise<string[]> => page.getByTestId('announce-polite').locator('p').allTextContents();
const assertive = (page: Page): Promise<string[]> => page.getByTestId('announce-assertive').locator('p').allTextContents();
const count = (lines: string[], text: string): number => lines.filter((line) => line === text).length;
/** Waits until the polite region has said `text` (a photo is taken and uploaded first: allow for a busy machine). */
const heard = (page: Page, text: string) => expect.poll(() => polite(page), { timeout: 20_000 }).toContain(text);

describe('the customer’s page, announced and captioned', () => {
  const journey = useJourney();
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), animations: 'disabled' });

  it('a screen reader hears the call connect, the assessor’s message, the photo and a mode request, each once', async () => {
    const { assessor, customer } = journey;
    await startLiveCall(journey, 'Kitchen ceiling stain', 'Ruth Okafor');
    const page = customer.page;
    await customer.callPage('in-call');
    await heard(page, 'Connected: you are in the call with Administrator.');
    expect(await polite(page)).toContain('Waiting for Administrator to join the call.');
    // The console's fake microphone beeps: the page shows that the assessor's audio is sounding.
    await page.locator('[data-testid="assessor-speaking"][data-speaking="true"]').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('assessor-speaking').textContent()).toBe(' Speaking');

    await assessor.sendChat('Could you show me the ceiling above the sink?');
    await heard(page, 'Assessor: Could you show me the ceiling above the sink?');

    await assessor.page.getByTestId('request-photo').click();
    await heard(page, 'Administrator is taking a photo with your camera. Hold still.');
    await heard(page, 'Photo sent to Administrator.');

    await assessor.page.getByTestId('mode-request-select').selectOption('voice');
    // The console offers a reason the assessor may change; the customer hears it as written.
    const reason = await assessor.page.getByTestId('mode-request-reason').inputValue();
    await assessor.page.getByTestId('mode-request-send').click();
    await page.getByTestId('mode-request').waitFor();
    await heard(page, `Administrator asks you to switch to Voice only: “${reason}”. The Switch and Not now buttons are under the picture.`);
    await expectAccessible(page, 'mode request, announced', { desktop: true });
    await page.getByTestId('mode-request-decline').click();

    // The assessor mutes: the page shows it in words beside the call's title and says it, then says it back on.
    await assessor.page.getByTestId('mute').click();
    await page.getByTestId('assessor-mic-off').waitFor();
    expect(await page.getByTestId('assessor-mic-off').textContent()).toBe(' The assessor\'s microphone is off');
    await heard(page, 'The assessor\'s microphone is off');
    await expectAccessible(page, 'assessor muted');
    await assessor.page.getByTestId('mute').click();
    await page.getByTestId('assessor-mic-off').waitFor({ state: 'detached' });
    await heard(page, 'The assessor\'s microphone is on again');

    const lines = await polite(page);
    expect(count(lines, 'Connected: you are in the call with Administrator.')).toBe(1);
    expect(count(lines, 'Assessor: Could you show me the ceiling above the sink?')).toBe(1);
    expect(count(lines, 'Photo sent to Administrator.')).toBe(1);
    expect(await assertive(page)).toEqual([]);
    // The status pill is no live region of its own: the call's state is said once, by the announcer.
    expect(await page.getByTestId('call-state').getAttribute('role')).toBeNull();
  });

  it('captions: not available on this device, said plainly, and the chat opens from there', async () => {
    const { customer } = journey;
    const page = customer.page;
    const toggle = page.getByTestId('call-captions');
    expect(await toggle.getAttribute('aria-label')).toBe('Captions');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const band = page.getByTestId('captions');
    await band.locator(':scope:is([data-state="download"], [data-state="unavailable"])').waitFor();
    if ((await band.getAttribute('data-state')) === 'download') {
      expect(await band.textContent()).toContain('Captions need a one-time download of speech recognition for English to this device.');
      await expectAccessible(page, 'captions download offer');
      await page.getByTestId('captions-download').click();
    }
    const unavailable = page.getByTestId('captions-unavailable');
    await unavailable.waitFor();
    expect(await unavailable.textContent()).toBe('Live captions are not available on this device — use the chat');
    expect(await band.textContent()).toContain('the call’s sound is never sent anywhere to be written down');
    await heard(page, 'Live captions are not available on this device. Use the chat instead.');

    // The band sits between the picture and the controls, never over them; its words at 16 px or more.
    const bandBox = await band.boundingBox();
    const controlsBox = await page.getByRole('navigation').boundingBox();
    expect(bandBox && controlsBox && bandBox.y + bandBox.height <= controlsBox.y).toBe(true);
    expect(await unavailable.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
    await shoot(page, 'customer-captions');
    await expectAccessible(page, 'captions not available', { desktop: true });
    await expectTouchTargets(page, 'captions not available');
    await expectReflow(page, 'captions not available');
    await page.emulateMedia({ reducedMotion: 'reduce', contrast: 'more' });
    await expectAccessible(page, 'captions not available, reduced motion and more contrast');
    await page.emulateMedia({ reducedMotion: null, contrast: null });

    await page.getByTestId('captions-chat').click();
    await page.getByTestId('chat-sheet').waitFor();
    await customer.chatLine('assessor', 'ceiling above the sink').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('chat-input');
    await expectAccessible(page, 'chat opened from the captions band', { desktop: true });
    await customer.closeChat();
  });

  it('in Simplified Chinese the announcements, the captions band and the controls’ names follow the page', async () => {
    const { assessor, customer } = journey;
    const page = customer.page;
    await page.getByTestId('language-switch').selectOption('zh-CN');
    await page.getByTestId('captions-unavailable').filter({ hasText: '此设备无法显示实时字幕，请使用聊天' }).waitFor();
    expect(await page.getByTestId('call-captions').getAttribute('aria-label')).toBe('字幕');
    expect(await page.getByTestId('captions-chat').textContent()).toBe('打开聊天');

    await assessor.sendChat('请拍一下水槽上方的天花板。');
    await heard(page, '专员：请拍一下水槽上方的天花板。');
    await assessor.page.getByTestId('request-photo').click();
    await heard(page, 'Administrator正在通过您的摄像头拍照，请保持不动。');
    await heard(page, '照片已发送给Administrator。');
    expect(count(await polite(page), '专员：请拍一下水槽上方的天花板。')).toBe(1);
    await assessor.page.getByTestId('mute').click();
    expect(await page.getByTestId('assessor-mic-off').textContent()).toBe(' 专员已关闭麦克风');
    await heard(page, '专员已关闭麦克风');
    await shoot(page, 'customer-assessor-muted-zh');
    await assessor.page.getByTestId('mute').click();
    await heard(page, '专员已重新打开麦克风');

    await shoot(page, 'customer-captions-zh');
    await expectAccessible(page, 'captions not available (zh-CN)', { desktop: true });
    await expectTouchTargets(page, 'captions not available (zh-CN)');
    await expectReflow(page, 'captions not available (zh-CN)');
    await page.getByTestId('captions-chat').click();
    await page.getByTestId('chat-sheet').waitFor();
    await expectAccessible(page, 'chat opened from the captions band (zh-CN)');
    await customer.closeChat();

    await assessor.page.getByTestId('hang-up').click();
    await customer.callPage('ended');
    await expect.poll(() => assertive(page), { timeout: 20_000 }).toContain('通话已结束。');
  });
});
