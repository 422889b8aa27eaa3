// Journey: the supervisor's wall board (issue 14). An admin makes a supervisor and an assessor, serves
// one customer from the queue and leaves another waiting for a skill nobody has. The supervisor signs
// in, opens Supervisor, sees the waiting customer (place, channel, wait, estimate) and the assessors,
// the KPI tiles and four charts drawn on their canvases, and downloads the period's CSV.
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

const SUPERVISOR = { name: 'Sam Okafor', email: 'sam@example.test', password: 'a long enough password', role: 'supervisor' };
const ASSESSOR = { name: 'Cora Lane', email: 'cora@example.test', password: 'a long enough password', role: 'assessor' };

describe('the supervisor wall board', () => {
  const journey = useJourney();
  const shots = path.join(repoRoot, 'docs', 'screenshots');
  const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), animations: 'disabled', fullPage: true });

  async function call(request: APIRequestContext, method: 'GET' | 'POST' | 'PUT', route: string, expected: number, data?: unknown) {
    const response = await request.fetch(`${journey.server.url}${route}`, { method, ...(data !== undefined ? { data } : {}) });
    expect(response.status(), `${method} ${route}: ${await response.text()}`).toBe(expected);
    return expected === 204 ? null : await response.json();
  }

  /** Pixels drawn on a chart's canvas (not transparent). */
  const inked = (page: Page, testId: string): Promise<number> =>
    page.getByTestId(testId).evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
      return count;
    });

  it('shows the live queue, the KPIs as charts, and downloads the CSV', async () => {
    const { assessor: console_, server } = journey;
    const page = console_.page;
    await console_.login(server.url, server.admin.email, server.admin.password);
    await call(page.request, 'POST', '/api/users', 201, SUPERVISOR);
    const cora = (await call(page.request, 'POST', '/api/users', 201, ASSESSOR)).user;
    await call(page.request, 'PUT', `/api/users/${cora.id}/routing`, 204, { skills: { auto: 2, property: 1 }, capacity: { text: 3, video: 1 } });

    // One customer served and finished by the admin, for the period's figures.
    const me = (await call(page.request, 'GET', '/api/me', 200)).user;
    await call(page.request, 'PUT', `/api/users/${me.id}/routing`, 204, { skills: { auto: 3 }, capacity: { text: 3, video: 1 } });
    await call(page.request, 'PUT', '/api/me/status', 204, { status: 'available' });
    const served = (await call(page.request, 'POST', '/api/cases', 201, { title: 'Cracked windscreen' })).case.id;
    const entry = (await call(page.request, 'POST', '/api/queue', 201, { caseId: served, channel: 'text' })).entry.id;
    expect((await call(page.request, 'GET', '/api/me/offer', 200)).offer.entryId).toBe(entry);
    await call(page.request, 'POST', `/api/queue/${entry}/accept`, 200, {});
    await call(page.request, 'POST', `/api/queue/${entry}/finish`, 200, {});
    await call(page.request, 'PUT', '/api/me/status', 204, { status: 'away' });

    // One waiting for a marine surveyor, whom nobody is.
    const waitingTitle = 'Storm damage, sailing yacht';
    const waiting = (await call(page.request, 'POST', '/api/cases', 201, { title: waitingTitle })).case.id;
    const waitingEntry = (await call(page.request, 'POST', '/api/queue', 201, { caseId: waiting, channel: 'video', priority: 2, steps: [{ afterSeconds: 0, requires: [{ skill: 'marine', minLevel: 4 }] }] })).entry.id;
    await page.getByTestId('logout').click();

    await console_.login(server.url, SUPERVISOR.email, SUPERVISOR.password);
    await expect(page.getByTestId('nav-users').count()).resolves.toBe(0);
    await page.getByTestId('nav-supervisor').click();
    await page.getByTestId('supervisor-page').waitFor();

    const row = page.locator(`[data-testid="queue-entry"][data-entry-id="${waitingEntry}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(waitingTitle);
    await expect(row.textContent()).resolves.toContain('Video');
    await expect(row.textContent()).resolves.toContain('P2');
    await expect(page.getByTestId('board-waiting').textContent()).resolves.toBe('1');
    await expect(page.locator('[data-testid="queue-assessor"]').count()).resolves.toBe(2);
    await expect(page.getByTestId('queue-assessors').textContent()).resolves.toContain('Cora Lane');
    // The wait counts up between polls.
    const firstWait = await row.getByTestId('entry-wait').textContent();
    await page.waitForFunction(([id, before]) => document.querySelector(`[data-entry-id="${id}"] [data-testid="entry-wait"]`)?.textContent !== before, [waitingEntry, firstWait] as const);

    await page.getByTestId('kpi-tiles').waitFor();
    await expect(page.getByTestId('kpi-served').textContent()).resolves.toMatch(/Served1of 2 queued/);
    for (const chart of ['chart-flow', 'chart-wait', 'chart-channels', 'chart-satisfaction']) {
      expect(await inked(page, chart), chart).toBeGreaterThan(500);
    }
    // No survey was answered: the satisfaction chart says so over its bare axes, the others draw.
    await expect(page.getByTestId('chart-satisfaction-empty').textContent()).resolves.toBe('No survey answers in this period.');
    await expect(page.getByTestId('chart-flow-empty').count()).resolves.toBe(0);
    // The 7 days are the browser's days (Europe/Berlin here), sent as tz: the last one is its today.
    await expect(page.getByTestId('kpi-csv').getAttribute('href')).resolves.toContain('tz=Europe%2FBerlin');
    await expect(page.locator('figcaption').first().textContent()).resolves.toBe('Arrivals, served and abandoned per day');
    const berlinToday = await page.evaluate(() => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short' }));
    await expect(page.getByTestId('chart-flow-table').locator('tbody tr th').last().textContent()).resolves.toBe(berlinToday);
    await page.getByTestId('period-today').click();
    // The charts' hours are the browser's, as the period line's: Today's first hour is its midnight. (The
    // 7 days' line says "2 queued" too, so only the period's own words tell that Today's report is in.)
    await expect.poll(() => page.getByTestId('kpi-period').textContent(), { timeout: 10_000 }).toContain('00:00–');
    await expect(page.getByTestId('kpi-period').textContent()).resolves.toContain('2 queued');
    await expect.poll(() => page.getByTestId('chart-flow-table').locator('tbody tr th').first().textContent()).toBe('00:00');
    await shoot(page, 'supervisor-board');
    await expectAccessible(page, 'supervisor board');
    await page.setViewportSize({ width: 1024, height: 768 });
    // Nothing wider than the window at 1024: the charts shrink with their columns.
    await page.waitForFunction(() => document.documentElement.scrollWidth <= 1024);
    await shoot(page, 'supervisor-board-1024');
    await page.setViewportSize({ width: 1440, height: 900 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('kpi-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^sightline-kpis-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]!.startsWith('bucket_start,arrivals,served,abandoned,mean_wait_s')).toBe(true);
    expect(lines.at(-1)!.startsWith('total,2,1,0,')).toBe(true);
  });
});
