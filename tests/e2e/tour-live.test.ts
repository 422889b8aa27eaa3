// Journey: an agent guides a customer through the cabin tour live. The customer's page (a phone)
// opens the tour and joins a voice call; the console renders the same tour from the customer's
// synced pose (no video). The agent takes the lead ("follow me") and brings the customer to a seat's
// view — the customer's camera moves; points at the scene — the pointer is in the customer's rendered
// frame; the customer picks seat 23A on the seat map — the view changes and the console follows; the
// agent offers the seat, the customer asks for it, the booking is recorded, the bundle verifies
// offline and the PDF names the seat. A self-guided link joins no call until the customer asks for a
// person. Screenshots: docs/screenshots/console-tour-live.png (and -1024.png), tour-live-phone.png.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TourManifest } from '../../protocol/tour.ts';
import { yawDelta } from '../../client/src/xr/tour/tour-directions.ts';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { viewports } from './support/launcher.ts';
import { repoRoot } from './support/server.ts';
import { prepareToursDir } from './support/tour-fixture.ts';
import { createPreviewCase, fetchManifest, listTours, pictureDifference, TourPage } from './support/tour-page.ts';

const SCREENSHOTS = path.join(repoRoot, 'docs/screenshots');
/** The agent's pointer colour (client/src/xr/tour/agent-pointer.tsx). */
const POINTER_RGB: [number, number, number] = [0xff, 0x2e, 0x88];

describe('guided tour: the agent leads the customer through the cabin', () => {
  let tours: Awaited<ReturnType<typeof prepareToursDir>>;
  let downloads = '';
  beforeAll(async () => {
    tours = await prepareToursDir();
    process.env.SIGHTLINE_TOURS_DIR = tours.dir;
    downloads = await mkdtemp(path.join(os.tmpdir(), 'sightline-tour-live-'));
  });
  const journey = useJourney();
  afterAll(async () => {
    delete process.env.SIGHTLINE_TOURS_DIR;
    await tours.remove();
    await rm(downloads, { recursive: true, force: true });
  });

  let cabin: TourManifest;
  let caseId = '';
  const tour = () => new TourPage(journey.customer.page);
  const agent = () => journey.assessor.page;
  const status = () => agent().getByTestId('tour-customer-status');

  it('the agent connects a voice call and sees what the customer sees, from the synced pose', async () => {
    const list = await listTours(journey.server);
    cabin = await fetchManifest(journey.server, list.find((t) => t.kind === 'cabin' && t.id !== 'fixture-cabin')?.id ?? 'fixture-cabin');
    const created = await createPreviewCase(journey.server, 'Guided seat preview — Lisbon', cabin.id);
    caseId = created.case.id;
    await tour().open(created.joinUrl);
    await tour().waitForShown(cabin.start);

    const { assessor, server } = journey;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor({ timeout: 30_000 });
    await assessor.openCase(caseId);
    await agent().getByTestId('tour-live-panel').waitFor();
    await assessor.connect();
    await journey.customer.page.locator('[data-testid="tour-call"][data-state="connected"][data-channel="open"]').waitFor({ timeout: 30_000 });
    await expectAccessible(journey.customer.page, 'tour in a voice call', { desktop: true });
    await expectAccessible(agent(), 'console live tour, connected');

    // The customer turns; the console's copy of their view turns with them.
    for (let i = 0; i < 6; i++) await journey.customer.page.keyboard.press('ArrowLeft');
    const customerYaw = async () => (await tour().state()).yaw;
    await expect.poll(async () => Math.abs(yawDelta(await customerYaw(), Number(await status().getAttribute('data-yaw')))), { timeout: 10_000 }).toBeLessThan(1);
    expect(await status().getAttribute('data-viewpoint')).toBe(cabin.start);

    // The customer zooms in twice (= or +, 1.25× each); the console shows their view at that zoom.
    for (let i = 0; i < 2; i++) await journey.customer.page.keyboard.press('=');
    await expect.poll(() => agent().getByTestId('tour-live-stage').getAttribute('data-zoom'), { timeout: 10_000 }).toBe('1.56');
  });

  it('follow me: the agent brings the customer to a seat’s view, and the customer’s camera moves', async () => {
    await agent().getByTestId('tour-lead-toggle').click();
    await journey.customer.page.locator('[data-testid="tour-screen"][data-leader="agent"]').waitFor();
    const before = await tour().picture();
    const seat = cabin.plan!.seats.find((s) => s.id === '12A') ?? cabin.plan!.seats[0]!;
    const seatOnConsole = agent().getByTestId('tour-live-panel').locator(`[data-seat="${seat.id}"]`);
    await seatOnConsole.scrollIntoViewIfNeeded();
    await seatOnConsole.click();
    await expect.poll(async () => (await tour().state()).viewpoint, { timeout: 15_000 }).toBe(seat.viewpoint);
    await tour().waitForShown(seat.viewpoint);
    expect(pictureDifference(before, await tour().picture())).toBeGreaterThan(8);
    // Said in words too, for a customer who cannot see the view.
    const title = cabin.viewpoints.find((v) => v.id === seat.viewpoint)!.title;
    await expect.poll(() => journey.customer.page.getByTestId('tour-agent-news').textContent()).toBe(`The agent brought you to: ${title}`);
    await expectAccessible(journey.customer.page, 'tour led by the agent');
    await expectAccessible(agent(), 'console live tour, the agent leading');
  });

  it('the agent’s pointer is visible in the customer’s rendered frame', async () => {
    expect(await tour().pixelsNear(POINTER_RGB)).toBeLessThan(20);
    await agent().getByTestId('tour-point-tool').click();
    const canvas = agent().getByTestId('tour-live-panel').locator('canvas');
    const box = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
    const pointer = await agent().getByTestId('tour-live-panel').getAttribute('data-pointer');
    expect(pointer).toMatch(/^-?[\d.]+,-?[\d.]+,-?[\d.]+$/);
    await journey.customer.page.locator(`[data-testid="tour-screen"][data-pointer="${pointer}"]`).waitFor();
    await expect.poll(() => tour().pixelsNear(POINTER_RGB), { timeout: 10_000 }).toBeGreaterThan(40);
    await expect.poll(() => journey.customer.page.getByTestId('tour-agent-news').textContent()).toMatch(/^The agent is pointing at/);
    await journey.customer.page.screenshot({ path: path.join(SCREENSHOTS, 'tour-live-phone.png') });
    await expectAccessible(agent(), 'console live tour, pointing');
    // The console as the agent sees it: the customer's view with the pointer, the seat map, the controls.
    await agent().evaluate(() => window.scrollTo(0, 0));
    await agent().screenshot({ path: path.join(SCREENSHOTS, 'console-tour-live.png') });
    await agent().setViewportSize({ width: 1024, height: 768 });
    await agent().screenshot({ path: path.join(SCREENSHOTS, 'console-tour-live-1024.png') });
    await agent().setViewportSize(viewports.desktop);
  });

  it('the customer picks seat 23A on the seat map: their view changes, and the console follows', async () => {
    const seat = cabin.plan!.seats.find((s) => s.id === '23A')!;
    const before = await tour().picture();
    await tour().pickSeat('23A');
    await tour().waitForShown(seat.viewpoint);
    expect(pictureDifference(before, await tour().picture())).toBeGreaterThan(8);
    // Moving on their own takes the lead back.
    await agent().locator('[data-testid="tour-lead-toggle"][data-leader="customer"]').waitFor();
    await expect.poll(() => status().getAttribute('data-viewpoint'), { timeout: 10_000 }).toBe(seat.viewpoint);
  });

  it('the agent offers seat 23A; the customer sees the offer and asks for it', async () => {
    const form = agent().getByTestId('tour-offer-form');
    await form.getByTestId('tour-offer-seat').fill('23A');
    await form.getByTestId('tour-offer-amount').fill('129');
    await form.getByTestId('tour-offer-send').click();
    const card = journey.customer.page.getByTestId('tour-offer-card');
    await card.waitFor();
    expect(await card.textContent()).toContain('23A');
    await expectAccessible(journey.customer.page, 'tour with a seat offer', { desktop: true });
    await expectAccessible(agent(), 'console live tour, offer sent');
    await card.getByTestId('tour-offer-accept').click();
    await agent().locator('.chat-card').getByText('seat 23A', { exact: false }).waitFor();
  });

  it('the booking is recorded; the bundle verifies offline and the PDF names the seat and what was shown', async () => {
    const page = agent();
    await page.getByTestId('outcome-decision').selectOption('booked');
    await page.getByTestId('outcome-seat').fill('23A');
    await page.getByTestId('outcome-amount').fill('129');
    await page.getByTestId('outcome-reason').fill('Window seat 23A, agreed on the guided tour.');
    await page.getByTestId('outcome-submit').click();
    await page.getByTestId('outcome-history').getByText('23A').first().waitFor();
    await expectAccessible(page, 'console live tour, booking recorded');

    const bundle = await journey.assessor.download('download-export', downloads);
    const verify = spawnSync(process.execPath, [path.join(repoRoot, 'server/src/verifier/bin.mjs'), bundle.file], { encoding: 'utf8' });
    expect(verify.stdout + verify.stderr).toMatch(/VERIFIED/);
    expect(verify.status).toBe(0);

    const report = await journey.assessor.download('download-report', downloads);
    const text = execFileSync('pdftotext', ['-layout', report.file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Booked/);
    expect(text).toContain('23A');
    // What the customer was shown: the agent led and pointed, and made an offer.
    expect(text).toMatch(/What the customer was shown/);
    expect(text).toMatch(/offer/i);
  });

  it('a self-guided link opens the tour with no call, until the customer asks for a person', async () => {
    const created = await createPreviewCase(journey.server, 'Self-guided cabin tour', cabin.id);
    const page = journey.customer.page;
    await tour().open(`${created.joinUrl}&guide=self`);
    await tour().waitForShown(cabin.start);
    expect(await page.getByTestId('tour-call').count()).toBe(0);
    await expectAccessible(page, 'self-guided tour', { desktop: true });
    const row = journey.assessor.caseRow(created.case.id);
    await agent().getByTestId('back').click();
    await row.waitFor();
    expect(await row.getByTestId('badge-waiting').count()).toBe(0);

    await page.getByTestId('tour-ask-person').click();
    await page.locator('[data-testid="tour-call"][data-state="waiting"]').waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'self-guided tour, waiting for a person', { desktop: true });
    await row.getByTestId('badge-waiting').waitFor({ timeout: 30_000 });
    await journey.assessor.openCase(created.case.id);
    await agent().locator('.chat-card').getByText('talk to someone', { exact: false }).waitFor();
  });
});
