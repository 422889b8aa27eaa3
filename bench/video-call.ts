// Live video in headless Chromium over loopback: glass-to-glass latency customer → assessor through
// Sightline's real server, pages and signalling (console logged in, customer joined by link, call
// connected as the browser journeys do it), measured in turn with a bare RTCPeerConnection pair in the
// same browser (the floor); then join-to-first-frame over several fresh joins. Run it inside a
// loopback-only network namespace (bench/run.ts does); QUICK=1 for a smoke run.
import os from 'node:os';
import type { Browser } from 'playwright-core';
import { ensureClientBuild } from '../tests/e2e/support/client-build.ts';
import { ConsolePage } from '../tests/e2e/support/console-page.ts';
import { CustomerPage } from '../tests/e2e/support/customer-page.ts';
import { startLiveCall, type Journey } from '../tests/e2e/support/journey.ts';
import { launchBrowser, recordPageLog } from '../tests/e2e/support/launcher.ts';
import { startServer, type RunningServer } from '../tests/e2e/support/server.ts';
import { QUICK, round, summary, within, writeResult } from './support/results.ts';
import { openFloorPair } from './video/floor-pair.ts';
import { measureLinks, type WindowPlan } from './video/glass-to-glass.ts';
import { consoleContext, customerContext, joinToFirstFrame, type JoinTiming } from './video/sightline-pages.ts';

const PLAN: WindowPlan = QUICK
  ? { warmUpMs: 1_000, settleMs: 300, windowMs: 1_000, targetFrames: 1, maxRounds: 1 }
  : { warmUpMs: 6_000, settleMs: 700, windowMs: 5_000, targetFrames: 300, maxRounds: 6 };
const JOIN_RUNS = QUICK ? 1 : 4;

async function glassToGlass(journey: Journey, phase: (name: string) => void) {
  // The floor pairs first, while the browser is idle (opening pages beside a live call is slow), then
  // paused until the shared warm-up.
  const [floor, videoOnly] = await within(90_000, 'floor pairs', Promise.all([
    openFloorPair(journey.browser, journey.server.url, { audio: true }),
    openFloorPair(journey.browser, journey.server.url, { audio: false }),
  ]));
  phase('floorPairs');
  try {
    for (const pair of [floor, videoOnly]) await pair.sender.evaluate(() => window.benchSource?.setDrawing(false));
    await within(120_000, 'live call', startLiveCall(journey, 'Glass-to-glass benchmark', 'Bench Customer'));
    phase('liveCall');
    const links = [
      { name: 'sightline', source: journey.customer.page, sink: journey.assessor.page },
      { name: 'floor', source: floor.sender, sink: floor.receiver },
      { name: 'floorVideoOnly', source: videoOnly.sender, sink: videoOnly.receiver },
    ];
    const measured = await within(240_000, 'latency windows', measureLinks(links, PLAN));
    phase('latencyWindows');
    return measured;
  } finally {
    await floor.close();
    await videoOnly.close();
  }
}

async function joins(journey: Journey): Promise<JoinTiming[]> {
  const timings: JoinTiming[] = [];
  for (let run = 1; run <= JOIN_RUNS; run++) {
    timings.push(await within(90_000, `join run ${run}`, joinToFirstFrame(journey.assessor, journey.browser, journey.server.url, run, journey.logs)));
  }
  return timings;
}

/** Where the benchmark's own time goes: mark(name) records the seconds since the previous mark. */
function phaseClock(): { mark: (name: string) => void; phases: Record<string, number> } {
  const phases: Record<string, number> = {};
  let last = Date.now();
  return {
    phases,
    mark(name) {
      const now = Date.now();
      phases[name] = round((now - last) / 1000);
      last = now;
    },
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const clock = phaseClock();
  const phase = clock.mark;
  ensureClientBuild();
  phase('clientBuild');
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const logs: string[][] = [];
  try {
    server = await startServer();
    browser = await launchBrowser();
    const contexts = [await consoleContext(browser), await customerContext(browser)];
    const assessor = new ConsolePage(await contexts[0]!.newPage());
    const customer = new CustomerPage(await contexts[1]!.newPage());
    logs.push(recordPageLog(assessor.page, 'console'), recordPageLog(customer.page, 'customer'));
    const journey: Journey = { server, browser, contexts, assessor, customer, logs };

    phase('start');
    const links = await glassToGlass(journey, phase);
    await contexts[1]!.close();
    const timings = await joins(journey);
    phase('joins');

    const sightline = links.sightline!;
    const floor = links.floor!;
    const pick = (key: keyof JoinTiming) => summary(timings.map((t) => t[key]), [50]);
    writeResult('video-call', {
      benchmark: 'video-call',
      machine: { cpus: os.cpus().length, node: process.version, chromium: browser.version() },
      source: '640x480 canvas, captureStream(30), timestamp as 64 black/white blocks; decoded at every presented frame (requestVideoFrameCallback)',
      glassToGlass: {
        sightline,
        floor,
        floorVideoOnly: links.floorVideoOnly,
        ratioP50: round(sightline.glassToGlassMs.p50! / floor.glassToGlassMs.p50!, 2),
        ratioP95: round(sightline.glassToGlassMs.p95! / floor.glassToGlassMs.p95!, 2),
        ratioToVideoOnlyP50: round(sightline.glassToGlassMs.p50! / links.floorVideoOnly!.glassToGlassMs.p50!, 2),
        drawToReceiveRatioP50: round(sightline.drawToReceiveMs.p50! / floor.drawToReceiveMs.p50!, 2),
      },
      joinToFirstFrame: { runs: timings.length, totalMs: pick('totalMs'), acceptToConnectMs: pick('acceptToConnectMs'), connectToFrameMs: pick('connectToFrameMs'), each: timings.map((t) => ({ totalMs: round(t.totalMs), acceptToConnectMs: round(t.acceptToConnectMs), connectToFrameMs: round(t.connectToFrameMs) })) },
      seconds: { total: round((Date.now() - started) / 1000), ...clock.phases },
    });
  } catch (error) {
    console.error([...logs.flat(), server?.output() ?? ''].join('\n'));
    throw error;
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

await main();
