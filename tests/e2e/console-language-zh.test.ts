// Journey: the console in Simplified Chinese (issue 16). The admin signs in on an English browser and
// sees English; switches the top bar's language to 中文 and the console speaks Chinese at once (top bar,
// case list, a case with its call panel, an incoming offer from the queue); a reload and a new sign-in
// keep it (the setting is the user's, on the server); signing out brings the browser's English back.
// Each Chinese screen passes axe at 1440×900 and is photographed at 1440×900 and 1024×768.
import path from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

describe('the console in Simplified Chinese, each user’s own setting', () => {
  const journey = useJourney();
  let caseId = '';

  async function call(request: APIRequestContext, method: 'GET' | 'POST' | 'PUT', route: string, expected: number, data?: unknown) {
    const response = await request.fetch(`${journey.server.url}${route}`, { method, ...(data !== undefined ? { data } : {}) });
    expect(response.status(), `${method} ${route}: ${await response.text()}`).toBe(expected);
    return expected === 204 ? null : await response.json();
  }

  /** The screen at 1440×900 and at 1024×768 (the console's two desktop sizes), then back to 1440×900. */
  async function shoot(page: Page, name: string): Promise<void> {
    const shots = path.join(repoRoot, 'docs', 'screenshots');
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: path.join(shots, `${name}.png`), animations: 'disabled' });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: path.join(shots, `${name}-1024.png`), animations: 'disabled' });
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  const topBar = (page: Page) => page.locator('header.topbar');

  it('signs in in the browser’s English and switches the console to 中文 at once', async () => {
    const { assessor, server } = journey;
    const page = assessor.page;
    await page.goto(`${server.url}/`);
    await expect(page.getByTestId('login-submit').textContent()).resolves.toBe('Sign in');
    await assessor.login(server.url, server.admin.email, server.admin.password);
    ({ caseId } = await assessor.createCase('Water damage, kitchen ceiling', 'Wang Fang'));
    await page.getByTestId('join-link-close').click();
    await expect(topBar(page).textContent()).resolves.toContain('Cases');
    expect((await call(page.request, 'GET', '/api/me', 200)).language).toBeNull();

    await page.getByTestId('language-switch').selectOption('zh-CN');
    await page.getByTestId('logout').filter({ hasText: '退出登录' }).waitFor();
    await expect(topBar(page).textContent()).resolves.toContain('案件');
    await expect(page.locator('main h1').textContent()).resolves.toBe('全部案件');
    await expect(page.getByTestId('case-count').textContent()).resolves.toBe('1 个案件');
    await expect(page.getByTestId('new-case-open').textContent()).resolves.toBe('新建案件');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await expect(page.getByTestId('language-switch').inputValue()).resolves.toBe('zh-CN');
  });

  it('keeps 中文 after a reload: the choice is saved for the user', async () => {
    const page = journey.assessor.page;
    await expect.poll(async () => (await call(page.request, 'GET', '/api/me', 200)).language).toBe('zh-CN');
    await page.reload();
    await page.getByTestId('case-list').waitFor();
    await expect(page.locator('main h1').textContent()).resolves.toBe('全部案件');
    await expect(topBar(page).textContent()).resolves.toContain('退出登录');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await shoot(page, 'console-zh-cases');
    await expectAccessible(page, 'console case list in Chinese');
  });

  it('a case with its call panel, and an incoming offer from the queue, in 中文', async () => {
    const { assessor } = journey;
    const page = assessor.page;
    await assessor.openCase(caseId);
    await expect(page.getByTestId('back').textContent()).resolves.toBe('← 案件列表');
    await expect(page.getByTestId('call-state').textContent()).resolves.toBe('链接未打开');
    await expect(page.getByTestId('connect').textContent()).resolves.toBe('连接');
    await expect(page.getByTestId('quality-panel').locator('h3').textContent()).resolves.toBe('连接');
    await shoot(page, 'console-zh-case');
    await expectAccessible(page, 'console case page in Chinese');

    const me = (await call(page.request, 'GET', '/api/me', 200)).user;
    await call(page.request, 'PUT', `/api/users/${me.id}/routing`, 204, { skills: { auto: 3 }, capacity: { video: 1, text: 3 } });
    await page.getByTestId('status-picker').click();
    await page.getByRole('menuitemradio', { name: /空闲/ }).click();
    await page.locator('[data-testid="status-picker"][data-status="available"]').waitFor();
    const title = 'Hail damage, Audi A4';
    const queued = await call(page.request, 'POST', '/api/cases', 201, { title });
    await call(page.request, 'POST', '/api/queue', 201, { caseId: queued.case.id, channel: 'video', priority: 2, steps: [{ afterSeconds: 0, requires: [{ skill: 'auto', minLevel: 2 }] }] });
    const card = page.getByRole('alertdialog', { name: title });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('来电 · 视频通话');
    await expect(card.getByTestId('offer-accept').textContent()).resolves.toBe('接受');
    await shoot(page, 'console-zh-queue-offer');
    await expectAccessible(page, 'console incoming offer in Chinese');
    // Away: the open offer is declined and no other comes while the journey goes on.
    await call(page.request, 'PUT', '/api/me/status', 204, { status: 'away' });
  });

  it('signing out brings back the browser’s English; signing in again brings back 中文', async () => {
    const { assessor, server } = journey;
    const page = assessor.page;
    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').filter({ hasText: 'Sign in' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.getByTestId('login-email').fill(server.admin.email);
    await page.getByTestId('login-password').fill(server.admin.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').filter({ hasText: '退出登录' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');

    await page.getByTestId('language-switch').selectOption('en');
    await page.getByTestId('logout').filter({ hasText: 'Sign out' }).waitFor();
    await expect.poll(async () => (await call(page.request, 'GET', '/api/me', 200)).language).toBe('en');
  });
});
