// Journey in Simplified Chinese (issue 16): measuring in a preview tour (tour-preview) and the splat tour
// (tour-splat) on a phone (390×844) with &lang=zh-CN: the first point asked, the distance between two
// walls, and the splat room in 3D with its description in Chinese. Each screen: axe, 200 % reflow, a
// screenshot docs/screenshots/tour-<screen>-zh.png, and its words from the zh-CN locale files.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_STEP } from '../../client/src/customer/tour/look-input.ts';
import { useJourney } from './support/journey.ts';
import { recordPageLog } from './support/launcher.ts';
import { prepareToursDir, writeFixtureSplat } from './support/tour-fixture.ts';
import { createPreviewCase, TourPage } from './support/tour-page.ts';
import { HAN, zh, zhScreen } from './support/zh-screen.ts';

describe('measuring and the splat tour in Simplified Chinese', () => {
  let tours: Awaited<ReturnType<typeof prepareToursDir>>;
  beforeAll(async () => {
    tours = await prepareToursDir();
    await writeFixtureSplat(tours.dir);
    process.env.SIGHTLINE_TOURS_DIR = tours.dir;
  });
  const journey = useJourney();
  afterAll(async () => {
    delete process.env.SIGHTLINE_TOURS_DIR;
    await tours.remove();
  });

  /** A new page on the phone, its log kept with the journey's. */
  const phonePage = async (name: string): Promise<Page> => {
    const page = await journey.contexts[1]!.newPage();
    journey.logs.push(recordPageLog(page, name));
    return page;
  };

  it('measuring across the room: the first point asked in Chinese, then the distance', async () => {
    const page = await phonePage('measure');
    const tour = new TourPage(page);
    const { joinUrl } = await createPreviewCase(journey.server, '测量房间', 'fixture-room');
    await tour.open(`${joinUrl}&lang=zh-CN&node=entrance&yaw=90`);
    await tour.waitForShown('entrance');
    await page.getByTestId('tour-measure-toggle').click();
    await page.locator('[data-testid="tour-measure"]', { hasText: zh('tour:measure.from') }).waitFor();
    await zhScreen(page, 'tour-measure-from-phone', 'measuring, the first point asked');
    const canvas = tour.renderer.locator('canvas');
    const box = (await canvas.boundingBox())!;
    const centre = { x: box.width / 2, y: box.height / 2 };
    await canvas.click({ position: centre });
    await page.locator('[data-testid="tour-measure"]', { hasText: zh('tour:measure.to') }).waitFor();
    for (let i = 0; i < 180 / KEY_STEP; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await tour.state()).yaw).toBe(-90);
    await page.waitForTimeout(800);
    await canvas.click({ position: centre });
    await expect.poll(() => page.getByTestId('tour-measure').getAttribute('data-distance')).not.toBeNull();
    expect(await page.getByTestId('tour-measure').textContent()).toContain(zh('tour:measure.distance', { distance: '3.60 m' }).replace(/3\.60 m$/, ''));
    await zhScreen(page, 'tour-measure-phone', 'a measurement across the room');
    await page.close();
  });

  it('the splat room in 3D, in Chinese', async () => {
    const { joinUrl } = await createPreviewCase(journey.server, '高斯泼溅房间', 'fixture-splat');
    const page = await phonePage('splat');
    const tour = new TourPage(page);
    await tour.open(`${joinUrl}&lang=zh-CN&node=front&yaw=90`);
    await tour.waitForShown('front');
    expect((await tour.state()).shownMode).toBe('3d');
    await expect.poll(() => page.getByTestId('tour-description').textContent(), { timeout: 5_000 }).toMatch(HAN);
    await zhScreen(page, 'tour-splat-phone', 'splat tour in 3D');
    await page.close();
  });
});
