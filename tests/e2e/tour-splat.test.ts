// Journey: an operator's tour whose scene is a Gaussian-splat capture (a .ply beside tour.json, no
// glTF, no panoramas) opens in 3D, drawn by Spark: each direction shows the fixture room's wall of that
// colour, also after turning (the splats are sorted again for the new view and the on-demand canvas
// draws them). Spark is fetched for that tour only: the page of a tour without a splat never asks for it.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { newPeerContext, recordPageLog } from './support/launcher.ts';
import { repoRoot } from './support/server.ts';
import { FIXTURE_COLOURS, prepareToursDir, writeFixtureSplat } from './support/tour-fixture.ts';
import { createPreviewCase, TourPage, wallColour } from './support/tour-page.ts';

const SCREENSHOTS = path.join(repoRoot, 'docs/screenshots');
/** The lazy chunk that carries Spark (Vite names a dynamic entry after its module). */
const SPARK_CHUNK = /\/assets\/splat-loader-[^/]+\.js$/;
/** A yaw as a heading, 0 ≤ h < 360. */
const heading = (yaw: number) => Math.round(((yaw % 360) + 360) % 360);

describe('preview tour of a Gaussian-splat capture', () => {
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

  /** A desktop-sized page of its own, with the URLs it requested. */
  const openPage = async (name: string) => {
    const context = await newPeerContext(journey.browser, { viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    journey.logs.push(recordPageLog(page, name));
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    return { context, tour: new TourPage(page), requested };
  };

  it('shows the splat room in 3D, each direction its own wall, also after turning', async () => {
    const { context, tour, requested } = await openPage('splat');
    try {
      const { joinUrl } = await createPreviewCase(journey.server, 'Splat room', 'fixture-splat');
      await tour.open(`${joinUrl}&node=front&yaw=90`);
      await tour.waitForShown('front');
      expect((await tour.state()).shownMode).toBe('3d');
      expect(requested.some((url) => SPARK_CHUNK.test(url)), 'Spark was fetched for the splat tour').toBe(true);
      expect(requested.some((url) => url.endsWith('/tours/fixture-splat/scene.ply'))).toBe(true);
      expect(wallColour(await tour.centreColour())).toBe('green');

      // Arrow right turns right: from −X (yaw 90) to −Z (yaw 0), the red wall, on to +X and +Z.
      const turnRightTo = async (goal: number, colour: ReturnType<typeof wallColour>) => {
        for (let i = 0; i < 12; i++) await tour.page.keyboard.press('ArrowRight');
        await expect.poll(async () => heading((await tour.state()).yaw)).toBe(goal);
        await expect.poll(async () => wallColour(await tour.centreColour())).toBe(colour);
      };
      await turnRightTo(0, 'red');
      await turnRightTo(270, 'yellow');
      await turnRightTo(180, 'blue');

      // The link ahead leads to the back of the room; turned round there, the whole room in sight:
      // the red wall ahead, green on the left, yellow on the right.
      await tour.page.getByRole('button', { name: 'Go to Back' }).click();
      await tour.waitForShown('back');
      expect(wallColour(await tour.centreColour())).toBe('blue');
      await turnRightTo(90, 'green');
      await turnRightTo(0, 'red');
      const picture = await tour.picture();
      expect(picture.spread, 'a room in perspective, not one flat colour').toBeGreaterThan(12);
      expect(await tour.pixelsNear([...FIXTURE_COLOURS.west])).toBeGreaterThan(2_000);
      expect(await tour.pixelsNear([...FIXTURE_COLOURS.east])).toBeGreaterThan(2_000);
      await tour.page.screenshot({ path: path.join(SCREENSHOTS, 'tour-splat-desktop.png') });
      await expectAccessible(tour.page, 'splat tour in 3D');
    } finally {
      await context.close();
    }
  });

  it('does not fetch Spark for a tour without a splat', async () => {
    const { context, tour, requested } = await openPage('no-splat');
    try {
      const { joinUrl } = await createPreviewCase(journey.server, 'Fixture cabin', 'fixture-cabin');
      await tour.open(`${joinUrl}&node=aisle-front&yaw=90`);
      await tour.waitForShown('aisle-front');
      expect(wallColour(await tour.centreColour())).toBe('green');
      expect(requested.filter((url) => SPARK_CHUNK.test(url))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
