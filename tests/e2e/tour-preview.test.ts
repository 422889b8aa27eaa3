// Journey: a preview case shows the customer a tour instead of the camera. On a phone and on a
// desktop the tour renders (pixels of the room, not a blank canvas); picking seat 23A on the cabin's
// seat map moves the view there and shows the seat's details; a hotspot opens its card with a price;
// a deep link (&node=…&yaw=…) opens that viewpoint facing that way; a broken tour.json is reported
// naming the field. Screenshots go to docs/screenshots/tour-<tour>-<phone|desktop>.png.
import { mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TourManifest } from '../../protocol/tour.ts';
import { lookFromTo } from '../../client/src/xr/tour/tour-directions.ts';
import { useJourney } from './support/journey.ts';
import { newPeerContext, recordPageLog, viewports } from './support/launcher.ts';
import { repoRoot } from './support/server.ts';
import { writeFixtureTour } from './support/tour-fixture.ts';
import { createPreviewCase, fetchManifest, listTours, pictureDifference, TourPage } from './support/tour-page.ts';

const SCREENSHOTS = path.join(repoRoot, 'docs/screenshots');
const BUILT_IN = path.join(repoRoot, 'assets/tours');

describe('preview tour: the customer looks around before buying', () => {
  // The server reads a tours folder made for this run: the fixture tour beside the generated ones.
  let toursDir = '';
  beforeAll(async () => {
    toursDir = await mkdtemp(path.join(tmpdir(), 'sightline-tours-'));
    await writeFixtureTour(toursDir);
    if (existsSync(BUILT_IN)) {
      for (const entry of await readdir(BUILT_IN, { withFileTypes: true })) {
        if (entry.isDirectory() && existsSync(path.join(BUILT_IN, entry.name, 'tour.json'))) await symlink(path.join(BUILT_IN, entry.name), path.join(toursDir, entry.name));
      }
    }
    process.env.SIGHTLINE_TOURS_DIR = toursDir;
  });
  const journey = useJourney();
  afterAll(async () => {
    delete process.env.SIGHTLINE_TOURS_DIR;
    await rm(toursDir, { recursive: true, force: true });
  });

  let cabin: TourManifest;
  let cabinJoinUrl = '';
  const desktopContexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const context of desktopContexts) await context.close();
  });

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
    await tour.page.screenshot({ path: path.join(SCREENSHOTS, `tour-${cabin.id}-phone.png`) });
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
  });
});
