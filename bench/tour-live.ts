// The guided tour's live costs, side by side in one run on loopback: the scene-state sync the
// customer's page sends (data-channel payload bytes a second, while looking around and while still)
// against the video bitrate of a camera call between the same two browsers; and the tour's frame rate
// in an emulated headset (iwer Quest 3, software WebGL, a panorama) alone and with the agent connected
// and leading, in turns, with the headset page's own main-thread time per frame. Needs Chromium and a loopback-only network namespace (bench/run.ts provides
// both); QUICK=1 for a smoke run.
import type { Page } from 'playwright-core';
import { ensureClientBuild } from '../tests/e2e/support/client-build.ts';
import { ConsolePage } from '../tests/e2e/support/console-page.ts';
import { CustomerPage } from '../tests/e2e/support/customer-page.ts';
import { launchBrowser, newPeerContext, viewports } from '../tests/e2e/support/launcher.ts';
import { startServer } from '../tests/e2e/support/server.ts';
import { createPreviewCase, listTours, TourPage } from '../tests/e2e/support/tour-page.ts';
import { installXrHeadset } from '../tests/e2e/support/xr-headset.ts';
import { QUICK, round, sleep, writeResult } from './support/results.ts';
import { NAME_HELPER } from './video/frame-code.ts';
import { xrWindow, type XrWindow } from './support/xr-fps.ts';
import { encodingFor } from '../client/src/call/quality.ts';
import { POSE_MIN_INTERVAL_MS } from '../client/src/xr/tour/tour-sync.ts';

const VIDEO_WINDOW_MS = QUICK ? 3000 : 10_000;
/** Looking around: turning for this long, then holding still as long, a few times over. */
const TURN_MS = QUICK ? 1000 : 2500;
const CYCLES = QUICK ? 1 : 3;
/**
 * The headset: iwer draws each XR frame at the page's size. A 2 GB device's panoramas at 320x240: the
 * cabin in 3D on software WebGL is bound by its geometry at 0.5–1 fps whatever the size (640x480
 * 0.46, 320x240 0.77, 160x120 0.69 fps at load ~15), where one frame is the whole difference.
 */
const HEADSET_VIEWPORT = { width: 320, height: 240 };
/** Alone, then with the agent, this many times: the machine's load drifts, so the two are interleaved. */
const VR_RUNS = QUICK ? 1 : 2;
const VR_WINDOW_MS = QUICK ? 3000 : 8000;

declare global {
  interface Window {
    __benchPcs?: RTCPeerConnection[];
  }
}

/** Init script: keeps the page's peer connections, to read what they sent. */
function trackPeerConnections(): void {
  const Native = window.RTCPeerConnection;
  const all: RTCPeerConnection[] = [];
  window.__benchPcs = all;
  window.RTCPeerConnection = class extends Native {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      all.push(this);
    }
  };
}

interface Sent {
  at: number;
  video: number;
  data: number;
  messages: number;
}

/** Bytes the page has sent so far: video RTP payload, and data-channel message payload. */
function sentSoFar(page: Page): Promise<Sent> {
  return page.evaluate(async () => {
    const out = { at: performance.now(), video: 0, data: 0, messages: 0 };
    for (const pc of window.__benchPcs ?? []) {
      if (pc.connectionState === 'closed') continue;
      for (const s of (await pc.getStats()).values() as Iterable<Record<string, unknown>>) {
        if (s.type === 'outbound-rtp' && s.kind === 'video') out.video += Number(s.bytesSent ?? 0);
        if (s.type === 'data-channel') {
          out.data += Number(s.bytesSent ?? 0);
          out.messages += Number(s.messagesSent ?? 0);
        }
      }
    }
    return out;
  });
}

const perSecond = (a: Sent, b: Sent, key: 'video' | 'data' | 'messages') => ((b[key] - a[key]) * 1000) / (b.at - a.at);

/** Turns the customer's view for `ms` with the arrow key, a step every 60 ms: someone looking around briskly. */
async function turnFor(page: Page, ms: number): Promise<void> {
  const yaw = () => page.getByTestId('tour-screen').getAttribute('data-yaw');
  const before = await yaw();
  const started = Date.now();
  while (Date.now() - started < ms) {
    await page.keyboard.press('ArrowLeft');
    await sleep(60);
  }
  if ((await yaw()) === before) throw new Error('the arrow key did not turn the customer\'s view');
}

const fpsOf = (w: XrWindow): number => (w.frames * 1000) / w.ms;

/** Several windows as one: frames over time, main-thread time over frames. */
function pooled(windows: XrWindow[]) {
  const frames = windows.reduce((n, w) => n + w.frames, 0);
  const ms = windows.reduce((n, w) => n + w.ms, 0);
  const per = (key: 'taskMs' | 'scriptMs') => windows.reduce((n, w) => n + w[key], 0) / Math.max(1, frames);
  return { fps: (frames * 1000) / ms, taskMsPerFrame: per('taskMs'), scriptMsPerFrame: per('scriptMs') };
}

async function main(): Promise<void> {
  ensureClientBuild();
  const server = await startServer();
  // The console and the customer in browsers of their own, as on two machines: one Chromium draws every
  // page's software WebGL in one GPU process, and the console's 3D copy of the tour would starve the
  // customer's page of it (and of timers) — the pose rate would measure that, not the sync.
  const browser = await launchBrowser();
  const customerBrowser = await launchBrowser();
  try {
    const consoleContext = await newPeerContext(browser, { viewport: viewports.desktop });
    // The phone at 1× pixels and shown panoramas (a device reporting 2 GB): software WebGL renders the
    // cabin in 3D at 2× so slowly that the page's timers starve and the pose rate measures the renderer.
    const customerContext = await newPeerContext(customerBrowser, { viewport: viewports.phone });
    for (const context of [consoleContext, customerContext]) {
      await context.addInitScript(NAME_HELPER);
      await context.addInitScript(trackPeerConnections);
    }
    await customerContext.addInitScript(() => Object.defineProperty(navigator, 'deviceMemory', { value: 2 }));
    const assessor = new ConsolePage(await consoleContext.newPage());
    const customer = new CustomerPage(await customerContext.newPage());
    await assessor.login(server.url, server.admin.email, server.admin.password);

    // The video a camera call sends between the same two browsers.
    const video = await assessor.createCase('Video baseline', 'Bench');
    await customer.open(video.joinUrl);
    await customer.accept();
    await assessor.caseRow(video.caseId).getByTestId('badge-waiting').waitFor({ timeout: 30_000 });
    await assessor.openCase(video.caseId);
    await assessor.connect();
    await assessor.waitForLiveVideo(60_000);
    await sleep(QUICK ? 1000 : 3000);
    const videoStart = await sentSoFar(customer.page);
    await sleep(VIDEO_WINDOW_MS);
    const videoBytesPerSecond = perSecond(videoStart, await sentSoFar(customer.page), 'video');
    await assessor.page.getByTestId('hang-up').click();
    await assessor.page.getByTestId('back').click();

    // The same two browsers on a guided tour: the console renders it from the customer's pose.
    const tours = await listTours(server);
    const tourId = tours.find((t) => t.kind === 'cabin')?.id ?? tours[0]!.id;
    const preview = await createPreviewCase(server, 'Guided tour bench', tourId);
    const tour = new TourPage(customer.page);
    // A join link differs from the page's address only after the '#': leave first, or it is no navigation.
    await customer.page.goto('about:blank');
    await tour.open(preview.joinUrl);
    await tour.waitForShown();
    await assessor.caseRow(preview.case.id).getByTestId('badge-waiting').waitFor({ timeout: 30_000 });
    await assessor.openCase(preview.case.id);
    await assessor.connect();
    await customer.page.locator('[data-testid="tour-call"][data-channel="open"]').waitFor({ timeout: 30_000 });
    await sleep(1000);

    const still0 = await sentSoFar(customer.page);
    await sleep(QUICK ? 2000 : 4000);
    const still1 = await sentSoFar(customer.page);
    const turning: Array<{ bytes: number; messages: number }> = [];
    const explore0 = still1;
    for (let i = 0; i < CYCLES; i++) {
      const a = await sentSoFar(customer.page);
      await turnFor(customer.page, TURN_MS);
      const b = await sentSoFar(customer.page);
      turning.push({ bytes: perSecond(a, b, 'data'), messages: perSecond(a, b, 'messages') });
      await sleep(TURN_MS);
    }
    const explore1 = await sentSoFar(customer.page);
    const busiest = turning.reduce((max, t) => (t.bytes > max.bytes ? t : max));
    const messageBytes = (explore1.data - still0.data) / Math.max(1, explore1.messages - still0.messages);
    const sync = {
      stillBytesPerSecond: round(perSecond(still0, still1, 'data')),
      turningBytesPerSecond: round(busiest.bytes),
      turningMessagesPerSecond: round(busiest.messages),
      exploringBytesPerSecond: round(perSecond(explore0, explore1, 'data')),
      messageBytes: round(messageBytes),
      /** The most the gate lets through: a pose every interval, non-stop. */
      ceilingBytesPerSecond: round((1000 / POSE_MIN_INTERVAL_MS) * messageBytes),
    };

    // The tour in a headset, alone and with the agent connected and leading, in turns.
    await customer.page.close();
    const headsetContext = await newPeerContext(customerBrowser, { viewport: HEADSET_VIEWPORT });
    await headsetContext.addInitScript(NAME_HELPER);
    await headsetContext.addInitScript(() => Object.defineProperty(navigator, 'deviceMemory', { value: 2 }));
    await installXrHeadset(headsetContext);
    const headset = new TourPage(await headsetContext.newPage());
    const headsetCdp = await headsetContext.newCDPSession(headset.page);
    const vrCase = await createPreviewCase(server, 'Guided tour in VR bench', tourId);
    await assessor.page.getByTestId('hang-up').click();
    await assessor.page.getByTestId('back').click();
    await headset.open(vrCase.joinUrl);
    await headset.waitForShown();
    await headset.page.getByTestId('tour-vr').click();
    await headset.page.locator('[data-testid="tour-renderer"][data-xr="presenting"]').waitFor({ timeout: 30_000 });
    const call = headset.page.getByTestId('tour-call');
    await sleep(1000);
    const alone: XrWindow[] = [];
    const withAgent: XrWindow[] = [];
    for (let run = 0; run < VR_RUNS; run++) {
      alone.push(await xrWindow(headset.page, headsetCdp, '__xrHeadset', VR_WINDOW_MS));
      await assessor.caseRow(vrCase.case.id).getByTestId('badge-waiting').waitFor({ timeout: 30_000 });
      await assessor.openCase(vrCase.case.id);
      // The headset keeps the cores busy drawing: answering can take longer than a journey allows.
      await assessor.page.getByTestId('connect').click();
      await headset.page.locator('[data-testid="tour-call"][data-channel="open"]').waitFor({ timeout: 120_000 });
      await assessor.page.getByTestId('tour-lead-toggle').click();
      await headset.page.locator('[data-testid="tour-screen"][data-leader="agent"]').waitFor({ timeout: 10_000 });
      await sleep(1000);
      withAgent.push(await xrWindow(headset.page, headsetCdp, '__xrHeadset', VR_WINDOW_MS));
      await assessor.page.getByTestId('hang-up').click();
      await assessor.page.getByTestId('back').click();
      await headset.page.locator('[data-testid="tour-call"][data-channel="closed"][data-state="waiting"]').waitFor({ timeout: 30_000 });
      if ((await call.getAttribute('data-leader')) !== 'customer') throw new Error('the headset still follows an agent who hung up');
      await sleep(1000);
    }
    const vr = { alone: pooled(alone), withAgent: pooled(withAgent) };

    writeResult('tour-live', {
      tour: tourId,
      video: { bytesPerSecond: round(videoBytesPerSecond), kbps: round((videoBytesPerSecond * 8) / 1000) },
      sync,
      ratio: {
        exploring: round(sync.exploringBytesPerSecond / videoBytesPerSecond, 4),
        turning: round(sync.turningBytesPerSecond / videoBytesPerSecond, 4),
        ceiling: round(sync.ceilingBytesPerSecond / videoBytesPerSecond, 4),
        /** The ceiling against the most the call sends at its high level (client/src/call/quality.ts). */
        ceilingVsHighLevel: round((sync.ceilingBytesPerSecond * 8) / encodingFor.high.maxBitrate, 4),
      },
      vr: {
        viewport: HEADSET_VIEWPORT,
        runs: VR_RUNS,
        windowSeconds: VR_WINDOW_MS / 1000,
        fpsAlone: round(vr.alone.fps),
        fpsWithAgent: round(vr.withAgent.fps),
        ratio: round(vr.withAgent.fps / vr.alone.fps, 2),
        perRun: alone.map((a, i) => ({ alone: round(fpsOf(a)), withAgent: round(fpsOf(withAgent[i]!)) })),
        /** The headset page's own main thread per XR frame: what the connection costs it, whatever else runs on the cores. */
        mainThreadMsPerFrame: { alone: round(vr.alone.taskMsPerFrame, 2), withAgent: round(vr.withAgent.taskMsPerFrame, 2) },
        scriptMsPerFrame: { alone: round(vr.alone.scriptMsPerFrame, 2), withAgent: round(vr.withAgent.scriptMsPerFrame, 2) },
      },
    });
  } finally {
    await customerBrowser.close();
    await browser.close();
    await server.stop();
  }
}

await main();
