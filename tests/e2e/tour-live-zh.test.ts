// Journey in Simplified Chinese (issue 16): the customer's screens of tour-live on a phone with
// &lang=zh-CN. The agent connects a voice call to the cabin tour (real WebRTC); takes the lead and brings
// the customer to a seat's view (said in Chinese for a screen reader too); offers seat 23A, which the
// customer asks for; a self-guided link opens the tour with no call until the customer asks for a person.
// Each screen: axe, 200 % reflow, a screenshot docs/screenshots/tour-live-<screen>-zh.png, and its words
// from the zh-CN locale files.
import { describe, expect, it } from 'vitest';
import type { TourManifest } from '../../protocol/tour.ts';
import { useJourney } from './support/journey.ts';
import { useToursDir } from './support/tour-fixture.ts';
import { createPreviewCase, fetchManifest, listTours, TourPage } from './support/tour-page.ts';
import { zh, zhScreen } from './support/zh-screen.ts';

describe('the guided tour on the customer’s phone in Simplified Chinese', () => {
  useToursDir();
  const journey = useJourney();

  let cabin: TourManifest;
  const tour = () => new TourPage(journey.customer.page);
  const agent = () => journey.assessor.page;

  it('the agent connects a voice call: the call bar in Chinese', async () => {
    const list = await listTours(journey.server);
    cabin = await fetchManifest(journey.server, list.find((t) => t.kind === 'cabin' && t.id !== 'fixture-cabin')!.id);
    const created = await createPreviewCase(journey.server, '里斯本航班选座', cabin.id);
    await tour().open(`${created.joinUrl}&lang=zh-CN`);
    await tour().waitForShown(cabin.start);
    const { assessor, server } = journey;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    await assessor.caseRow(created.case.id).getByTestId('badge-waiting').waitFor({ timeout: 30_000 });
    await assessor.openCase(created.case.id);
    await agent().getByTestId('tour-live-panel').waitFor();
    await assessor.connect();
    const page = journey.customer.page;
    await page.locator('[data-testid="tour-call"][data-state="connected"][data-channel="open"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('tour-call').textContent()).toContain(zh('tour:call.state.connected'));
    await zhScreen(page, 'tour-live-call', 'tour in a voice call', { desktop: true });
  });

  it('the agent leads to a seat’s view, said in Chinese too; then offers seat 23A and the customer asks for it', async () => {
    const page = journey.customer.page;
    await agent().getByTestId('tour-lead-toggle').click();
    await page.locator('[data-testid="tour-screen"][data-leader="agent"]').waitFor();
    const seat = cabin.plan!.seats.find((s) => s.id === '12A') ?? cabin.plan!.seats[0]!;
    const seatOnConsole = agent().getByTestId('tour-live-panel').locator(`[data-seat="${seat.id}"]`);
    await seatOnConsole.scrollIntoViewIfNeeded();
    await seatOnConsole.click();
    await expect.poll(async () => (await tour().state()).viewpoint, { timeout: 15_000 }).toBe(seat.viewpoint);
    await tour().waitForShown(seat.viewpoint);
    const place = cabin.translations['zh-CN']?.viewpoints[seat.viewpoint]?.title ?? cabin.viewpoints.find((v) => v.id === seat.viewpoint)!.title;
    await expect.poll(() => page.getByTestId('tour-agent-news').textContent()).toBe(zh('tour:describe.broughtTo', { place }));
    await zhScreen(page, 'tour-live-led', 'tour led by the agent');

    const form = agent().getByTestId('tour-offer-form');
    await form.getByTestId('tour-offer-seat').fill('23A');
    await form.getByTestId('tour-offer-amount').fill('129');
    await form.getByTestId('tour-offer-send').click();
    const card = page.getByTestId('tour-offer-card');
    await card.waitFor();
    expect(await card.textContent()).toContain(zh('tour:card.offerEyebrow'));
    expect(await card.textContent()).toContain(zh('tour:card.offerSeat', { id: '23A' }));
    await zhScreen(page, 'tour-live-offer', 'tour with a seat offer', { desktop: true });
    await card.getByTestId('tour-offer-accept').click();
    await agent().locator('.chat-card').getByText('23A', { exact: false }).first().waitFor();
  });

  it('a self-guided link opens the tour with no call, until the customer asks for a person', async () => {
    const created = await createPreviewCase(journey.server, '自助浏览客舱', cabin.id);
    const page = journey.customer.page;
    await page.goto('about:blank');
    await tour().open(`${created.joinUrl}&lang=zh-CN&guide=self`);
    await tour().waitForShown(cabin.start);
    expect(await page.getByTestId('tour-call').count()).toBe(0);
    expect(await page.getByTestId('tour-ask-person').textContent()).toContain(zh('tour:call.ask'));
    await zhScreen(page, 'tour-self-guided', 'self-guided tour', { desktop: true });
    await page.getByTestId('tour-ask-person').click();
    await page.locator('[data-testid="tour-call"][data-state="waiting"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('tour-call').textContent()).toContain(zh('tour:call.state.waiting'));
    await zhScreen(page, 'tour-self-guided-waiting', 'self-guided tour, waiting for a person', { desktop: true });
  });
});
