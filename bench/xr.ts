// The AR benchmarks, on the emulated AR phone of the browser journeys (iwer, synthetic office, in
// headless Chromium with SwiftShader): the frame rate of the customer's XR render loop before the
// assessor connects (streaming off) and during the call (the composite encoded and sent), and the time
// from the assessor's click on the live video to the marker being visible in the stream they receive.
// Needs Chromium and a loopback-only network namespace (bench/run.ts provides both); QUICK=1 for a smoke run.
import { ensureClientBuild } from '../tests/e2e/support/client-build.ts';
import { annotationCentre } from '../tests/e2e/support/annotation-pixels.ts';
import { ConsolePage } from '../tests/e2e/support/console-page.ts';
import { CustomerPage } from '../tests/e2e/support/customer-page.ts';
import { launchBrowser, newPeerContext, viewports } from '../tests/e2e/support/launcher.ts';
import { startServer } from '../tests/e2e/support/server.ts';
import { installXrDevice, setPhonePose } from '../tests/e2e/support/xr-device.ts';
import { QUICK, round, sleep, summary, within, writeResult } from './support/results.ts';
import { NAME_HELPER } from './video/frame-code.ts';
import { xrFps } from './support/xr-fps.ts';

const FPS_WINDOW_MS = QUICK ? 2000 : 7_000;
const CLICKS = QUICK ? 1 : 8;

/** Resolves with the ms from now until a received video frame shows at least `minPixels` annotation-orange pixels. */
function timeToOrange(minPixels: number): Promise<number> {
  return new Promise((resolve) => {
    const video = document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]')!;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    const started = performance.now();
    const check = (): void => {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! > 200 && data[i + 1]! > 50 && data[i + 1]! < 140 && data[i + 2]! < 90) count++;
      if (count >= minPixels) resolve(performance.now() - started);
      else video.requestVideoFrameCallback(check);
    };
    video.requestVideoFrameCallback(check);
  });
}

async function untilNoAnnotationPixels(assessor: ConsolePage): Promise<void> {
  while ((await assessor.page.evaluate(annotationCentre)) !== null) await sleep(50);
}

async function main(): Promise<void> {
  ensureClientBuild();
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const consoleContext = await newPeerContext(browser, { viewport: { width: 1024, height: 700 } });
    const customerContext = await newPeerContext(browser, { viewport: viewports.phone, mobile: true });
    // tsx compiles the functions handed to page.evaluate with a `__name` helper the page lacks.
    for (const context of [consoleContext, customerContext]) await context.addInitScript(NAME_HELPER);
    const assessor = new ConsolePage(await consoleContext.newPage());
    await installXrDevice(customerContext);
    const customer = new CustomerPage(await customerContext.newPage());

    await assessor.login(server.url, server.admin.email, server.admin.password);
    const { caseId, joinUrl } = await assessor.createCase('XR benchmark', 'Bench');
    await customer.open(joinUrl);
    await customer.accept();
    await customer.page.getByTestId('mode-ar').click();
    await customer.page.locator('[data-testid="ar-view"][data-state="running"]').waitFor({ state: 'attached', timeout: 60_000 });
    await setPhonePose(customer.page, [0, 1.4, 0.4], -70);
    await customer.page.waitForTimeout(2000);
    const fpsOff = await xrFps(customer.page, '__xrDevice', FPS_WINDOW_MS);

    await assessor.openCase(caseId);
    await assessor.connect();
    await assessor.waitForLiveVideo(60_000);
    await customer.page.waitForTimeout(QUICK ? 2000 : 8000);
    const fpsOn = await xrFps(customer.page, '__xrDevice', FPS_WINDOW_MS);

    const clickToMarker: number[] = [];
    for (let i = 0; i < CLICKS; i++) {
      if (i > 0) {
        await assessor.page.getByTestId('annotations-clear').click();
        await within(20_000, 'the cleared marker to leave the stream', untilNoAnnotationPixels(assessor));
      }
      await assessor.selectTool('marker');
      const visible = assessor.page.evaluate(timeToOrange, 30);
      await assessor.clickVideo(0.5, 0.5);
      clickToMarker.push(await within(20_000, 'the marker to show in the stream', visible));
    }

    writeResult('xr', {
      viewport: viewports.phone,
      renderer: 'SwiftShader (software WebGL), emulated AR phone (iwer + @iwer/sem office_small)',
      fps: { streamingOff: round(fpsOff), streamingOn: round(fpsOn), ratio: round(fpsOn / fpsOff, 2) },
      clickToMarkerMs: summary(clickToMarker),
      clicks: clickToMarker.length,
    });
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
