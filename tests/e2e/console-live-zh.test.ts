// Journeys: the console's live tour, AR inspection and a relay-refused call in Simplified Chinese (issue 16),
// the console screens of tour-live, xr-inspection and turn-relay that the other Chinese journeys do not
// visit. The admin's console language is 中文 in each. (1) A customer opens the cabin tour; the agent
// connects a voice call (real WebRTC), takes the lead, points at the scene, offers seat 23A, which the
// customer asks for, and records the booking. (2) The customer's phone (an emulated WebXR AR phone) enters
// AR; the assessor places a marker and measures between two floor points. (3) With a relay-only ICE policy
// and a coturn that does not share the server's secret, the call cannot connect. Each screen: axe, no sideways
// scrolling, cut-off text or wrapped button at 1440×900 and 1024×768, reflow at half of each
// (tests/e2e/support/console-zh.ts), screenshots docs/screenshots/console-zh-*.png; the words from the
// zh-CN locale files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TourManifest } from '../../protocol/tour.ts';
import { checkConsoleZh, useChineseConsole, zh as consoleZh, zhText } from './support/console-zh.ts';
import { useJourney } from './support/journey.ts';
import { inLoopbackOnlyNamespace } from './support/network.ts';
import { useToursDir } from './support/tour-fixture.ts';
import { createPreviewCase, fetchManifest, listTours, TourPage } from './support/tour-page.ts';
import { startTurnServer, turnserverMissing, type TurnServer } from './support/turn-server.ts';
import { installXrDevice, setPhonePose } from './support/xr-device.ts';
import { zh } from './support/zh-screen.ts';

describe('the live tour panel on a console in 中文', () => {
  useToursDir();
  const journey = useJourney();
  let cabin: TourManifest;
  const tour = () => new TourPage(journey.customer.page);
  const agent = () => journey.assessor.page;
  const panel = () => agent().getByTestId('tour-live-panel');

  it('connected: the customer’s view from their pose, the seat map, the controls', async () => {
    const { assessor, server } = journey;
    const list = await listTours(server);
    cabin = await fetchManifest(server, list.find((t) => t.kind === 'cabin' && t.id !== 'fixture-cabin')!.id);
    const created = await createPreviewCase(server, '里斯本航班选座', cabin.id);
    await tour().open(`${created.joinUrl}&lang=zh-CN`);
    await tour().waitForShown(cabin.start);
    await assessor.login(server.url, server.admin.email, server.admin.password);
    await useChineseConsole(agent());
    await assessor.caseRow(created.case.id).getByTestId('badge-waiting').waitFor({ timeout: 30_000 });
    await assessor.openCase(created.case.id);
    await panel().waitFor();
    await assessor.connect();
    await journey.customer.page.locator('[data-testid="tour-call"][data-state="connected"][data-channel="open"]').waitFor({ timeout: 30_000 });
    await agent().locator('[data-testid="tour-customer-status"][data-viewpoint]').waitFor();
    expect(await agent().getByTestId('tour-lead-toggle').textContent()).toBe(zh('guide:live.follow'));
    await checkConsoleZh(agent(), 'console live tour, connected, in Chinese', 'console-zh-tour-connected', panel());
  });

  it('the agent leads to a seat’s view, then points at the scene', async () => {
    await agent().getByTestId('tour-lead-toggle').click();
    await journey.customer.page.locator('[data-testid="tour-screen"][data-leader="agent"]').waitFor();
    const seat = cabin.plan!.seats.find((s) => s.id === '12A') ?? cabin.plan!.seats[0]!;
    const seatOnConsole = panel().locator(`[data-seat="${seat.id}"]`);
    await seatOnConsole.scrollIntoViewIfNeeded();
    await seatOnConsole.click();
    await expect.poll(async () => (await tour().state()).viewpoint, { timeout: 15_000 }).toBe(seat.viewpoint);
    await expect.poll(() => agent().getByTestId('tour-lead-toggle').textContent()).toBe(zh('guide:live.roam'));
    expect(await agent().getByTestId('tour-live-panel').textContent()).toContain(zh('guide:live.youLead'));

    await agent().getByTestId('tour-point-tool').click();
    expect(await agent().getByTestId('tour-point-tool').textContent()).toBe(zh('guide:live.pointing'));
    const canvas = panel().locator('canvas');
    const box = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
    const pointer = await panel().getAttribute('data-pointer');
    expect(pointer).toMatch(/^-?[\d.]+,-?[\d.]+,-?[\d.]+$/);
    await journey.customer.page.locator(`[data-testid="tour-screen"][data-pointer="${pointer}"]`).waitFor();
    // One screen for both: the agent leading (the toggle offers to let the customer roam) and pointing.
    await checkConsoleZh(agent(), 'console live tour, the agent leading and pointing, in Chinese', 'console-zh-tour-pointing', panel());
  });

  it('the agent offers seat 23A, the customer asks for it, and the booking is recorded', async () => {
    const form = agent().getByTestId('tour-offer-form');
    await form.getByTestId('tour-offer-seat').fill('23A');
    await form.getByTestId('tour-offer-amount').fill('129');
    await form.getByTestId('tour-offer-send').click();
    const card = journey.customer.page.getByTestId('tour-offer-card');
    await card.waitFor();
    await checkConsoleZh(agent(), 'console live tour, offer sent, in Chinese', 'console-zh-tour-offer', form);
    await card.getByTestId('tour-offer-accept').click();
    await agent().locator('.chat-card').getByText('23A', { exact: false }).first().waitFor();

    const page = agent();
    await page.getByTestId('outcome-decision').selectOption('booked');
    await page.getByTestId('outcome-seat').fill('23A');
    await page.getByTestId('outcome-amount').fill('129');
    await page.getByTestId('outcome-reason').fill('靠窗座位 23A，带看中与客户确认。');
    await page.getByTestId('outcome-submit').click();
    // The tour's option in the console's language, in the form and in the history (stored by its id).
    const option = await page.getByTestId('outcome-option').inputValue();
    const title = cabin.translations['zh-CN']!.bookables[option]!.title!;
    expect(await page.getByTestId('outcome-option').locator(`option[value="${option}"]`).textContent()).toContain(title);
    const booked = page.getByTestId('outcome-history').getByTestId('outcome-booking');
    await booked.first().waitFor();
    await expect.poll(() => booked.first().textContent()).toBe(zhText(consoleZh.casework.outcome.history.bookedSeat, { title, seat: '23A' }));
    expect(await page.getByTestId('outcome-history').locator('[data-decision="booked"] .badge').first().textContent()).toBe(consoleZh.casework.outcome.history.decision.booked);
    // The ledger names who wrote each entry in Chinese words too.
    await expect.poll(() => page.locator('[data-testid="ledger-row"][data-type="outcome.recorded"] td').nth(2).textContent()).toBe(consoleZh.console.ledger.actorType.assessor);
    await checkConsoleZh(page, 'console live tour, booking recorded, in Chinese', 'console-zh-tour-booked', page.getByTestId('outcome-history'));
  });
});

describe('an AR inspection on a console in 中文', () => {
  /** Two points of the emulated office floor, 0.80 m apart, each straight below where the phone is held (as xr-inspection). */
  const POINT_A: [number, number, number] = [-0.3, 1.4, 0.4];
  const POINT_B: [number, number, number] = [0.5, 1.4, 0.4];
  const journey = useJourney({ setup: (j) => installXrDevice(j.contexts[1]!) });

  it('the customer in AR; a marker and a measurement, as the assessor sees them', async () => {
    const { assessor, customer, server } = journey;
    const page = assessor.page;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    await useChineseConsole(page);
    const { caseId, joinUrl } = await assessor.createCase('办公室地面水渍', '李明');
    await customer.open(`${joinUrl}&lang=zh-CN`);
    await customer.accept();
    await customer.page.getByTestId('mode-ar').click();
    await customer.page.locator('[data-testid="ar-view"][data-state="running"]').waitFor({ state: 'attached', timeout: 60_000 });
    await assessor.openCase(caseId);
    await assessor.connect();
    await assessor.waitForLiveVideo(60_000);
    await expect.poll(() => assessor.customerMode(), { timeout: 20_000 }).toBe('ar');

    await setPhonePose(customer.page, POINT_A, -90);
    await assessor.selectTool('marker');
    await assessor.clickVideo(0.5, 0.5);
    await expect.poll(() => assessor.annotationRows().first().getAttribute('data-status'), { timeout: 30_000 }).toBe('stored');

    await assessor.selectTool('measure');
    await customer.page.waitForTimeout(500);
    await assessor.clickVideo(0.5, 0.5);
    await page.locator('[data-testid="inspection-toolbar"][data-measure="second"]').waitFor({ timeout: 20_000 });
    await setPhonePose(customer.page, POINT_B, -90);
    await customer.page.waitForTimeout(500);
    await assessor.clickVideo(0.5, 0.5);
    const row = assessor.measurementRows().first();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('stored');
    await setPhonePose(customer.page, [0.1, 1.3, 1.1], -50);
    await customer.page.waitForTimeout(1500);
    await checkConsoleZh(page, 'console AR inspection with a marker and a measurement, in Chinese', 'console-zh-ar-inspection');
  });
});

describe.skipIf(!inLoopbackOnlyNamespace() || turnserverMissing() !== undefined)('a relay-only call the relay refuses, on a console in 中文', () => {
  let turn: TurnServer;
  const saved = { urls: process.env.SIGHTLINE_TURN_URLS, secret: process.env.SIGHTLINE_TURN_SECRET, policy: process.env.SIGHTLINE_ICE_POLICY };
  // Before the journey's hooks: the journey's server takes its environment from this process.
  beforeAll(async () => {
    turn = await startTurnServer({ secret: 'not-the-secret-sightline-was-given' });
    process.env.SIGHTLINE_TURN_URLS = turn.url;
    process.env.SIGHTLINE_TURN_SECRET = 'relay-journey-secret-0123456789';
    process.env.SIGHTLINE_ICE_POLICY = 'relay';
  });
  afterAll(async () => {
    for (const [name, value] of [['SIGHTLINE_TURN_URLS', saved.urls], ['SIGHTLINE_TURN_SECRET', saved.secret], ['SIGHTLINE_ICE_POLICY', saved.policy]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await turn?.stop();
  });
  const journey = useJourney();

  it('connecting goes nowhere: the relay answers 401', async () => {
    const { assessor, customer, server } = journey;
    const page = assessor.page;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    await useChineseConsole(page);
    const { caseId, joinUrl } = await assessor.createCase('中继拒绝的通话', '任雪');
    await customer.open(`${joinUrl}&lang=zh-CN`);
    await customer.accept();
    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor({ timeout: 20_000 });
    await assessor.openCase(caseId);
    await page.getByTestId('connect').click();
    await expect.poll(() => /processed, error 401/.test(turn.log()), { timeout: 15_000 }).toBe(true);
    // As the English journey looks at it: right after the refusals, still trying (the attempt gives up after 20 s).
    const state = page.getByTestId('call-state');
    expect(await state.getAttribute('data-state')).toBe('connecting');
    expect(await state.textContent()).toBe(consoleZh.console.call.status.connecting);
    await checkConsoleZh(page, 'console case, the relay refused the call, in Chinese', 'console-zh-relay-refused');
  });
});
