// Journey: guided capture in AR (issue #5, item 4, "in AR: an arrow/frame showing where to aim").
// The customer's emulated AR phone works through a property checklist alone, in AR: for each item the
// scene shows an aim guide (a ring and frame on the surface in the middle of the view, an arrow while
// the phone is aimed wrongly) and the DOM overlay says what to do; the guide turns green when the phone
// is held as the item asks (far back for the overview, close to the surface for the close-up). Photos
// taken from the overlay are stored for their items and the checklist completes, in the ledger.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CaseDetail, LedgerEntry } from '../../protocol/http.ts';
import { expectAccessible } from './support/axe.ts';
import { useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';
import { installXrDevice, setPhonePose } from './support/xr-device.ts';

const Detail = z.object({ status: z.literal(200), body: CaseDetail });
const Ledger = z.object({ status: z.literal(200), body: z.object({ entries: z.array(LedgerEntry) }) });

/** Where the phone is and where it looks: position (m), pitch and yaw (degrees). The office is 2.45 × 2.42 m, its floor 5 cm up. */
type Held = [[number, number, number], number, number];
/** Held at 1.4 m looking straight down: the floor is 1.35 m away (too near for an overview, too far for a close-up). */
const OVER_FLOOR: Held = [[-0.3, 1.4, 0.4], -90, 0];
/** In a corner of the office, looking level across it: the first thing in the middle of the view is over 2 m away. */
const FROM_CORNER: Held = [[1.0, 1.5, 1.2], 0, 45];
/** Crouched 0.45 m over the floor (0.4 m from it), looking down: close enough for a close-up. */
const CLOSE_TO_FLOOR: Held = [[-0.3, 0.45, 0.4], -90, 0];

/** Pixels of the customer's AR canvas in the guide's amber (not yet) or green (aimed). */
function guidePixels(): { amber: number; green: number } {
  // The page's canvas, which the emulator moves into its own full-screen layer while the session runs.
  const canvas = window.__xrDevice.appCanvas;
  if (!canvas) return { amber: 0, green: 0 };
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(canvas, 0, 0);
  const { data } = context.getImageData(0, 0, copy.width, copy.height);
  let amber = 0;
  let green = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (r > 220 && g > 140 && g < 200 && b < 80) amber++;
    if (g > 150 && g > r + 60 && g > b + 40) green++;
  }
  return { amber, green };
}

describe('guided capture in AR', () => {
  const journey = useJourney({ setup: (j) => installXrDevice(j.contexts[1]!, { cameraGrain: true }) });
  let caseId = '';

  const aim = (page: Page) => page.getByTestId('ar-aim');
  const cue = (page: Page) => aim(page).getAttribute('data-cue');
  const pose = (page: Page, [position, pitch, yaw]: Held) => setPhonePose(page, position, pitch, yaw);

  it('the customer joins a property case, enters AR and sees the first item with its aim guide', async () => {
    const { assessor, customer, server } = journey;
    await assessor.login(server.url, server.admin.email, server.admin.password);
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('Water damage — office floor', 'Ari Example', { checklist: 'property' }));
    await customer.open(joinUrl);
    await customer.accept();
    await customer.page.getByTestId('mode-ar').click();
    await customer.page.locator('[data-testid="ar-view"][data-state="running"]').waitFor({ state: 'attached', timeout: 60_000 });
    const bar = customer.page.getByTestId('ar-checklist');
    await bar.waitFor();
    expect(await bar.getAttribute('data-item-id')).toBe('room-overview');
    expect(await bar.textContent()).toContain('Photo 1 of 2');
    await expectAccessible(customer.page, 'AR guided capture, the first item');
  });

  it('too near for an overview: "Step back" and an amber guide; from a corner of the room it turns green', async () => {
    const page = journey.customer.page;
    await pose(page, OVER_FLOOR);
    // Wait for the guide to measure this pose: the pose the phone held before may be too near as well,
    // so "back" alone can still be the last pose's reading, with its distance (1.23 m, once).
    const distance = async () => Number(await aim(page).getAttribute('data-distance'));
    await expect.poll(async () => Math.abs((await distance()) - 1.35), { timeout: 20_000 }).toBeLessThan(0.1);
    expect(await cue(page)).toBe('back');
    expect(await aim(page).textContent()).toBe('Step back');
    // Said as well as drawn: a live region for a screen reader, once the advice holds.
    const spoken = page.getByTestId('ar-aim-spoken');
    await expect.poll(() => spoken.textContent(), { timeout: 5_000 }).toBe('Step back');
    expect(await spoken.getAttribute('aria-live')).toBe('polite');
    await expect.poll(async () => (await page.evaluate(guidePixels)).amber, { timeout: 10_000 }).toBeGreaterThan(50);
    await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'customer-ar-aim-step-back.png'), animations: 'disabled' });
    await expectAccessible(page, 'AR aim guide, step back');

    await pose(page, FROM_CORNER);
    await expect.poll(() => cue(page), { timeout: 20_000 }).toBe('ok');
    expect(Number(await aim(page).getAttribute('data-distance'))).toBeGreaterThan(2);
    expect(await aim(page).getAttribute('data-ok')).toBe('true');
    await expect.poll(async () => (await page.evaluate(guidePixels)).green, { timeout: 10_000 }).toBeGreaterThan(50);
    await expect.poll(() => spoken.getAttribute('data-ok'), { timeout: 5_000 }).toBe('true');
    expect(await spoken.textContent()).toBe('Good — hold still and take the photo');
  });

  it('the photo taken from the AR overlay is accepted for the overview; the close-up is next', async () => {
    const page = journey.customer.page;
    await page.getByTestId('ar-checklist-take').click();
    const verdict = page.getByTestId('ar-checklist-verdict');
    await verdict.waitFor({ timeout: 30_000 });
    expect(await verdict.textContent()).toContain('Room overview accepted');
    expect(await verdict.getAttribute('data-verdict')).toBe('accepted');
    await expect.poll(() => page.getByTestId('ar-checklist').getAttribute('data-item-id')).toBe('damage-close-up');
    await expectAccessible(page, 'AR guided capture, the overview accepted');
  });

  it('the close-up asks to move closer from 1.4 m and is aimed 0.4 m from the floor; its photo completes the checklist', async () => {
    const page = journey.customer.page;
    await pose(page, OVER_FLOOR);
    await expect.poll(() => cue(page), { timeout: 20_000 }).toBe('closer');
    expect(await aim(page).textContent()).toBe('Move closer');
    await pose(page, CLOSE_TO_FLOOR);
    await expect.poll(() => cue(page), { timeout: 20_000 }).toBe('ok');
    expect(Math.abs(Number(await aim(page).getAttribute('data-distance')) - 0.4)).toBeLessThan(0.1);
    await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'customer-ar-checklist.png'), animations: 'disabled' });

    await page.getByTestId('ar-checklist-take').click();
    await page.locator('[data-testid="ar-checklist"][data-complete="true"]').waitFor({ timeout: 30_000 });
    expect(await journey.customer.checklistProgress()).toEqual({ done: 2, total: 2, complete: true });
    await expectAccessible(page, 'AR guided capture, the checklist complete');
  });

  it('the server holds both photos for their items, full size, and the ledger records the checklist', async () => {
    const detail = Detail.parse(await journey.assessor.fetchJson(`/api/cases/${caseId}`)).body;
    const photos = detail.evidence.filter((e) => e.checklist?.accepted);
    expect(photos.map((e) => e.checklist?.itemId).sort()).toEqual(['damage-close-up', 'room-overview']);
    for (const photo of photos) expect(photo.source).toBe('device-still');
    const ledger = Ledger.parse(await journey.assessor.fetchJson(`/api/cases/${caseId}/ledger`)).body.entries;
    expect(ledger.filter((e) => e.type === 'checklist.captured')).toHaveLength(2);
  });
});
