// The shared frame of a browser journey: one server, one Chromium, a desktop console context and a
// phone customer context, their pages wrapped and their logs recorded — printed when a step fails.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ensureClientBuild } from './client-build.ts';
import { ConsolePage } from './console-page.ts';
import { CustomerPage } from './customer-page.ts';
import { launchBrowser, newPeerContext, recordPageLog, viewports, type PeerContextOptions } from './launcher.ts';
import { startServer, type RunningServer } from './server.ts';

/** A function to run in every page of a context before the page's own scripts (addInitScript). */
type InitScript = () => void;

export interface PeerOptions {
  /** @default viewports.desktop for the console, viewports.phone (mobile) for the customer */
  context?: PeerContextOptions;
  /** Added to the context before its page is created. */
  initScripts?: InitScript[];
}

export interface JourneyOptions {
  console?: PeerOptions;
  customer?: PeerOptions;
  /** Runs at the end of beforeAll, once both pages exist. */
  setup?: (journey: Journey) => Promise<void>;
  /** Runs at the end of afterAll, after the browser and the server are closed. */
  teardown?: (journey: Journey) => Promise<void>;
}

export interface Journey {
  server: RunningServer;
  browser: Browser;
  /** [console, customer] */
  contexts: BrowserContext[];
  assessor: ConsolePage;
  customer: CustomerPage;
  logs: string[][];
}

/** Registers the journey's beforeAll/afterEach/afterAll hooks; the fields are filled in beforeAll. */
export function useJourney(options: JourneyOptions = {}): Journey {
  const journey = { contexts: [], logs: [] } as unknown as Journey;
  let failed = false;

  beforeAll(async () => {
    ensureClientBuild();
    journey.server = await startServer();
    journey.browser = await launchBrowser();
    const peers = [
      { options: options.console, fallback: { viewport: viewports.desktop } },
      { options: options.customer, fallback: { viewport: viewports.phone, mobile: true } },
    ];
    for (const peer of peers) journey.contexts.push(await newPeerContext(journey.browser, peer.options?.context ?? peer.fallback));
    for (const [i, peer] of peers.entries()) {
      for (const script of peer.options?.initScripts ?? []) await journey.contexts[i]!.addInitScript(script);
    }
    journey.assessor = new ConsolePage(await journey.contexts[0]!.newPage());
    journey.customer = new CustomerPage(await journey.contexts[1]!.newPage());
    journey.logs.push(recordPageLog(journey.assessor.page, 'console'), recordPageLog(journey.customer.page, 'customer'));
    await options.setup?.(journey);
  });

  afterEach((context) => {
    if (context.task.result?.state === 'fail') failed = true;
  });

  afterAll(async () => {
    if (failed || process.env.SIGHTLINE_E2E_VERBOSE) console.log([...journey.logs.flat(), journey.server?.output() ?? ''].join('\n'));
    for (const context of journey.contexts) await context.close();
    await journey.browser?.close();
    await journey.server?.stop();
    await options.teardown?.(journey);
  });

  return journey;
}

/** A page in a desktop (1440×900) browser context of its own, closed with the journey's, its log kept with theirs. */
export async function desktopPage(journey: Journey, name: string): Promise<Page> {
  const context = await newPeerContext(journey.browser, { viewport: viewports.desktop });
  journey.contexts.push(context);
  const page = await context.newPage();
  journey.logs.push(recordPageLog(page, name));
  return page;
}

export interface LiveCallOptions {
  /** How long to wait for the customer to show as waiting. @default the context's default timeout */
  waitingTimeout?: number;
}

/**
 * Logs the admin in, creates a case, has the customer open the link and accept, then opens the case
 * on the console, connects and waits for live video.
 */
export async function startLiveCall(journey: Journey, title: string, customerName: string, options: LiveCallOptions = {}): Promise<{ caseId: string; joinUrl: string }> {
  const { assessor, customer, server } = journey;
  await assessor.login(server.url, server.admin.email, server.admin.password);
  const { caseId, joinUrl } = await assessor.createCase(title, customerName);
  await customer.open(joinUrl);
  await customer.accept();
  await assessor.connectWaiting(caseId, options.waitingTimeout);
  return { caseId, joinUrl };
}
