// Journey in Simplified Chinese (issue 16): the preview tour's screens of tour-preview that
// tour-language does not visit, on a phone (390×844) with &lang=zh-CN: a hotspot's card (the tour's own
// words from its zh-CN translations), the fixture cabin as its 360° photo, a hotel room's floor plan, and
// a tour.json with a mistake (measuring and the splat tour: tour-measure-zh). Each screen: axe, 200 %
// reflow, a screenshot docs/screenshots/tour-<screen>-zh.png, and its words from the zh-CN locale files.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TourManifest } from '../../protocol/tour.ts';
import { useJourney } from './support/journey.ts';
import { recordPageLog } from './support/launcher.ts';
import { useToursDir } from './support/tour-fixture.ts';
import { createPreviewCase, fetchManifest, hotspotInSight, listTours, TourPage } from './support/tour-page.ts';
import { HAN, zh, zhScreen } from './support/zh-screen.ts';

describe('preview tours in Simplified Chinese: a card, the plan, the 360° photo, a broken tour', () => {
  useToursDir();
  const journey = useJourney();

  /** A new page on the phone, its log kept with the journey's. */
  const phonePage = async (name: string): Promise<Page> => {
    const page = await journey.contexts[1]!.newPage();
    journey.logs.push(recordPageLog(page, name));
    return page;
  };
  const generated = async (kind: TourManifest['kind']): Promise<TourManifest> => {
    const listed = (await listTours(journey.server)).find((t) => t.kind === kind && !t.id.startsWith('fixture-'))!;
    return fetchManifest(journey.server, listed.id);
  };

  it('a hotspot’s card in Chinese, with the tour’s own words', async () => {
    const cabin = await generated('cabin');
    const { joinUrl } = await createPreviewCase(journey.server, '客舱预览', cabin.id);
    const { hotspot, viewpoint, yaw } = hotspotInSight(cabin);
    const page = await phonePage('hotspot');
    const tour = new TourPage(page);
    await tour.open(`${joinUrl}&lang=zh-CN&node=${viewpoint.id}&yaw=${yaw}`);
    await tour.waitForShown(viewpoint.id);
    const marker = page.locator(`[data-testid="tour-hotspot"][data-hotspot="${hotspot.id}"]`);
    await expect.poll(() => marker.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
    await marker.click();
    const card = page.getByTestId('hotspot-card');
    await expect.poll(() => card.getAttribute('data-id')).toBe(hotspot.id);
    const words = cabin.translations['zh-CN']?.hotspots[hotspot.id];
    expect(await card.getByRole('heading').textContent()).toBe(words?.title ?? hotspot.title);
    expect(await card.getByRole('heading').textContent()).toMatch(HAN);
    await zhScreen(page, `tour-${cabin.id}-hotspot-phone`, 'cabin tour, a hotspot card', { desktop: true });
    await page.close();
  });

  it('the fixture cabin as its 360° photo', async () => {
    const { joinUrl } = await createPreviewCase(journey.server, '360° 照片', 'fixture-cabin');
    const page = await phonePage('panorama');
    const tour = new TourPage(page);
    await tour.open(`${joinUrl}&lang=zh-CN&node=aisle-front&yaw=90`);
    await tour.waitForShown('aisle-front');
    await page.getByRole('button', { name: zh('tour:toolbar.panorama') }).click();
    await expect.poll(async () => (await tour.state()).shownMode, { timeout: 15_000 }).toBe('panorama');
    await tour.waitForShown('aisle-front');
    await zhScreen(page, 'tour-fixture-cabin-panorama-phone', 'fixture cabin as its 360° photo');
    await page.close();
  });

  it('a hotel room’s floor plan in Chinese moves the customer', async () => {
    const room = await generated('hotel-room');
    const { joinUrl } = await createPreviewCase(journey.server, '客房预览', room.id);
    const page = await phonePage('plan');
    const tour = new TourPage(page);
    await tour.open(`${joinUrl}&lang=zh-CN`);
    await tour.waitForShown(room.start);
    await tour.openPlan();
    const other = room.viewpoints.find((v) => v.id !== room.start)!;
    const place = room.translations['zh-CN']?.viewpoints[other.id]?.title ?? other.title;
    const go = page.getByTestId('plan-panel').getByRole('button', { name: zh('tour:goTo', { place }) });
    expect(await go.count()).toBe(1);
    // The plan's room names are drawn as Simplified Chinese: they take the page's lang (zh-CN), so the
    // browser picks the SC face of the CJK font (a Japanese one would give some characters other shapes).
    const label = page.getByTestId('plan-panel').locator('text.plan-label').first();
    expect(await label.evaluate((node) => node.closest('[lang]')?.getAttribute('lang'))).toBe('zh-CN');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-testid="plan-panel"] text.plan-label' });
    const faces = new Set<string>();
    for (const nodeId of nodeIds) for (const font of (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts) faces.add(font.familyName);
    expect([...faces].filter((face) => /CJK/.test(face))).toEqual(['Noto Sans CJK SC']);
    await cdp.detach();
    await zhScreen(page, `tour-${room.id}-plan-phone`, 'hotel room floor plan');
    await go.click();
    await expect.poll(async () => (await tour.state()).viewpoint).toBe(other.id);
    await page.close();
  });

  it('a tour.json with a mistake is refused in Chinese, naming the field', async () => {
    const cabin = await generated('cabin');
    const { joinUrl } = await createPreviewCase(journey.server, '出错的导览', cabin.id);
    const page = await phonePage('broken');
    await page.route('**/tours/*/tour.json', async (route) => {
      const manifest = (await (await route.fetch()).json()) as { viewpoints: { position: unknown }[] };
      manifest.viewpoints[0]!.position = ['one', 1.6, 0];
      await route.fulfill({ json: manifest });
    });
    await page.goto(`${joinUrl}&lang=zh-CN`);
    await page.getByTestId('consent-accept').click();
    await page.getByTestId('tour-invalid').waitFor();
    expect(await page.getByTestId('tour-invalid').locator('h1, h2').first().textContent()).toBe(zh('tour:invalid.title'));
    expect(await page.getByTestId('tour-problems').textContent()).toContain('viewpoints[0].position[0]');
    expect(await page.getByTestId('tour-problems').textContent()).toContain('无效输入'); // zod's message from its zh-CN locale
    await zhScreen(page, 'tour-invalid-phone', 'a tour that cannot be shown', { desktop: true });
    await page.close();
  });

});
