// Join link → first tour frame: a customer who has already consented opens a preview case's join link
// in a fresh browser context (cold HTTP cache), and the page loads, asks /api/join, loads the tour
// viewer's code while it reads tour.json and fetches the first view's files (the start panorama's
// small preview, then the full panorama or the scene), and draws it. Timed inside the page from
// navigation start (performance.now()): "first frame" is the first animation frame showing a picture
// (the preview, in either mode), "final frame" the first one drawing the full-resolution panorama or
// the 3D scene (as it dissolves in), "settled" when the renderer says that view has faded in. The
// viewer's own marks (tour-marks.ts) break the time down. Both modes, for each generated tour, taking
// turns so drifting load on a shared machine meets all alike.
// Needs Chromium and a loopback-only network namespace (bench/run.ts provides both); QUICK=1 for a smoke run.
import type { Browser } from 'playwright-core';
import { ensureClientBuild } from '../tests/e2e/support/client-build.ts';
import { launchBrowser, newPeerContext, viewports } from '../tests/e2e/support/launcher.ts';
import { startServer, type RunningServer } from '../tests/e2e/support/server.ts';
import { createPreviewCase, fetchManifest, listTours } from '../tests/e2e/support/tour-page.ts';
import { QUICK, round, summary, writeResult } from './support/results.ts';
import { NAME_HELPER } from './video/frame-code.ts';

const TOURS = ['hotel-standard', 'hotel-suite', 'cabin-a321'] as const;
const RUNS = QUICK ? 1 : Number(process.env.TOUR_JOIN_RUNS ?? 4);
/** The target: the first view within 2 s on loopback. */
const TARGET_MS = 2000;
/** Generous: on a loaded shared machine software WebGL takes many times longer than alone. */
const RUN_TIMEOUT_MS = 90_000;

/** navigator.deviceMemory as each mode's device reports it: below 4 GB the viewer picks panoramas. */
const MODES = { panorama: 2, '3d': 8 } as const;
type Mode = keyof typeof MODES;

/** The viewer's marks (client/src/xr/tour/tour-marks.ts), in the order they usually come. */
const VIEWER_MARKS = ['manifest', 'viewer-code', 'preview-bytes', 'preview-decoded', 'panorama-bytes', 'panorama-decoded', 'scene-bytes', 'scene-parsed'] as const;

interface JoinTiming {
  /** ms from navigation start, as the page measured them. */
  firstFrameMs: number;
  /** The first frame drawing the full-resolution panorama, or the 3D scene. */
  finalFrameMs: number;
  settledMs: number;
  /** tour:<name> marks; NaN where the first view did not need that step. */
  marks: Record<(typeof VIEWER_MARKS)[number], number>;
  /** When the renderer took the first view's content (decoded) to show it. */
  shownMs: number;
  joinAnsweredMs: number;
  /** When the last script (the page's, then the viewer's and three.js, loaded on demand) had arrived. */
  codeMs: number;
  manifestMs: number;
  /** When the last file of the first view (scene or start panorama) had arrived. */
  firstViewFilesMs: number;
  firstViewBytes: number;
  shownMode: string;
}

/**
 * Init script: marks the first frame and the settled view from inside the page. Once the renderer
 * says which viewpoint it shows, each animation frame (after the renderer's own, queued earlier)
 * shrinks the canvas to 16×16: the first frame that is not one flat colour (the background or the
 * fade's black) is the first tour frame drawn.
 */
function markTourFrames(): void {
  const probe = document.createElement('canvas');
  probe.width = 16;
  probe.height = 16;
  const probeContext = probe.getContext('2d', { willReadFrequently: true })!;
  const hasPicture = (canvas: HTMLCanvasElement): boolean => {
    probeContext.drawImage(canvas, 0, 0, 16, 16);
    const { data } = probeContext.getImageData(0, 0, 16, 16);
    let low = 765;
    let high = 0;
    for (let i = 0; i < data.length; i += 4) {
      const light = data[i]! + data[i + 1]! + data[i + 2]!;
      low = Math.min(low, light);
      high = Math.max(high, light);
    }
    return high - low > 24;
  };
  const watchFrames = (): void => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="tour-renderer"] canvas');
    if (canvas && hasPicture(canvas)) performance.mark('tour-first-frame');
    else requestAnimationFrame(watchFrames);
  };
  let shown = false;
  let final = false;
  const observer = new MutationObserver(() => {
    const renderer = document.querySelector('[data-testid="tour-renderer"]');
    if (!renderer) return;
    if (!shown && renderer.getAttribute('data-shown-viewpoint')) {
      shown = true;
      performance.mark('tour-shown');
      requestAnimationFrame(watchFrames);
    }
    // The final stage is in the renderer's state: the canvas draws it in the next frame (the renderer's
    // own callback was queued first), so the end of that frame's callbacks is when it was drawn.
    if (!final && renderer.getAttribute('data-shown-final') === 'true') {
      final = true;
      performance.mark('tour-final-shown');
      requestAnimationFrame(() => setTimeout(() => performance.mark('tour-final-frame'), 0));
    }
    if (renderer.getAttribute('data-settled') === 'true') {
      performance.mark('tour-settled');
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-shown-viewpoint', 'data-shown-final', 'data-settled'] });
}

/** Read in the page once settled: the marks, and when the join answer, tour.json and first view's files arrived. */
function readTiming(): Omit<JoinTiming, 'shownMode'> {
  const mark = (name: string): number => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? Number.NaN;
  const firstFrameMs = mark('tour-first-frame');
  const names = ['manifest', 'viewer-code', 'preview-bytes', 'preview-decoded', 'panorama-bytes', 'panorama-decoded', 'scene-bytes', 'scene-parsed'] as const;
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const ended = (test: (path: string) => boolean): PerformanceResourceTiming[] => resources.filter((r) => test(new URL(r.name).pathname));
  const join = ended((path) => path === '/api/join')[0];
  const manifest = ended((path) => path.startsWith('/tours/') && path.endsWith('/tour.json'))[0];
  // The first view's files: tour files other than tour.json asked for before the view settled, the
  // preview with the full panorama or scene (prefetches of neighbouring panoramas start only after).
  const files = ended((path) => path.startsWith('/tours/') && !path.endsWith('/tour.json')).filter((r) => r.startTime < mark('tour-settled'));
  return {
    firstFrameMs,
    finalFrameMs: mark('tour-final-frame'),
    marks: Object.fromEntries(names.map((name) => [name, mark(`tour:${name}`)])) as JoinTiming['marks'],
    settledMs: mark('tour-settled'),
    shownMs: mark('tour-shown'),
    joinAnsweredMs: join?.responseEnd ?? Number.NaN,
    codeMs: Math.max(...ended((path) => path.endsWith('.js')).map((r) => r.responseEnd)),
    manifestMs: manifest?.responseEnd ?? Number.NaN,
    firstViewFilesMs: Math.max(...files.map((r) => r.responseEnd)),
    firstViewBytes: files.reduce((sum, r) => sum + r.transferSize, 0),
  };
}

/** Gives consent for the case once, as the consent screen does: later opens go straight to the tour. */
async function consent(server: RunningServer, token: string): Promise<void> {
  const answer = await fetch(`${server.url}/api/join/consent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ recording: true, location: false }),
  });
  if (!answer.ok) throw new Error(`consent: ${answer.status} ${await answer.text()}`);
}

/** One cold join: a new context (empty cache), the link opened, the first view timed. */
async function join(browser: Browser, joinUrl: string, mode: Mode): Promise<JoinTiming> {
  const context = await newPeerContext(browser, { viewport: viewports.phone, mobile: true });
  try {
    await context.addInitScript(NAME_HELPER);
    await context.addInitScript((memory) => Object.defineProperty(Navigator.prototype, 'deviceMemory', { configurable: true, get: () => memory }), MODES[mode]);
    await context.addInitScript(markTourFrames);
    const page = await context.newPage();
    await page.goto(joinUrl);
    const renderer = page.locator('[data-testid="tour-renderer"][data-settled="true"]');
    await renderer.waitFor({ state: 'attached', timeout: RUN_TIMEOUT_MS });
    await page.waitForFunction(() => ['tour-first-frame', 'tour-final-frame'].every((name) => performance.getEntriesByName(name, 'mark').length > 0), undefined, { timeout: RUN_TIMEOUT_MS });
    const timing = await page.evaluate(readTiming);
    return { ...timing, shownMode: (await renderer.getAttribute('data-shown-mode')) ?? '' };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  ensureClientBuild();
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const offered = new Set((await listTours(server)).map((t) => t.id));
    const tours = TOURS.filter((id) => offered.has(id));
    if (tours.length === 0) throw new Error(`none of ${TOURS.join(', ')} is offered: run \`npm run assets\``);
    const links = new Map<string, string>();
    for (const id of tours) {
      const { joinUrl } = await createPreviewCase(server, `Join benchmark — ${id}`, id);
      await consent(server, new URL(joinUrl).hash.slice(1));
      links.set(id, joinUrl);
    }

    // The server derives each panorama's preview once, on first request, and keeps it: a server that
    // has been up a while has them all. Asked for once here; the first customer after a restart waits
    // for their start panorama's (see the derivation time printed).
    const deriving = performance.now();
    for (const id of tours) {
      const manifest = await fetchManifest(server, id);
      for (const file of new Set(manifest.viewpoints.flatMap((v) => (v.panorama ? [v.panorama] : [])))) {
        const answer = await fetch(`${server.url}/tours/${id}/${file}?preview`);
        if (!answer.ok) throw new Error(`${id}/${file}?preview: ${answer.status}`);
        await answer.arrayBuffer();
      }
    }
    const previewsDerivedMs = round(performance.now() - deriving);

    // One join first, not counted: Chromium's own start-up (its processes, the GPU process's shaders)
    // is not the page's.
    if (!QUICK) await join(browser, links.get(tours[0]!)!, '3d');
    const runs = new Map<string, JoinTiming[]>();
    for (let pass = 0; pass < RUNS; pass++) {
      for (const id of tours) {
        for (const mode of Object.keys(MODES) as Mode[]) {
          const timing = await join(browser, links.get(id)!, mode);
          if (timing.shownMode !== mode) throw new Error(`${id}: asked for ${mode}, the viewer showed ${timing.shownMode || 'nothing'}`);
          const key = `${id} ${mode}`;
          runs.set(key, [...(runs.get(key) ?? []), timing]);
        }
      }
    }

    const results: Record<string, Record<string, unknown>> = {};
    for (const id of tours) {
      results[id] = {};
      for (const mode of Object.keys(MODES) as Mode[]) {
        const timings = runs.get(`${id} ${mode}`) ?? [];
        const of = (pick: (t: JoinTiming) => number) => summary(timings.map(pick));
        const firstFrameMs = of((t) => t.firstFrameMs);
        results[id]![mode] = {
          runs: timings.length,
          firstFrameMs,
          /** The full-resolution panorama (panorama mode) or the 3D scene (3D) first drawn. */
          finalFrameMs: of((t) => t.finalFrameMs),
          settledMs: of((t) => t.settledMs),
          marksMs: Object.fromEntries(VIEWER_MARKS.map((name) => [name, of((t) => t.marks[name]).p50 ?? Number.NaN]).filter(([, p50]) => Number.isFinite(p50))),
          joinAnsweredMs: of((t) => t.joinAnsweredMs),
          codeMs: of((t) => t.codeMs),
          manifestMs: of((t) => t.manifestMs),
          firstViewFilesMs: of((t) => t.firstViewFilesMs),
          shownMs: of((t) => t.shownMs),
          firstViewKB: round(timings[0]!.firstViewBytes / 1024),
          meetsTarget: (firstFrameMs.p95 ?? Number.POSITIVE_INFINITY) <= TARGET_MS,
        };
      }
    }
    writeResult('tour-join', {
      benchmark: 'tour-join',
      targetMs: TARGET_MS,
      viewport: { ...viewports.phone, deviceScaleFactor: 2 },
      renderer: 'SwiftShader (software WebGL) in headless Chromium',
      /** The server deriving every panorama's preview before the runs (all tours, one after another). */
      previewsDerivedMs,
      deviceMemoryGb: MODES,
      tours: results,
    });
    const verdicts = Object.entries(results).flatMap(([id, modes]) =>
      Object.entries(modes).map(([mode, r]) => {
        const { firstFrameMs: first, finalFrameMs: final } = r as Record<'firstFrameMs' | 'finalFrameMs', { p50: number; p95: number }>;
        const finalName = mode === '3d' ? 'first 3D frame' : 'first full-resolution frame';
        return `${id} ${mode}: first tour frame p50 ${first.p50} ms, p95 ${first.p95} ms — ${first.p95 <= TARGET_MS ? 'meets' : 'MISSES'} the ${TARGET_MS} ms target; ${finalName} p50 ${final.p50} ms, p95 ${final.p95} ms`;
      }),
    );
    console.log(verdicts.join('\n'));
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
