// Journey: the admin, supervisor and tour pages of the console in Simplified Chinese (issue 16). An admin
// whose console language is 中文 sees the users page (a disabled user's open case, the organisation's
// settings, an API key), the webhooks page with an endpoint's delivery history, the supervisor board with
// a waiting customer, KPI tiles and charts (each chart's figures in its hidden table, in Chinese), the
// tours page and a preview case's live tour panel before the customer connects. Each screen passes axe
// at 1440×900 and is photographed at 1440×900 and 1024×768 (docs/screenshots/console-zh-*.png).
import path from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSink, type Sink } from '../../server/test/webhooks/sink.ts';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';
import { prepareToursDir } from './support/tour-fixture.ts';
import { createPreviewCase } from './support/tour-page.ts';

const ASSESSOR = { name: '李娜', email: 'li.na@example.test', password: 'a long enough password', role: 'assessor' };

describe('the console’s admin, supervisor and tour pages in 中文', () => {
  let tours: Awaited<ReturnType<typeof prepareToursDir>>;
  let sink: Sink;
  beforeAll(async () => {
    tours = await prepareToursDir();
    process.env.SIGHTLINE_TOURS_DIR = tours.dir;
    sink = await startSink();
  });
  const journey = useJourney();
  afterAll(async () => {
    delete process.env.SIGHTLINE_TOURS_DIR;
    await tours?.remove();
    await sink?.close();
  });

  async function call(request: APIRequestContext, method: 'GET' | 'POST' | 'PUT', route: string, expected: number, data?: unknown) {
    const response = await request.fetch(`${journey.server.url}${route}`, { method, ...(data !== undefined ? { data } : {}) });
    expect(response.status(), `${method} ${route}: ${await response.text()}`).toBe(expected);
    return expected === 204 ? null : await response.json();
  }

  /** The whole screen at 1440×900 and at 1024×768 (the console's two desktop sizes), then back to 1440×900. */
  async function shoot(page: Page, name: string): Promise<void> {
    const shots = path.join(repoRoot, 'docs', 'screenshots');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: path.join(shots, `${name}.png`), animations: 'disabled', fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });
    // Nothing wider than the window at 1024: tables and charts fit their columns.
    await page.waitForFunction(() => document.documentElement.scrollWidth <= 1024);
    await page.screenshot({ path: path.join(shots, `${name}-1024.png`), animations: 'disabled', fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  it('the users page: a disabled user’s open case, the organisation’s settings and an API key', async () => {
    const { assessor: console_, server } = journey;
    const page = console_.page;
    await console_.login(server.url, server.admin.email, server.admin.password);
    await call(page.request, 'PUT', '/api/me/language', 200, { language: 'zh-CN' });
    const li = (await call(page.request, 'POST', '/api/users', 201, ASSESSOR)).user;
    const moved = (await call(page.request, 'POST', '/api/cases', 201, { title: '厨房天花板漏水', customerName: '王芳' })).case.id;
    await call(page.request, 'POST', `/api/cases/${moved}/assign`, 200, { assessorId: li.id });
    await call(page.request, 'POST', `/api/users/${li.id}/disable`, 200, {});
    await call(page.request, 'POST', '/api/admin/api-keys', 201, { name: '理赔系统（生产环境）', scopes: ['cases:read', 'outcomes:read'] });

    await page.reload();
    await page.getByTestId('nav-users').click();
    await page.getByTestId('user-case').waitFor();
    await expect(page.locator('main h1').first().textContent()).resolves.toBe('用户');
    await expect(page.getByTestId('user-count').textContent()).resolves.toBe('共 2 位用户 · 1 位已停用');
    await expect(page.getByTestId('org-settings').locator('h2').textContent()).resolves.toBe('机构设置');
    await page.getByTestId('api-key-row').waitFor();
    await expect(page.getByTestId('api-key-row').textContent()).resolves.toContain('从未使用');
    await expectAccessible(page, 'users page in Chinese');
    await shoot(page, 'console-zh-users');
  });

  it('the webhooks page with an endpoint’s delivery history', async () => {
    const page = journey.assessor.page;
    await page.getByTestId('nav-webhooks').click();
    await page.getByTestId('webhooks-empty').waitFor();
    await page.getByTestId('add-webhook-open').click();
    await page.getByTestId('webhook-url').fill(sink.url);
    await page.getByTestId('webhook-description').fill('理赔系统');
    await page.getByTestId('add-webhook-submit').click();
    await page.getByTestId('webhook-secret').waitFor();
    await page.getByTestId('webhook-test').click();
    await page.getByTestId('toast-success').filter({ hasText: '测试事件已送达：204，耗时' }).waitFor();
    await call(page.request, 'POST', '/api/cases', 201, { title: '冰雹损坏引擎盖', reference: 'CLM-ZH-1' });
    await sink.until((r) => r.some((x) => x.json?.type === 'case.created'));
    await page.getByTestId('webhook-history').click();
    const delivered = page.locator('[data-testid="webhook-delivery"][data-state="delivered"]');
    await expect.poll(async () => {
      await page.getByTestId('webhook-deliveries-refresh').click().catch(() => {});
      return delivered.count();
    }).toBeGreaterThan(0);
    await expect(delivered.first().textContent()).resolves.toContain('已送达');
    await expectAccessible(page, 'webhooks page in Chinese');
    await shoot(page, 'console-zh-webhooks');
  });

  it('the supervisor board: the live queue, the KPI tiles and charts, each chart’s figures as a table', async () => {
    const page = journey.assessor.page;
    const me = (await call(page.request, 'GET', '/api/me', 200)).user;
    await call(page.request, 'PUT', `/api/users/${me.id}/routing`, 204, { skills: { auto: 3 }, capacity: { text: 3, video: 1 } });
    await call(page.request, 'PUT', '/api/me/status', 204, { status: 'available' });
    const served = (await call(page.request, 'POST', '/api/cases', 201, { title: '挡风玻璃破裂' })).case.id;
    const entry = (await call(page.request, 'POST', '/api/queue', 201, { caseId: served, channel: 'text' })).entry.id;
    expect((await call(page.request, 'GET', '/api/me/offer', 200)).offer.entryId).toBe(entry);
    await call(page.request, 'POST', `/api/queue/${entry}/accept`, 200, {});
    await call(page.request, 'POST', `/api/queue/${entry}/finish`, 200, {});
    await call(page.request, 'PUT', '/api/me/status', 204, { status: 'away' });
    const waiting = (await call(page.request, 'POST', '/api/cases', 201, { title: '帆船风暴受损' })).case.id;
    await call(page.request, 'POST', '/api/queue', 201, { caseId: waiting, channel: 'video', priority: 2, steps: [{ afterSeconds: 0, requires: [{ skill: 'marine', minLevel: 4 }] }] });

    // A fresh page: no toast or offer card left from before over the board.
    await page.reload();
    await page.getByTestId('nav-supervisor').click();
    const row = page.getByTestId('queue-entry');
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('视频');
    await expect(row.getByTestId('entry-wait').textContent()).resolves.toMatch(/^\d+ 秒$/);
    await page.getByTestId('period-today').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-period"]')?.textContent?.includes('共 2 人排队'));
    await expect(page.getByTestId('kpi-served').textContent()).resolves.toBe('已接待1共 2 人排队');
    await expect(page.getByTestId('chart-channels-table').locator('tbody tr').first().textContent()).resolves.toMatch(/^(文字|语音|视频|3D \/ VR)\d+$/);
    await expectAccessible(page, 'supervisor board in Chinese');
    await shoot(page, 'console-zh-supervisor');
  });

  it('the tours page and a preview case’s live tour panel before the customer connects', async () => {
    const { assessor: console_, server } = journey;
    const page = console_.page;
    await page.getByTestId('nav-tours').click();
    await page.getByTestId('tour-card').first().waitFor();
    await expect(page.getByTestId('tours-page').locator('h1').textContent()).resolves.toBe('导览');
    await expectAccessible(page, 'tours page in Chinese');
    await shoot(page, 'console-zh-tours');

    const created = await createPreviewCase(server, '里斯本航班选座预览', 'fixture-cabin');
    await page.goto(`${server.url}/#/cases/${created.case.id}`);
    const panel = page.getByTestId('tour-live-panel');
    await panel.waitFor();
    await expect(page.getByTestId('tour-customer-status').textContent()).resolves.toContain('尚未收到客户的画面');
    await expect(panel.getByRole('heading', { name: '报价' }).count()).resolves.toBe(1);
    await expectAccessible(page, 'live tour panel in Chinese');
    await shoot(page, 'console-zh-tour-live');
  });
});
