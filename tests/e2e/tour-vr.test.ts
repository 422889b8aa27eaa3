// Journey: a headset (iwer's emulated Quest 3) is offered "Enter VR" on a tour; in VR the tour is
// drawn in the headset at the viewpoint, and pointing the controller at a link's ring on the floor and
// pulling the trigger teleports to that viewpoint (through the comfort fade). Nothing the session
// asks the server for fails: no controller profile or model is missing.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookFromTo } from '../../client/src/xr/tour/tour-directions.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';
import { prepareToursDir } from './support/tour-fixture.ts';
import { createPreviewCase, fetchManifest, listTours, TourPage } from './support/tour-page.ts';
import { aimRightController, installXrHeadset, pullRightTrigger } from './support/xr-headset.ts';

describe('preview tour in a VR headset', () => {
  let tours: Awaited<ReturnType<typeof prepareToursDir>>;
  beforeAll(async () => {
    tours = await prepareToursDir();
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

  it('enters VR from the tour and teleports by pointing at a link ring', async () => {
    const tour = new TourPage(journey.customer.page);
    const tours = await listTours(journey.server);
    const manifest = await fetchManifest(journey.server, tours.find((t) => t.kind === 'cabin' && t.id !== 'fixture-cabin')?.id ?? 'fixture-cabin');
    const start = manifest.viewpoints.find((v) => v.id === manifest.start)!;
    const next = manifest.viewpoints.find((v) => v.id === manifest.links.find((l) => l.from === start.id)!.to)!;
    const { joinUrl } = await createPreviewCase(journey.server, 'Cabin in VR', manifest.id);
    await tour.open(joinUrl);
    await tour.waitForShown(start.id);
    const failed: string[] = [];
    tour.page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    tour.page.on('requestfailed', (request) => failed.push(`${request.failure()?.errorText ?? 'failed'} ${request.url()}`));
    const enter = tour.page.getByRole('button', { name: 'Enter VR' });
    await enter.click();
    await tour.page.locator('[data-testid="tour-renderer"][data-xr="presenting"]').waitFor({ timeout: 30_000 });
    await tour.waitForShown(start.id);

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
});
