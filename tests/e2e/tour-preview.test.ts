// Journey: a preview case shows the customer a tour instead of the camera. On a phone and on a
// desktop the tour renders (pixels of the room, not a blank canvas); picking seat 23A on the cabin's
// seat map moves the view there and shows the seat's details; a hotspot opens its card with a price;
// a deep link (&node=…&yaw=…) opens that viewpoint facing that way; the first picture is a panorama's
// small preview, replaced by the full panorama (or by 3D, in 3D mode); a broken tour.json is reported
// naming the field. Screenshots go to docs/screenshots/tour-<tour>-<phone|desktop>.png.
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { TourManifest } from '../../protocol/tour.ts';
import { KEY_STEP } from '../../client/src/customer/tour/look-input.ts';
import { expectAccessible } from './support/axe.ts';
import { desktopPage, useJourney } from './support/journey.ts';
import { newPeerContext, recordPageLog, viewports } from './support/launcher.ts';
import { repoRoot } from './support/server.ts';
import { useToursDir } from './support/tour-fixture.ts';
import { createPreviewCase, fetchManifest, hotspotInSight, listTours, pictureDifference, TourPage, wallColour } from './support/tour-page.ts';

const SCREENSHOTS = path.join(repoRoot, 'docs/screenshots');

/**
 * Init script: every stage the renderer shows, in order — mode, panorama size ("1024x512"; empty in
 * 3D) and whether it is the last stage — read from its data attributes as they change.
 */
/** How late the full content arrives in the staging test: well after any preview could be shown. */
const LATE_CONTENT_MS = 1500;

function recordStages(): void {
  const stages: string[] = [];
  (window as unknown as { tourStages: string[] }).tourStages = stages;
  new MutationObserver(() => {
    const renderer = document.querySelector('[data-testid="tour-renderer"]');
    if (!renderer?.getAttribute('data-shown-viewpoint')) return;
    const stage = ['data-shown-mode', 'data-panorama-size', 'data-shown-final'].map((name) => renderer.getAttribute(name) ?? '').join(' ');
    if (stages.at(-1) !== stage) stages.push(stage);
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-shown-viewpoint', 'data-shown-mode', 'data-panorama-size', 'data-shown-final'] });
}

describe('preview tour: the customer looks around before buying', () => {
  // The server reads a tours folder made for this run: the fixture tour beside the generated ones.
  useToursDir();
  const journey = useJourney();

  let cabin: TourManifest;
  let cabinJoinUrl = '';

  it('opens the cabin tour on a phone instead of the camera, and renders the cabin', async () => {
    const tours = await listTours(journey.server);
    const cabinId = tours.find((t) => t.kind === 'cabin' && t.id !== 'fixture-cabin')?.id ?? 'fixture-cabin';
    cabin = await fetchManifest(journey.server, cabinId);
    const { joinUrl } = await createPreviewCase(journey.server, 'Seat preview — Lisbon flight', cabin.id);
    cabinJoinUrl = joinUrl;
    const tour = new TourPage(journey.customer.page);
    await tour.open(joinUrl);
    await tour.waitForShown(cabin.start);
    expect((await tour.state()).viewpoint).toBe(cabin.start);
    const picture = await tour.picture();
    expect(picture.spread).toBeGreaterThan(12);
    // Each tool's label fits its button on a 390 px phone (a long one takes two lines, not its neighbour's room).
    const overflowing = await tour.page.locator('.tour-toolbar .tour-tool').evaluateAll((tools) => tools.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.textContent));
    expect(overflowing).toEqual([]);
    await tour.page.screenshot({ path: path.join(SCREENSHOTS, `tour-${cabin.id}-phone.png`) });
    await expectAccessible(tour.page, 'cabin tour', { desktop: true });
  });

  it('picking seat 23A on the seat map moves the view there and shows the seat', async () => {
    const tour = new TourPage(journey.customer.page);
    const seat = cabin.plan?.seats.find((s) => s.id === '23A');
    expect(seat).toBeDefined();
    const before = await tour.picture();
    await tour.pickSeat('23A');
    await expect.poll(async () => (await tour.state()).viewpoint).toBe(seat!.viewpoint);
    await tour.waitForShown(seat!.viewpoint);
    const after = await tour.picture();
    expect(after.spread).toBeGreaterThan(12);
    expect(pictureDifference(before, after)).toBeGreaterThan(6);
    const card = tour.page.getByTestId('seat-card');
    await expect.poll(() => card.getAttribute('data-id')).toBe('23A');
    await tour.page.screenshot({ path: path.join(SCREENSHOTS, `tour-${cabin.id}-seat-phone.png`) });
    await expectAccessible(tour.page, 'cabin tour, seat 23A', { desktop: true });
  });

  it('a hotspot in sight opens its card with its price', async () => {
    const tour = new TourPage(journey.customer.page);
    const { hotspot, viewpoint, yaw } = hotspotInSight(cabin);
    await tour.open(`${cabinJoinUrl}&node=${viewpoint.id}&yaw=${yaw}`);
    await tour.waitForShown(viewpoint.id);
    const marker = tour.page.locator(`[data-testid="tour-hotspot"][data-hotspot="${hotspot.id}"]`);
    await expect.poll(() => marker.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
    await marker.click();
    const card = tour.page.getByTestId('hotspot-card');
    await expect.poll(() => card.getAttribute('data-id')).toBe(hotspot.id);
    expect(await card.getByRole('heading').textContent()).toBe(hotspot.title);
    const price = hotspot.price ?? cabin.bookables.find((b) => b.id === hotspot.option)?.price;
    if (price) expect(await card.getByTestId('hotspot-price').textContent()).toContain(new Intl.NumberFormat('en-GB', { style: 'currency', currency: price.currency }).format(price.amount));
    await tour.page.screenshot({ path: path.join(SCREENSHOTS, `tour-${cabin.id}-hotspot-phone.png`) });
    await expectAccessible(tour.page, 'cabin tour, a hotspot card', { desktop: true });
  });

  it('a deep link opens its viewpoint facing its direction, on a desktop', async () => {
    const page = await desktopPage(journey, 'desktop');
    const tour = new TourPage(page);
    const target = cabin.viewpoints.find((v) => v.id !== cabin.start && v.panorama) ?? cabin.viewpoints.find((v) => v.id !== cabin.start)!;
    // A little to the left of its arrival direction: towards the window, for a seat A.
    const yaw = Math.round(target.yaw + 25);
    await tour.open(`${cabinJoinUrl}&node=${target.id}&yaw=${yaw}`);
    await tour.waitForShown(target.id);
    const state = await tour.state();
    expect(state.viewpoint).toBe(target.id);
    expect(state.yaw).toBe(yaw);
    expect((await tour.picture()).spread).toBeGreaterThan(12);
    await page.screenshot({ path: path.join(SCREENSHOTS, `tour-${cabin.id}-desktop.png`) });
    await expectAccessible(page, 'cabin tour from a deep link on a desktop');
  });

  it('3D and the 360° photo line up: each direction shows the same wall, by drag and by arrow keys', async () => {
    // A switch shows the other mode once its first frame is drawn: with software WebGL on a loaded
    // machine that can take more than expect.poll's default second (seen once at a load of 20).
    const SWITCH = { timeout: 15_000 };
    const context = await newPeerContext(journey.browser, { viewport: { width: 800, height: 600 } });
    journey.contexts.push(context);
    const page = await context.newPage();
    journey.logs.push(recordPageLog(page, 'fixture'));
    const tour = new TourPage(page);
    const { joinUrl } = await createPreviewCase(journey.server, 'Fixture cabin', 'fixture-cabin');
    await tour.open(`${joinUrl}&node=aisle-front&yaw=90`);
    await tour.waitForShown('aisle-front');
    expect((await tour.state()).shownMode).toBe('3d');
    expect(wallColour(await tour.centreColour())).toBe('green');

    await page.getByRole('button', { name: '360° photo' }).click();
    await expect.poll(async () => (await tour.state()).shownMode, SWITCH).toBe('panorama');
    await tour.waitForShown('aisle-front');
    expect(wallColour(await tour.centreColour())).toBe('green');
    await expectAccessible(page, 'fixture cabin as its 360° photo');

    // Arrow right turns right: from −X (yaw 90) to −Z (yaw 0), the red wall.
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await tour.state()).yaw).toBe(0);
    await expect.poll(async () => wallColour(await tour.centreColour())).toBe('red');

    // Dragging right turns left (the picture follows the pointer): from −Z towards −X.
    const box = (await tour.renderer.boundingBox())!;
    await page.mouse.move(box.x + 200, box.y + 300);
    await page.mouse.down();
    for (let x = 200; x <= 600; x += 40) await page.mouse.move(box.x + x, box.y + 300);
    await page.mouse.up();
    const turned = (await tour.state()).yaw;
    expect(turned).toBeGreaterThan(30);
    expect(turned).toBeLessThan(100);

    await page.getByRole('button', { name: '3D' }).click();
    await expect.poll(async () => (await tour.state()).shownMode, SWITCH).toBe('3d');
    await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 30; i++) {
      const yaw = (await tour.state()).yaw;
      if (yaw >= 90) break;
      await page.keyboard.press('ArrowLeft');
    }
    await tour.waitForShown('aisle-front');
    expect(wallColour(await tour.centreColour())).toBe('green');
  });

  it('a hotel room opens on a phone and a desktop, and its floor plan moves the customer', async () => {
    const tours = await listTours(journey.server);
    const roomId = tours.find((t) => t.kind === 'hotel-room' && t.id !== 'fixture-room')?.id ?? 'fixture-room';
    const room = await fetchManifest(journey.server, roomId);
    const { joinUrl } = await createPreviewCase(journey.server, 'Room preview', room.id);
    const phone = new TourPage(await journey.contexts[1]!.newPage());
    journey.logs.push(recordPageLog(phone.page, 'room-phone'));
    await phone.open(joinUrl);
    await phone.waitForShown(room.start);
    expect((await phone.picture()).spread).toBeGreaterThan(12);
    await phone.page.screenshot({ path: path.join(SCREENSHOTS, `tour-${room.id}-phone.png`) });

    await expectAccessible(phone.page, 'hotel room tour', { desktop: true });
    await phone.openPlan();
    await expectAccessible(phone.page, 'hotel room floor plan');
    const other = room.viewpoints.find((v) => v.id !== room.start)!;
    await phone.page.getByTestId('plan-panel').getByRole('button', { name: `Go to ${other.title}` }).click();
    await expect.poll(async () => (await phone.state()).viewpoint).toBe(other.id);
    await phone.waitForShown(other.id);
    await phone.page.close();

    const desktop = new TourPage(await desktopPage(journey, 'room-desktop'));
    await desktop.open(joinUrl);
    await desktop.waitForShown(room.start);
    // A wide screen keeps the plan open beside the view, with the customer's place on it.
    await desktop.page.getByTestId('floor-plan').waitFor();
    await desktop.page.getByTestId('plan-viewer').waitFor();
    await desktop.page.screenshot({ path: path.join(SCREENSHOTS, `tour-${room.id}-desktop.png`) });
    await expectAccessible(desktop.page, 'hotel room with its plan beside the view on a desktop');
  });

  it('every other generated hotel room opens on a phone and a desktop, and shows the room', async () => {
    const tours = await listTours(journey.server);
    const rooms = tours.filter((t) => t.kind === 'hotel-room' && t.id !== 'fixture-room').slice(1);
    for (const { id } of rooms) {
      const room = await fetchManifest(journey.server, id);
      const { joinUrl } = await createPreviewCase(journey.server, `Room preview ${id}`, id);
      for (const [kind, page] of [['phone', await journey.contexts[1]!.newPage()], ['desktop', await desktopPage(journey, `${id}-desktop`)]] as const) {
        const tour = new TourPage(page);
        await tour.open(joinUrl);
        await tour.waitForShown(room.start);
        expect((await tour.picture()).spread, `${id} on a ${kind}`).toBeGreaterThan(12);
        await page.screenshot({ path: path.join(SCREENSHOTS, `tour-${id}-${kind}.png`) });
        await page.close();
      }
    }
  });

  it('the first picture is the small panorama, replaced by the full one, or by 3D on a device that shows 3D', async () => {
    const tours = await listTours(journey.server);
    const roomId = tours.find((t) => t.kind === 'hotel-room' && t.id !== 'fixture-room')?.id ?? 'fixture-room';
    const room = await fetchManifest(journey.server, roomId);
    const start = room.viewpoints.find((v) => v.id === room.start)!;
    expect(start.panorama).toBeDefined();
    const full = await sharp(Buffer.from(await (await fetch(`${journey.server.url}/tours/${room.id}/${start.panorama}`)).arrayBuffer())).metadata();
    const { joinUrl } = await createPreviewCase(journey.server, 'Room preview, first picture', room.id);
    // Below 4 GB of memory the viewer shows panoramas; above, 3D.
    for (const [memory, last] of [[2, `panorama ${full.width}x${full.height} true`], [8, '3d  true']] as const) {
      const context = await newPeerContext(journey.browser, { viewport: viewports.phone, mobile: true });
      journey.contexts.push(context);
      await context.addInitScript((gb) => Object.defineProperty(Navigator.prototype, 'deviceMemory', { configurable: true, get: () => gb }), memory);
      await context.addInitScript(recordStages);
      const page = await context.newPage();
      journey.logs.push(recordPageLog(page, `first-picture-${memory}gb`));
      // The full content (scene, full panorama) comes late, as on a slow link: on a fast machine it could
      // otherwise be ready before the first frame, and the viewer rightly skips the preview then.
      await page.route(/\/tours\/[^/]+\/[^/?]+\.(glb|webp|jpg|png)$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, LATE_CONTENT_MS));
        await route.continue();
      });
      const tour = new TourPage(page);
      await tour.open(joinUrl);
      await tour.waitForShown(room.start);
      const stages = await page.evaluate(() => (window as unknown as { tourStages: string[] }).tourStages);
      expect(stages[0], `${memory} GB`).toBe('panorama 1024x512 false');
      expect(stages.at(-1), `${memory} GB`).toBe(last);
      expect((await tour.picture()).spread).toBeGreaterThan(12);
      await page.close();
    }
  });

  it('measuring across the room, wall to wall, gives its true width', async () => {
    // The fixture room is 3.6 m wide (x from −1.8 to 1.8); its entrance viewpoint looks along it.
    const page = await desktopPage(journey, 'measure');
    const tour = new TourPage(page);
    const { joinUrl } = await createPreviewCase(journey.server, 'Measure the room', 'fixture-room');
    await tour.open(`${joinUrl}&node=entrance&yaw=90`);
    await tour.waitForShown('entrance');
    await page.getByTestId('tour-measure-toggle').click();
    await page.locator('[data-testid="tour-measure"]', { hasText: 'Tap where to measure from' }).waitFor();
    await expectAccessible(page, 'measuring, the first point asked');
    const canvas = tour.renderer.locator('canvas');
    const box = (await canvas.boundingBox())!;
    const centre = { x: box.width / 2, y: box.height / 2 };
    await canvas.click({ position: centre });
    await page.locator('[data-testid="tour-measure"]', { hasText: 'Now tap where to measure to' }).waitFor();
    // Turn to face the other wall: 180° in arrow-key steps, then let the camera catch up.
    for (let i = 0; i < 180 / KEY_STEP; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await tour.state()).yaw).toBe(-90);
    await page.waitForTimeout(800);
    await canvas.click({ position: centre });
    const distance = Number(await page.getByTestId('tour-measure').getAttribute('data-distance'));
    expect(distance).toBeGreaterThan(3.55);
    expect(distance).toBeLessThan(3.65);
    expect(await page.getByTestId('tour-measure').textContent()).toContain('3.60 m');
    await expectAccessible(page, 'a measurement across the room');
    await page.close();
  });

  it('a tour.json with a mistake is refused with a message naming the field', async () => {
    const page = await desktopPage(journey, 'broken');
    await page.route('**/tours/*/tour.json', async (route) => {
      const manifest = (await (await route.fetch()).json()) as { viewpoints: { position: unknown }[] };
      manifest.viewpoints[0]!.position = ['one', 1.6, 0];
      await route.fulfill({ json: manifest });
    });
    await page.goto(cabinJoinUrl);
    await page.getByTestId('tour-invalid').waitFor();
    expect(await page.getByTestId('tour-problems').textContent()).toContain('viewpoints[0].position[0]');
    await expectAccessible(page, 'a tour that cannot be shown', { desktop: true });
    await page.close();
  });

  it('no page met a script error, a refused request or a policy violation', () => {
    const problems = journey.logs.flat().filter((line) => / (error|pageerror|http [45]\d\d|requestfailed)\] /.test(line));
    expect(problems).toEqual([]);
  });
});
