// Journey in Simplified Chinese (issue 16): the customer's call states that customer-zh does not visit,
// from join-link, xr-fallback, weak-link, channel-switch, network-drop, customer-call-app and
// after-session, on a link with &lang=zh-CN and a phone without WebXr. The customer declines and starts
// again; the 3D overlay over the camera; in a live call (real WebRTC) a lossy uplink offers audio only
// and the customer takes it; the assessor proposes text with a reason and the customer switches, then
// moves to voice on their own; the network drops and the page says it is reconnecting; the customer
// hangs up ("you left") and answers the survey — first with no face chosen, then the thanks; back on the
// link, the assessor closes the case; a forged link. Waiting is also seen with reduced motion and more
// contrast. Each screen: axe, 200 % reflow on the phone, docs/screenshots/<screen>-zh.png, and its
// words from the zh-CN locale files.
import { describe, expect, it } from 'vitest';
import { startLiveCall, useJourney } from './support/journey.ts';
import { inLoopbackOnlyNamespace, setLoopback } from './support/network.ts';
import { installStatsFault } from './support/stats-fault.ts';
import { withoutWebXr } from './support/xr-device.ts';
import { zh, zhScreen } from './support/zh-screen.ts';

process.env.SIGHTLINE_ORGANISATION = 'Harbour Mutual';

describe('the customer’s call states in Simplified Chinese', () => {
  const journey = useJourney({ customer: { initScripts: [withoutWebXr, installStatsFault] } });
  let caseId = '';

  it('declined, then started again; the 3D overlay over the camera while waiting', async () => {
    const { assessor, customer, server } = journey;
    const page = customer.page;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('浴室瓷砖开裂', '陈静'));
    await customer.open(`${joinUrl}&lang=zh-CN`);
    await page.getByTestId('consent-decline').click();
    const declined = page.getByTestId('declined');
    await declined.waitFor();
    expect(await declined.locator('h1').textContent()).toBe(zh('customer:declined.title'));
    expect(await page.getByTestId('declined-start-again').textContent()).toBe(zh('customer:declined.startAgain'));
    await zhScreen(page, 'customer-declined', 'declined', { desktop: true });
    await page.getByTestId('declined-start-again').click();
    await page.getByTestId('consent-screen').waitFor();
    await customer.accept();
    await page.emulateMedia({ reducedMotion: 'reduce', contrast: 'more' });
    await zhScreen(page, 'customer-waiting-contrast', 'waiting, reduced motion and more contrast');
    await page.emulateMedia({ reducedMotion: null, contrast: null });

    await page.getByTestId('mode-overlay').click();
    await page.getByTestId('overlay-view').waitFor();
    expect(await page.getByTestId('mode-overlay').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('mode-overlay').textContent()).toBe(zh('customer:mode.shortOverlay'));
    await zhScreen(page, 'customer-overlay', 'the 3D overlay over the camera', { desktop: true });
    await page.getByTestId('mode-camera').click();
    await page.locator('[data-testid="customer-mode"][data-mode="camera"]').waitFor();
  });

  it('in the call a lossy uplink offers audio only, and the customer takes it', async () => {
    const { assessor, customer } = journey;
    const page = customer.page;
    await assessor.connectWaiting(caseId);
    await customer.callPage('in-call');
    await page.evaluate(() => window.sightlineStatsFault?.setLoss(0.15));
    const offer = page.getByTestId('suggest-audio-only');
    await offer.waitFor({ timeout: 30_000 });
    expect(await offer.textContent()).toContain(zh('customer:call.weak'));
    await zhScreen(page, 'customer-audio-only-offered', 'in call, audio only offered', { desktop: true });
    await offer.getByRole('button', { name: zh('customer:call.audioOnly') }).click();
    await assessor.page.getByTestId('video-empty').waitFor();
    expect(await page.getByTestId('call-camera').getAttribute('aria-label')).toBe(zh('customer:controls.cameraOn'));
    await zhScreen(page, 'customer-audio-only', 'in call, audio only', { desktop: true });
    await page.evaluate(() => window.sightlineStatsFault?.setLoss(0));
    await page.getByTestId('call-camera').click();
    await assessor.page.getByTestId('video-empty').waitFor({ state: 'detached' });
  });

  it('the assessor proposes text with a reason; the customer switches, then moves to voice', async () => {
    const { assessor, customer } = journey;
    const page = customer.page;
    const desk = assessor.page;
    await desk.getByTestId('mode-request-select').selectOption('text');
    const reason = '网络不稳定，我们先用文字沟通';
    await desk.getByTestId('mode-request-reason').fill(reason);
    await desk.getByTestId('mode-request-send').click();
    const prompt = page.getByTestId('mode-request');
    await prompt.waitFor();
    // The message with the reason left out, split where the reason goes (its tags dropped): "…：<reason></reason>。…".
    const [before, after] = zh('customer:mode.requestReason', { mode: zh('customer:mode.labelText') }).split('：。');
    expect(await prompt.textContent()).toContain(`${before}：${reason}。${after}`);
    expect(await prompt.getByTestId('mode-request-accept').textContent()).toBe(zh('customer:mode.accept'));
    await zhScreen(page, 'customer-mode-request', 'switch to text proposed', { desktop: true });
    await prompt.getByTestId('mode-request-accept').click();
    await page.locator('[data-testid="customer-call"][data-mode="text"]').waitFor();
    await zhScreen(page, 'customer-text-call', 'call in text', { desktop: true });

    await page.getByTestId('mode-voice').click();
    await page.locator('[data-testid="customer-call"][data-mode="voice"]').waitFor();
    expect(await page.getByTestId('mode-voice').getAttribute('aria-pressed')).toBe('true');
    await zhScreen(page, 'customer-voice-call', 'call in voice', { desktop: true });
  });

  it.skipIf(!inLoopbackOnlyNamespace())('the network drops: the page says it is reconnecting, then the call is back', async () => {
    const { customer } = journey;
    const page = customer.page;
    setLoopback(false);
    try {
      await customer.callPage('reconnecting', 30_000);
      expect(await page.getByTestId('call-state').textContent()).toBe(zh('customer:call.statusReconnecting'));
      expect(await page.getByTestId('customer-call').textContent()).toContain(zh('customer:call.reconnecting'));
      await zhScreen(page, 'customer-reconnecting', 'reconnecting', { desktop: true });
    } finally {
      setLoopback(true);
    }
    await customer.callPage('in-call', 60_000);
  });

  it('the customer hangs up: "you left" with the survey; sending with no face, then the thanks', async () => {
    const { customer } = journey;
    const page = customer.page;
    await page.getByTestId('call-hang-up').click();
    await customer.callPage('left');
    expect(await page.getByTestId('call-ended').locator('h1').textContent()).toBe(zh('customer:ended.left'));
    expect(await page.getByTestId('call-rejoin').textContent()).toBe(zh('customer:ended.rejoinCall'));
    await page.getByTestId('survey').waitFor();
    await zhScreen(page, 'customer-left', 'you left', { desktop: true, fullPage: true });

    await page.getByTestId('survey-send').click();
    expect(await page.getByTestId('survey-problem').textContent()).toContain(zh('customer:survey.chooseFirst'));
    await page.getByTestId('survey').scrollIntoViewIfNeeded();
    await zhScreen(page, 'survey-problem', 'survey, no face chosen');
    await page.getByRole('radio', { name: zh('customer:survey.choice4'), exact: true }).check();
    await page.getByTestId('survey-send').click();
    const thanks = page.getByTestId('survey-thanks');
    await thanks.waitFor();
    expect(await thanks.textContent()).toContain(zh('customer:survey.thanksTitle'));
    await zhScreen(page, 'survey-thanks', 'survey thanks', { desktop: true });
  });

  it('back on the link, the assessor closes the case: the page says so in Chinese', async () => {
    const { assessor, customer } = journey;
    const page = customer.page;
    await page.getByTestId('call-rejoin').click();
    await customer.callPage('waiting');
    const desk = assessor.page;
    await desk.getByTestId('close-case').click();
    await desk.getByTestId('close-reason').fill('已电话结案');
    await desk.getByTestId('case-close-submit').click();
    const closed = page.getByTestId('case-closed');
    await closed.waitFor({ timeout: 45_000 });
    expect(await closed.getByRole('heading').first().textContent()).toBe(zh('customer:link.closedTitle'));
    await zhScreen(page, 'customer-case-closed', 'case closed', { desktop: true });
  });

  it('a forged link says so in Chinese', async () => {
    const { customer, server } = journey;
    const page = customer.page;
    await page.goto('about:blank');
    await page.goto(`${server.url}/j#not-a-real-token-0123456789&lang=zh-CN`);
    await page.getByTestId('link-invalid').waitFor();
    expect(await page.getByRole('heading').textContent()).toBe(zh('customer:link.invalidTitle'));
    await zhScreen(page, 'customer-link-invalid', 'a forged or expired link', { desktop: true });
  });
});
