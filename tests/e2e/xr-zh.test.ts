// Journey in Simplified Chinese (issue 16): the AR screens of xr-inspection, xr-camera-access and
// xr-guided-capture on a link with &lang=zh-CN. The customer's emulated AR phone is offered AR (the mode
// bar's words in Chinese), enters it, and the DOM overlay over the AR view shows the checklist's item
// (its title from the server in Chinese), the aim guide's advice ("请后退一些", drawn and spoken), the
// verdict on the photo taken from the overlay and then the checklist complete; then the assessor connects
// and the overlay shows the call in Chinese. Each screen: axe, 200 % reflow, a screenshot
// docs/screenshots/customer-ar-*-zh.png (none of the call: the overlay looks as before it).
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectReflow } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { installXrDevice, setPhonePose } from './support/xr-device.ts';
import { HAN, zh, zhScreen } from './support/zh-screen.ts';

process.env.SIGHTLINE_ORGANISATION = 'Harbour Mutual';

describe('AR on a phone in Simplified Chinese', () => {
  const journey = useJourney({ setup: (j) => installXrDevice(j.contexts[1]!, { cameraGrain: true }) });
  let caseId = '';

  it('the camera with AR offered, then the AR view with the checklist in its overlay', async () => {
    const { assessor, customer, server } = journey;
    const page = customer.page;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('办公室地面水渍', '李明', { checklist: 'property' }));
    await customer.open(`${joinUrl}&lang=zh-CN`);
    await customer.accept();
    await page.getByTestId('mode-ar').waitFor();
    expect(await page.getByRole('group', { name: zh('customer:mode.group') }).count()).toBe(1);
    expect(await page.getByTestId('mode-camera').textContent()).toBe(zh('customer:mode.shortCamera'));
    expect(await page.getByTestId('mode-ar').getAttribute('title')).toBe(zh('customer:mode.segmentTitle', { label: zh('customer:mode.labelAr'), hint: zh('customer:mode.hintAr') }));
    await zhScreen(page, 'customer-ar-offered', 'camera with AR offered', { desktop: true });

    await page.getByTestId('mode-ar').click();
    await page.locator('[data-testid="ar-view"][data-state="running"]').waitFor({ state: 'attached', timeout: 60_000 });
    const bar = page.getByTestId('ar-checklist');
    await bar.waitFor();
    expect(await bar.textContent()).toContain(zh('capture:position', { position: 1, total: 2 }));
    expect(await bar.locator('strong').first().textContent()).toMatch(HAN);
    expect(await page.getByTestId('ar-checklist-take').textContent()).toBe(zh('capture:take'));
    await zhScreen(page, 'customer-ar-view', 'AR view and its DOM overlay');
  });

  it('the aim guide says "step back" in Chinese, drawn and spoken; the photos from the overlay are accepted and complete the checklist', async () => {
    const page = journey.customer.page;
    const aim = page.getByTestId('ar-aim');
    // Held 1.4 m over the floor looking down: too near for the room's overview.
    await setPhonePose(page, [-0.3, 1.4, 0.4], -90);
    await expect.poll(() => aim.getAttribute('data-cue'), { timeout: 20_000 }).toBe('back');
    expect(await aim.textContent()).toBe(zh('capture:aim.back'));
    await expect.poll(() => page.getByTestId('ar-aim-spoken').textContent(), { timeout: 5_000 }).toBe(zh('capture:aim.back'));
    await zhScreen(page, 'customer-ar-aim-step-back', 'AR aim guide, step back');

    // From a corner of the office, looking level across it.
    await setPhonePose(page, [1.0, 1.5, 1.2], 0, 45);
    await expect.poll(() => aim.getAttribute('data-cue'), { timeout: 20_000 }).toBe('ok');
    expect(await aim.textContent()).toBe(zh('capture:aim.ok'));
    await page.getByTestId('ar-checklist-take').click();
    const verdict = page.getByTestId('ar-checklist-verdict');
    await verdict.waitFor({ timeout: 30_000 });
    expect(await verdict.getAttribute('data-verdict')).toBe('accepted');
    expect(await verdict.textContent()).toMatch(/^✓ \p{Script=Han}+已通过$/u);
    await expect.poll(() => page.getByTestId('ar-checklist').getAttribute('data-item-id')).toBe('damage-close-up');
    await zhScreen(page, 'customer-ar-checklist', 'AR guided capture, the overview accepted');

    // Crouched 0.4 m over the floor for the close-up: its photo completes the checklist.
    await setPhonePose(page, [-0.3, 0.45, 0.4], -90);
    await expect.poll(() => aim.getAttribute('data-cue'), { timeout: 20_000 }).toBe('ok');
    await page.getByTestId('ar-checklist-take').click();
    const done = page.locator('[data-testid="ar-checklist"][data-complete="true"]');
    await done.waitFor({ timeout: 30_000 });
    expect(await done.textContent()).toContain(zh('capture:allDoneCount_other', { count: 2 }));
    await zhScreen(page, 'customer-ar-complete', 'AR guided capture, the checklist complete');
  });

  it('in a call the AR overlay shows the call in Chinese', async () => {
    const { assessor, customer } = journey;
    const page = customer.page;
    await assessor.openCase(caseId);
    await assessor.connect();
    await assessor.waitForLiveVideo(60_000);
    await customer.callPage('in-call');
    expect(await page.getByTestId('call-state').textContent()).toBe(zh('customer:call.statusLive'));
    expect(await page.getByTestId('call-hang-up').getAttribute('aria-label')).toBe(zh('customer:controls.hangUp'));
    // The overlay looks as it did before the call (the last screenshot): axe and reflow only.
    await expectAccessible(page, 'AR view and its DOM overlay, in a call (zh-CN)');
    await expectReflow(page, 'AR view and its DOM overlay, in a call (zh-CN)');
  });
});
