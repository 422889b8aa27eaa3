// Journey: the preview tours in Simplified Chinese and for people who cannot see the 3D view or are
// sensitive to motion. Each generated tour opens in zh-CN on a phone (390×844) and a desktop
// (1440×900) with its controls in Chinese and no serious axe violation; the seat map, a seat's card and
// a hotspot's card pass axe too. The view is described in a live region (where the customer stands,
// what is in view), and a keyboard alone looks around (arrow keys), opens a hotspot (Tab, Enter) and
// picks a seat on the seat map. With prefers-reduced-motion the viewer cuts between viewpoints. The
// tour's own words (viewpoint titles) come from its zh-CN translations.
// Screenshots: docs/screenshots/tour-<tour>-zh-<phone|desktop>.png.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TourManifest } from '../../protocol/tour.ts';
import { expectAccessible } from './support/axe.ts';
import { desktopPage, useJourney } from './support/journey.ts';
import { recordPageLog } from './support/launcher.ts';
import { repoRoot } from './support/server.ts';
import { useToursDir } from './support/tour-fixture.ts';
import { createPreviewCase, fetchManifest, listTours, TourPage } from './support/tour-page.ts';

const SCREENSHOTS = path.join(repoRoot, 'docs/screenshots');

describe('preview tours in Chinese, described in words, by keyboard, with reduced motion', () => {
  useToursDir();
  const journey = useJourney();

  const pageOf = async (name: string, kind: 'phone' | 'desktop'): Promise<Page> => {
    if (kind === 'desktop') return desktopPage(journey, name);
    const page = await journey.contexts[1]!.newPage();
    journey.logs.push(recordPageLog(page, name));
    return page;
  };

  const generated = async (): Promise<TourManifest[]> => {
    const list = (await listTours(journey.server)).filter((t) => !t.id.startsWith('fixture-'));
    return Promise.all(list.map((t) => fetchManifest(journey.server, t.id)));
  };

  it('every generated tour opens in Chinese on a phone and a desktop, and passes axe', async () => {
    for (const tour of await generated()) {
      const { joinUrl } = await createPreviewCase(journey.server, `预览 ${tour.id}`, tour.id);
      for (const kind of ['phone', 'desktop'] as const) {
        const page = await pageOf(`${tour.id}-zh-${kind}`, kind);
        const view = new TourPage(page);
        await view.open(`${joinUrl}&lang=zh-CN`);
        await view.waitForShown(tour.start);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
        expect(await page.getByTestId('tour-plan-toggle').textContent()).toBe(tour.plan?.kind === 'seats' ? '座位图' : '平面图');
        // The tour's own words in Chinese too, from its translations.
        expect(await page.getByTestId('tour-viewpoint-title').textContent()).toBe(tour.translations['zh-CN']?.viewpoints[tour.start]?.title);
        await expect.poll(() => page.getByTestId('tour-description').textContent(), { timeout: 5_000 }).toContain('当前位置：');
        await expectAccessible(page, `${tour.id} in zh-CN on a ${kind}`);
        await page.screenshot({ path: path.join(SCREENSHOTS, `tour-${tour.id}-zh-${kind}.png`) });
        await page.close();
      }
    }
  });

  it('the seat map, a seat and a hotspot card in Chinese pass axe; a keyboard picks a seat', async () => {
    const cabin = (await generated()).find((t) => t.kind === 'cabin')!;
    const seat = cabin.plan!.seats.find((s) => s.id === '23A')!;
    const { joinUrl } = await createPreviewCase(journey.server, '座位预览', cabin.id);
    const page = await pageOf('cabin-zh-seat', 'phone');
    const view = new TourPage(page);
    await view.open(`${joinUrl}&lang=zh-CN`);
    await view.waitForShown(cabin.start);
    await view.openPlan();
    await expectAccessible(page, 'the seat map in zh-CN');
    const mark = page.getByTestId('seat-map').locator(`[data-seat="23A"]`);
    expect(await mark.getAttribute('aria-label')).toMatch(/^座位 23A，/);
    await mark.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await view.state()).viewpoint).toBe(seat.viewpoint);
    await view.waitForShown(seat.viewpoint);
    const card = page.getByTestId('seat-card');
    expect(await card.getByRole('heading').textContent()).toBe('座位 23A');
    await expectAccessible(page, 'a seat card in zh-CN');
    await page.screenshot({ path: path.join(SCREENSHOTS, `tour-${cabin.id}-zh-seat-phone.png`) });
    await page.close();
  });

  it('the view is described in words, and a keyboard looks around and opens a hotspot', async () => {
    const room = (await generated()).find((t) => t.kind === 'hotel-room')!;
    const { joinUrl } = await createPreviewCase(journey.server, 'Described room', room.id);
    const page = await pageOf('room-keyboard', 'desktop');
    const view = new TourPage(page);
    await view.open(joinUrl);
    await view.waitForShown(room.start);
    const start = room.viewpoints.find((v) => v.id === room.start)!;
    const description = page.getByTestId('tour-description');
    await expect.poll(() => description.textContent(), { timeout: 5_000 }).toContain(`Standing at: ${start.title}`);
    expect(await description.getAttribute('aria-live')).toBe('polite');
    expect(await page.getByTestId('tour-renderer').locator('canvas').evaluate((c) => c.closest('[aria-hidden="true"]') !== null)).toBe(true);

    // Turn with the arrow keys until a hotspot is in view, then Tab to it and open it with Enter.
    const hotspot = page.locator('[data-testid="tour-hotspot"]').filter({ visible: true }).first();
    for (let i = 0; i < 24 && (await hotspot.count()) === 0; i++) await page.keyboard.press('ArrowLeft');
    const id = await hotspot.getAttribute('data-hotspot');
    const title = room.hotspots.find((h) => h.id === id)!.title;
    await expect.poll(() => description.textContent(), { timeout: 5_000 }).toContain(title);
    await page.locator(`[data-testid="tour-hotspot"][data-hotspot="${id}"]`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('hotspot-card').getAttribute('data-id')).toBe(id);
    await expectAccessible(page, 'a hotspot card in English on a desktop');
    await page.close();
  });

  it('with prefers-reduced-motion the viewer cuts to the next viewpoint', async () => {
    const room = (await generated()).find((t) => t.kind === 'hotel-room')!;
    const { joinUrl } = await createPreviewCase(journey.server, 'Room, reduced motion', room.id);
    const page = await pageOf('room-reduced-motion', 'desktop');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const view = new TourPage(page);
    await view.open(joinUrl);
    await view.waitForShown(room.start);
    expect(await view.renderer.getAttribute('data-motion')).toBe('reduced');
    const other = room.viewpoints.find((v) => v.id !== room.start)!;
    await page.getByTestId('plan-panel').getByRole('button', { name: `Go to ${other.title}` }).click();
    await view.waitForShown(other.id);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await expect.poll(() => view.renderer.getAttribute('data-motion')).toBe('full');
    await page.close();
  });

  it('no page met a script error, a refused request or a policy violation', () => {
    const problems = journey.logs.flat().filter((line) => / (error|pageerror|http [45]\d\d|requestfailed)\] /.test(line));
    expect(problems).toEqual([]);
  });
});
