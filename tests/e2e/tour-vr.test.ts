// Journey: a headset (iwer's emulated Quest 3) is offered "Enter VR" on a tour; in VR the tour is
// drawn in the headset at the viewpoint, and pointing the controller at a link's ring on the floor and
// pulling the trigger teleports to that viewpoint (through the comfort fade). Nothing the session
// asks the server for fails: no controller profile or model is missing. The hotel rooms in VR too,
// one as its 360° photo and one in 3D, and an operator's Gaussian-splat capture (Spark in the headset). iwer 2.5 offers no WebXR layers, so a panorama is on the
// sphere here; the equirect layer real headsets get is unit-tested (panorama-layer.test.ts).
import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookFromTo } from '../../client/src/xr/tour/tour-directions.ts';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';
import { prepareToursDir, writeFixtureSplat } from './support/tour-fixture.ts';
import { createPreviewCase, fetchManifest, listTours, TourPage, wallColour } from './support/tour-page.ts';
import { aimRightController, installXrHeadset, pullRightTrigger } from './support/xr-headset.ts';

describe('preview tour in a VR headset', () => {
  let tours: Awaited<ReturnType<typeof prepareToursDir>>;
  beforeAll(async () => {
    tours = await prepareToursDir();
    await writeFixtureSplat(tours.dir);
    process.env.SIGHTLINE_TOURS_DIR = tours.dir;
  });
  const journey = useJourney({
    customer: { context: { viewport: { width: 640, height: 480 } } },
    setup: (j) => installXrHeadset(j.contexts[1]!),
  });
  afterAll(async () => {
    delete process.env.SIGHTLINE_TOURS_DIR;
    await tours.remove();
  });

  /** Opens a tour (as its 360° photos if asked) and enters VR once its start is shown. */
  async function openInVr(tourId: string, mode: '3d' | 'panorama', checkScreens = false) {
    const tour = new TourPage(journey.customer.page);
    const manifest = await fetchManifest(journey.server, tourId);
    const start = manifest.viewpoints.find((v) => v.id === manifest.start)!;
    const { joinUrl } = await createPreviewCase(journey.server, `${manifest.title} in VR`, manifest.id);
    // A join link differs from the last one only after the '#': leave first, or it is no navigation.
    await tour.page.goto('about:blank');
    await tour.open(joinUrl);
    await tour.waitForShown(start.id);
    if ((await tour.state()).mode !== mode) {
      await tour.page.getByTestId(`tour-mode-${mode}`).click();
      await tour.page.locator(`[data-testid="tour-renderer"][data-shown-mode="${mode}"]`).waitFor();
      await tour.waitForShown(start.id);
    }
    if (checkScreens) await expectAccessible(tour.page, `${manifest.title} offering Enter VR`);
    await tour.page.getByRole('button', { name: 'Enter VR' }).click();
    await tour.page.locator('[data-testid="tour-renderer"][data-xr="presenting"]').waitFor({ timeout: 30_000 });
    await tour.waitForShown(start.id);
    if (checkScreens) await expectAccessible(tour.page, `${manifest.title} in VR (the page behind the headset)`);
    return { tour, manifest, start };
  }

  it('enters VR from the tour and teleports by pointing at a link ring', async () => {
    const tours = await listTours(journey.server);
    const cabin = tours.find((t) => t.kind === 'cabin' && t.id !== 'fixture-cabin')?.id ?? 'fixture-cabin';
    const failed: string[] = [];
    journey.customer.page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    journey.customer.page.on('requestfailed', (request) => failed.push(`${request.failure()?.errorText ?? 'failed'} ${request.url()}`));
    const { tour, manifest, start } = await openInVr(cabin, '3d', true);
    const next = manifest.viewpoints.find((v) => v.id === manifest.links.find((l) => l.from === start.id)!.to)!;
    // The emulator grants no 'layers' and its XRWebGLBinding makes no equirect layers: the sphere path.
    expect(await tour.page.evaluate(() => window.__xrHeadset.activeSession?.enabledFeatures.includes('layers'))).toBe(false);
    expect(await tour.page.evaluate(() => 'createEquirectLayer' in XRWebGLBinding.prototype)).toBe(false);

    // The ring towards the next viewpoint lies 1.6 m out on the floor, in the link's direction
    // relative to the arrival yaw the origin is turned to; the origin is the floor under the eye.
    const relative = ((lookFromTo(start.position, next.position).yaw - start.yaw) * Math.PI) / 180;
    const ring: [number, number, number] = [-Math.sin(relative) * 1.6, 0.02, -Math.cos(relative) * 1.6];
    await aimRightController(tour.page, [0.2, 1.2, 0], ring);
    await tour.page.waitForTimeout(300);
    await pullRightTrigger(tour.page);
    await expect.poll(async () => (await tour.state()).viewpoint, { timeout: 20_000 }).toBe(next.id);
    await tour.waitForShown(next.id);
    expect(failed).toEqual([]);
    await tour.page.screenshot({ path: path.join(repoRoot, `docs/screenshots/tour-${manifest.id}-vr.png`) });
  });

  it('shows the hotel rooms in VR, the standard room as its 360° photo and the suite in 3D', async () => {
    const tours = await listTours(journey.server);
    for (const [id, mode] of [
      ['hotel-standard', 'panorama'],
      ['hotel-suite', '3d'],
    ] as const) {
      if (!tours.some((t) => t.id === id)) continue;
      const { tour } = await openInVr(id, mode);
      expect((await tour.state()).shownMode).toBe(mode);
      const shot = await tour.page.screenshot({ path: path.join(repoRoot, `docs/screenshots/tour-${id}-vr.png`) });
      // The room, not an empty or one-colour frame.
      expect(await spread(shot)).toBeGreaterThan(20);
      await leaveVr(tour.page);
    }
  });

  it('shows an operator’s Gaussian-splat capture in VR, drawn by Spark in the headset', async () => {
    const { tour } = await openInVr('fixture-splat', '3d', true);
    expect((await tour.state()).shownMode).toBe('3d');
    const shot = await tour.page.screenshot({ path: path.join(repoRoot, 'docs/screenshots/tour-splat-vr.png') });
    // The fixture room in perspective, not an empty frame: ahead (−Z, where the headset faces at the
    // start) its red wall. In VR the page shows the headset's frame, so the picture is the page's.
    expect(await spread(shot)).toBeGreaterThan(20);
    expect(wallColour(await centreOf(shot))).toBe('red');
    await leaveVr(tour.page);
    await expectAccessible(tour.page, 'splat tour after leaving VR');
  });
});

/** How much a picture's pixels vary (the mean of its channels' standard deviations). */
async function spread(png: Buffer): Promise<number> {
  const { channels } = await sharp(png).removeAlpha().stats();
  return channels.reduce((sum, c) => sum + c.stdev, 0) / channels.length;
}

/** The average colour of the middle 20×20 pixels of a picture. */
async function centreOf(png: Buffer): Promise<[number, number, number]> {
  const { width = 0, height = 0 } = await sharp(png).metadata();
  const { channels } = await sharp(png).removeAlpha().extract({ left: Math.round(width / 2) - 10, top: Math.round(height / 2) - 10, width: 20, height: 20 }).stats();
  return [channels[0]!.mean, channels[1]!.mean, channels[2]!.mean];
}

async function leaveVr(page: Page): Promise<void> {
  await page.evaluate(() => window.__xrHeadset.activeSession?.end());
  await page.locator('[data-testid="tour-renderer"][data-xr="off"]').waitFor({ timeout: 30_000 });
}
