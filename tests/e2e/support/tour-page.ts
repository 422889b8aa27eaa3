// Preview-tour journeys: a preview case made through the API, and a page object of the customer's
// tour view that reads its state from the DOM (data-viewpoint, data-yaw, the renderer's shown view)
// and its picture from the canvas.
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { CaseCreated } from '../../../protocol/http.ts';
import { readTour, TourList, type Hotspot, type TourManifest, type Viewpoint } from '../../../protocol/tour.ts';
import { lookFromTo } from '../../../client/src/xr/tour/tour-directions.ts';
import type { RunningServer } from './server.ts';

/** Logs the admin in over HTTP and creates a preview case showing `tourId`. */
export async function createPreviewCase(server: RunningServer, title: string, tourId: string): Promise<CaseCreated> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.admin.email, password: server.admin.password }),
  });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const created = await fetch(`${server.url}/api/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ kind: 'preview', title, customerName: 'Alex Example', tour: tourId }),
  });
  if (created.status !== 201) throw new Error(`create case: ${created.status} ${await created.text()}`);
  return CaseCreated.parse(await created.json());
}

/** The tours the server offers (as the agent's list shows them). */
export async function listTours(server: RunningServer): Promise<TourList['tours']> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.admin.email, password: server.admin.password }),
  });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const answer = await fetch(`${server.url}/api/tours`, { headers: { cookie } });
  return TourList.parse(await answer.json()).tours;
}

export async function fetchManifest(server: RunningServer, tourId: string): Promise<TourManifest> {
  const reading = readTour(await (await fetch(`${server.url}/tours/${tourId}/tour.json`)).json());
  if (!reading.ok) throw new Error(`tour ${tourId}: ${JSON.stringify(reading.problems)}`);
  return reading.tour;
}

export interface CanvasPicture {
  /** 64×64 RGB, for comparing two pictures. */
  thumb: Buffer;
  /** Standard deviation of each channel over the whole canvas: near 0 for a blank one. */
  spread: number;
}

/** Mean absolute difference of two pictures' thumbnails, 0…255. */
export function pictureDifference(a: CanvasPicture, b: CanvasPicture): number {
  let sum = 0;
  for (let i = 0; i < a.thumb.length; i++) sum += Math.abs((a.thumb[i] ?? 0) - (b.thumb[i] ?? 0));
  return sum / a.thumb.length;
}

/** Everything drawn over the canvas: title, toolbar, panels, cards, markers. */
const OVERLAYS = '.tour-screen > :not(.tour-stage), .tour-markers';

export class TourPage {
  constructor(readonly page: Page) {}

  get screen(): Locator {
    return this.page.getByTestId('tour-screen');
  }

  get renderer(): Locator {
    return this.page.getByTestId('tour-renderer');
  }

  /** Opens a join link and gives consent if asked; resolves once the tour screen is there. */
  async open(joinUrl: string): Promise<void> {
    await this.page.goto(joinUrl);
    const consent = this.page.getByTestId('consent-accept');
    await Promise.race([consent.waitFor(), this.screen.waitFor()]);
    if (await consent.isVisible()) await consent.click();
    await this.screen.waitFor();
  }

  /** Waits until `viewpoint` (or whatever is due) is fully shown: loaded, swapped in and faded in. */
  async waitForShown(viewpoint?: string, timeoutMs = 60_000): Promise<void> {
    const shown = viewpoint ? `[data-shown-viewpoint="${viewpoint}"]` : '';
    await this.page.locator(`[data-testid="tour-renderer"][data-settled="true"]${shown}`).waitFor({ timeout: timeoutMs });
    // One more frame, so the picture is the settled one.
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }

  async state(): Promise<{ viewpoint: string; yaw: number; pitch: number; mode: string; shownMode: string }> {
    const [viewpoint, yaw, pitch, mode, shownMode] = await Promise.all([
      this.screen.getAttribute('data-viewpoint'),
      this.screen.getAttribute('data-yaw'),
      this.screen.getAttribute('data-pitch'),
      this.screen.getAttribute('data-mode'),
      this.renderer.getAttribute('data-shown-mode'),
    ]);
    return { viewpoint: viewpoint ?? '', yaw: Number(yaw), pitch: Number(pitch), mode: mode ?? '', shownMode: shownMode ?? '' };
  }

  /**
   * Runs `shoot` with everything over the canvas made transparent, so it sees the rendered picture
   * alone. (Through the style attribute: the page's CSP refuses an injected stylesheet.)
   */
  private async canvasOnly<T>(shoot: () => Promise<T>): Promise<T> {
    const toggle = (hide: boolean) => this.page.evaluate(({ selector, hide }) => document.querySelectorAll<HTMLElement>(selector).forEach((el) => (el.style.opacity = hide ? '0' : '')), { selector: OVERLAYS, hide });
    await toggle(true);
    try {
      return await shoot();
    } finally {
      await toggle(false);
    }
  }

  async picture(): Promise<CanvasPicture> {
    const png = await this.canvasOnly(() => this.renderer.locator('canvas').screenshot());
    const image = sharp(png).removeAlpha();
    const stats = await image.stats();
    const thumb = await sharp(png).removeAlpha().resize(64, 64, { fit: 'fill' }).raw().toBuffer();
    return { thumb, spread: stats.channels.reduce((sum, c) => sum + c.stdev, 0) / stats.channels.length };
  }

  /** The average colour of the middle of the canvas. */
  async centreColour(): Promise<[number, number, number]> {
    const box = await this.renderer.locator('canvas').boundingBox();
    if (!box) throw new Error('the tour canvas is not on screen');
    const png = await this.canvasOnly(() => this.page.screenshot({ clip: { x: box.x + box.width / 2 - 10, y: box.y + box.height / 2 - 10, width: 20, height: 20 } }));
    const { channels } = await sharp(png).removeAlpha().stats();
    return [channels[0]!.mean, channels[1]!.mean, channels[2]!.mean];
  }

  /** How many pixels of the rendered picture are within `tolerance` of a colour (per channel). */
  async pixelsNear([r, g, b]: [number, number, number], tolerance = 40): Promise<number> {
    const png = await this.canvasOnly(() => this.renderer.locator('canvas').screenshot());
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    let count = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      if (Math.abs(data[i]! - r) <= tolerance && Math.abs(data[i + 1]! - g) <= tolerance && Math.abs(data[i + 2]! - b) <= tolerance) count++;
    }
    return count;
  }

  async openPlan(): Promise<void> {
    const toggle = this.page.getByTestId('tour-plan-toggle');
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await this.page.getByTestId('plan-panel').waitFor();
  }

  async pickSeat(seatId: string): Promise<void> {
    await this.openPlan();
    const seat = this.page.locator(`[data-seat="${seatId}"]`);
    await seat.scrollIntoViewIfNeeded();
    await seat.click();
  }
}

/** Which of the fixture's wall colours a colour is: red (−Z), green (−X), blue (+Z) or yellow (+X). */
export function wallColour([r, g, b]: [number, number, number]): 'red' | 'green' | 'blue' | 'yellow' | 'grey' {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 30) return 'grey';
  if (r > b + 30 && g > b + 30 && Math.abs(r - g) < 60) return 'yellow';
  if (max === r) return 'red';
  if (max === g) return 'green';
  return 'blue';
}

/** A hotspot and the viewpoint nearest to it, with the yaw that faces it: the best in sight at eye level. */
export function hotspotInSight(tour: TourManifest): { hotspot: Hotspot; viewpoint: Viewpoint; yaw: number } {
  const pairs = tour.hotspots.map((hotspot) => {
    const distance = (v: Viewpoint) => Math.hypot(...v.position.map((p, i) => p - hotspot.position[i]!));
    const viewpoint = [...tour.viewpoints].sort((a, b) => distance(a) - distance(b))[0]!;
    const look = lookFromTo(viewpoint.position, hotspot.position);
    return { hotspot, viewpoint, yaw: Math.round(look.yaw), pitch: look.pitch };
  });
  const best = pairs.sort((a, b) => Math.abs(a.pitch) - Math.abs(b.pitch))[0];
  if (!best) throw new Error(`tour ${tour.id} has no hotspots`);
  return best;
}
