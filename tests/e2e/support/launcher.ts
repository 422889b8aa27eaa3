// The one way browser journeys start Chromium: headless, fake camera and microphone, loopback WebRTC.
// Each peer (customer, assessor) gets its own context so neither page is throttled behind the other.
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Flags from shared/BROWSER-TESTS.md. Never add a --disable-features: it would drop Playwright's own. */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: chromiumFlags,
  });
}

export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
} as const;

export interface PeerContextOptions {
  viewport: { width: number; height: number };
  /** Mobile emulation (touch, device scale) for the customer's phone. @default false */
  mobile?: boolean;
}

export async function newPeerContext(browser: Browser, options: PeerContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.viewport,
    deviceScaleFactor: options.mobile ? 2 : 1,
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
  });
  context.setDefaultTimeout(30_000);
  return context;
}

/** Collects a page's console errors and failed requests, to print when a step fails. */
export function recordPageLog(page: import('playwright-core').Page, name: string): string[] {
  const lines: string[] = [];
  const started = Date.now();
  const push = lines.push.bind(lines);
  lines.push = (...items: string[]) => push(...items.map((line) => `+${((Date.now() - started) / 1000).toFixed(1)}s ${line}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') lines.push(`[${name} ${message.type()}] ${message.text()}`);
  });
  page.on('pageerror', (error) => lines.push(`[${name} pageerror] ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) lines.push(`[${name} http ${response.status()}] ${response.request().method()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => lines.push(`[${name} requestfailed] ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
  return lines;
}
