// Journey in Simplified Chinese (issue 16): the guided capture's screens of guided-capture that
// front-door-zh does not visit (it has the first step), on a link with &lang=zh-CN and a phone without
// WebXR. The viewfinder says where to aim in Chinese; a blurred close-up is rejected with the blur advice
// in Chinese and a "retake" button; retaken sharp, the checklist is complete; with the assessor on the
// call (real WebRTC) the checklist folds into one line and opens again. Each screen: axe, 200 % reflow,
// docs/screenshots/customer-checklist-<screen>-zh.png, and its words from the zh-CN locale files.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { installFakeCamera, setCameraBlur } from './support/fake-camera.ts';
import { useJourney } from './support/journey.ts';
import { withoutWebXr } from './support/xr-device.ts';
import { zh, zhScreen } from './support/zh-screen.ts';

process.env.SIGHTLINE_ORGANISATION = 'Harbour Mutual';

/** The checklist card at the top of the screen, as guided-capture photographs it. */
const showChecklist = (page: Page) => page.getByTestId('checklist').evaluate((card) => card.scrollIntoView({ block: 'start' }));

describe('guided capture in Simplified Chinese', () => {
  const journey = useJourney({ customer: { initScripts: [withoutWebXr, installFakeCamera] } });
  let caseId = '';

  it('the viewfinder says in Chinese to step back for the overview; its photo is accepted', async () => {
    const { assessor, customer, server } = journey;
    const page = customer.page;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('厨房天花板渗水', '赵磊', { checklist: 'property' }));
    await customer.open(`${joinUrl}&lang=zh-CN`);
    await customer.accept();
    await customer.openChecklistCamera();
    const viewfinder = page.getByTestId('checklist-viewfinder');
    expect(await viewfinder.getAttribute('data-aim')).toBe('wide');
    expect(await viewfinder.getByTestId('aim-instruction').textContent()).toBe(zh('capture:frame.wide'));
    await zhScreen(page, 'customer-checklist-viewfinder', 'checklist viewfinder', { desktop: true });
    await customer.pressChecklistShutter();
    expect(await customer.checklistVerdict('room-overview')).toMatchObject({ verdict: 'accepted' });
  });

  it('a blurred close-up is rejected with the blur advice in Chinese, and must be retaken', async () => {
    const { customer } = journey;
    const page = customer.page;
    await setCameraBlur(page, true);
    await customer.takeChecklistPhoto();
    const verdict = await customer.checklistVerdict('damage-close-up');
    expect(verdict).toMatchObject({ verdict: 'rejected', problems: [zh('capture:quality.blurry')] });
    expect(await page.getByTestId('checklist-take').textContent()).toBe(zh('capture:retake'));
    await showChecklist(page);
    await zhScreen(page, 'customer-checklist-retake', 'checklist, retake', { desktop: true });
  });

  it('retaken sharp, the checklist is complete', async () => {
    const { customer } = journey;
    const page = customer.page;
    await setCameraBlur(page, false);
    await customer.takeChecklistPhoto();
    expect(await customer.checklistVerdict('damage-close-up')).toMatchObject({ verdict: 'accepted' });
    await customer.waitForChecklistComplete();
    expect(await page.getByTestId('checklist-complete').textContent()).toContain(zh('capture:complete'));
    await showChecklist(page);
    await zhScreen(page, 'customer-checklist-complete', 'checklist complete', { desktop: true });
  });

  it('in the call the checklist folds into one line and opens again', async () => {
    const { assessor, customer } = journey;
    const page = customer.page;
    await assessor.connectWaiting(caseId);
    await customer.waitForState('connected');
    expect(await page.getByTestId('checklist-toggle').textContent()).toContain(zh('customer:checklist.progress', { done: 2, total: 2 }));
    await customer.openChecklist();
    await zhScreen(page, 'customer-checklist-in-call', 'checklist opened in a call');
  });
});
