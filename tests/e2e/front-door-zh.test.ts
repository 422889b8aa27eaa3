// Journey in Simplified Chinese (issue 16): (a) a customer opens /start from their case's join link with
// &lang=zh-CN, asks in Chinese about their claim, and the digital assistant answers in Chinese from the
// case's facts (the checklist items still missing, by their Chinese titles), from the Chinese knowledge
// base, and — for what it does not know — says so in Chinese and offers a person; (b) on the join link with
// &lang=zh-CN the guided capture's steps are in Chinese, and turn English when the customer switches.
import path from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectTouchTargets } from './support/axe.ts';
import { installFakeCamera } from './support/fake-camera.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

/** A phone browser without WebXR: the guided capture is the plain camera. */
function removeWebXr(): void {
  Reflect.deleteProperty(Navigator.prototype, 'xr');
}

describe('the front door in Chinese', () => {
  const journey = useJourney({ customer: { initScripts: [removeWebXr, installFakeCamera] } });
  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', `${name}.png`), animations: 'disabled' });

  async function call(request: APIRequestContext, method: 'GET' | 'POST', route: string, expected: number, data?: unknown) {
    const response = await request.fetch(`${journey.server.url}${route}`, { method, ...(data !== undefined ? { data } : {}) });
    expect(response.status(), `${method} ${route}: ${await response.text()}`).toBe(expected);
    return await response.json();
  }

  let signedIn = false;
  /** The assessor's API, signed in once for the file (either test may run alone). */
  async function assessorApi(): Promise<APIRequestContext> {
    const { assessor, server } = journey;
    if (!signedIn) await assessor.login(server.url, server.admin.email, server.admin.password);
    signedIn = true;
    return assessor.page.request;
  }

  async function ask(page: Page, question: string, nth: number) {
    await page.getByTestId('agent-input').fill(question);
    await page.getByTestId('agent-send').click();
    const answer = page.getByTestId('agent-answer').nth(nth);
    await answer.waitFor();
    return { source: await answer.getAttribute('data-source'), handOff: await answer.getAttribute('data-hand-off'), text: (await answer.locator('p').first().textContent()) ?? '' };
  }

  it('the assistant answers a Chinese page in Chinese: the case’s facts, the knowledge base, and what it does not know', async () => {
    const { customer, server } = journey;
    const api = await assessorApi();
    const created = await call(api, 'POST', '/api/cases', 201, { title: '冰雹损坏 — 奥迪A4', customerName: '李伟', checklist: 'vehicle', reference: 'CLM-2026' });

    const page = customer.page;
    await page.goto(`${server.url}/start?link=${encodeURIComponent(created.token)}&lang=zh-CN`);
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('zh-CN');
    await page.getByTestId('service-claim').click();
    await page.getByTestId('start-intent').fill('我的理赔进度怎么样了？');
    await page.getByTestId('start-submit').click();

    await page.getByTestId('front-door').waitFor();
    const first = page.getByTestId('agent-answer').first();
    await expect(first.getAttribute('data-source')).resolves.toBe('rule:case-status');
    await expect(first.locator('p').first().textContent()).resolves.toBe(
      '您的案件CLM-2026当前状态：评估中。下一步：请在本页面补拍并上传缺少的照片。还缺少7项材料：车辆左前角、车辆右前角、车辆左后角、车辆右后角、车架号（VIN）、里程表、各处受损部位。',
    );
    expect(await ask(page, '理赔需要多长时间？', 1)).toMatchObject({ source: 'kb:how-long-a-claim-takes', handOff: 'none', text: expect.stringMatching(/^理赔需要多长时间\s+通过视频查勘的理赔/) });
    expect(await ask(page, '法国的首都是哪里', 2)).toEqual({ source: 'none', handOff: 'needed', text: '这个问题我暂时无法回答，现在为您转接人工客服。' });
    // The case keeps the page's language as the customer's: the console shows it.
    expect((await call(api, 'GET', `/api/cases/${created.case.id}`, 200)).case.customerLanguage).toBe('zh-CN');
    await shoot(page, 'front-door-agent-zh');
    await expectAccessible(page, 'the assistant in Chinese', { desktop: true });
    await expectTouchTargets(page, 'the assistant in Chinese');
  });

  it('the guided capture’s steps are in Chinese on a Chinese link, and in English once the customer switches', async () => {
    const { customer } = journey;
    const created = await call(await assessorApi(), 'POST', '/api/cases', 201, { title: 'Water damage — hallway', customerName: 'Li Wei', checklist: 'property' });
    // From the first test's join page, a new link would be only a new #hash: load the page afresh.
    await customer.page.goto('about:blank');
    await customer.open(`${created.joinUrl}&lang=zh-CN`);
    await customer.accept();
    expect(await customer.checklistItem()).toEqual({ id: 'room-overview', status: 'pending', title: '房间全景' });
    await expect(customer.page.locator('.checklist-hint').first().textContent()).resolves.toBe('站在房间一角拍摄，让房间大部分入镜。');
    await customer.page.getByTestId('guided-capture').waitFor();
    await expectAccessible(customer.page, 'guided capture with Chinese steps', { desktop: true });
    await customer.page.getByTestId('checklist').evaluate((card) => card.scrollIntoView({ block: 'start' }));
    await shoot(customer.page, 'customer-checklist-zh');

    await customer.page.getByTestId('language-switch').selectOption('en');
    await expect.poll(() => customer.page.getByTestId('checklist-item-title').textContent()).toBe('Room overview');
  });
});
