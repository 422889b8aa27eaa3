// Sightline's own pages for the video benchmarks: a console context whose remote <video> is decoded
// frame by frame, a customer context whose camera is the timestamped canvas, and join-to-first-frame —
// from the customer accepting consent to the first decoded frame on the console.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ConsolePage } from '../../tests/e2e/support/console-page.ts';
import { CustomerPage } from '../../tests/e2e/support/customer-page.ts';
import { newPeerContext, recordPageLog, viewports } from '../../tests/e2e/support/launcher.ts';
import { FRAME_LAYOUT, NAME_HELPER, installCanvasCamera, installFrameDecoder, type DecodedFrame } from './frame-code.ts';

/** Small, to keep the raster cost down on 2 cores; the video panel is still fully in view. */
const CONSOLE_VIEWPORT = { width: 1024, height: 640 };

declare global {
  interface Window {
    benchAutoConnect?: { clickedAt: number };
  }
}

export async function consoleContext(browser: Browser): Promise<BrowserContext> {
  const context = await newPeerContext(browser, { viewport: CONSOLE_VIEWPORT });
  await context.addInitScript(NAME_HELPER);
  await context.addInitScript(installFrameDecoder, { layout: FRAME_LAYOUT, selector: '[data-testid="remote-video"]' });
  return context;
}

/** The phone-sized customer page at device scale 1 (the journeys use 2): less to raster, same app. */
export async function customerContext(browser: Browser): Promise<BrowserContext> {
  const context = await newPeerContext(browser, { viewport: viewports.phone });
  await context.addInitScript(NAME_HELPER);
  await context.addInitScript(installCanvasCamera, FRAME_LAYOUT);
  return context;
}

/**
 * Clicks the console's Connect button the moment it becomes enabled (the customer shows as present),
 * so no human reaction time is in the figure; records when it clicked.
 */
function installAutoConnect(): void {
  const tryClick = (): boolean => {
    const button = document.querySelector('[data-testid="connect"]');
    if (!(button instanceof HTMLButtonElement) || button.disabled) return false;
    window.benchAutoConnect = { clickedAt: performance.timeOrigin + performance.now() };
    button.click();
    return true;
  };
  if (tryClick()) return;
  const observer = new MutationObserver(() => tryClick() && observer.disconnect());
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
}

export interface JoinTiming {
  /** Consent accepted → first frame decoded on the console. */
  totalMs: number;
  /** Consent accepted → the console's Connect enabled (customer registered, presence pushed). */
  acceptToConnectMs: number;
  /** Connect clicked → first frame decoded. */
  connectToFrameMs: number;
}

/** One join on a fresh case: console reloaded on the case, a new customer page opens the join link. */
export async function joinToFirstFrame(assessor: ConsolePage, browser: Browser, baseUrl: string, run: number, logs: string[][]): Promise<JoinTiming> {
  // A new query string makes this a full page load, so the decoder starts empty.
  await assessor.page.goto(`${baseUrl}/?bench-run=${run}`);
  const { caseId, joinUrl } = await assessor.createCase(`Join timing ${run}`, 'Bench Customer');
  await assessor.openCase(caseId);
  await assessor.page.evaluate(installAutoConnect);
  const context = await customerContext(browser);
  try {
    const page: Page = await context.newPage();
    logs.push(recordPageLog(page, `customer run ${run}`));
    const customer = new CustomerPage(page);
    await customer.open(joinUrl);
    const acceptedAt = await page.evaluate(() => {
      const button = document.querySelector('[data-testid="consent-accept"]');
      if (!(button instanceof HTMLButtonElement)) throw new Error('no consent button');
      const at = performance.timeOrigin + performance.now();
      button.click();
      return at;
    });
    const handle = await assessor.page.waitForFunction(() => window.benchDecoder?.first() ?? null, undefined, { timeout: 45_000, polling: 50 });
    const first = (await handle.jsonValue()) as DecodedFrame;
    const clickedAt = await assessor.page.evaluate(() => window.benchAutoConnect?.clickedAt ?? Number.NaN);
    return { totalMs: first.displayAt - acceptedAt, acceptToConnectMs: clickedAt - acceptedAt, connectToFrameMs: first.displayAt - clickedAt };
  } finally {
    await context.close();
  }
}
