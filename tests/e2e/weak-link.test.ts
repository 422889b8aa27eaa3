// Journey: on a lossy uplink the customer's page lowers its video first (resolution and bitrate on
// the RTCRtpSender), tells the console, and offers audio only before the call breaks.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureClientBuild } from './support/client-build.ts';
import { ConsolePage } from './support/console-page.ts';
import { CustomerPage } from './support/customer-page.ts';
import { launchBrowser, newPeerContext, recordPageLog, viewports } from './support/launcher.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { installStatsFault } from './support/stats-fault.ts';

describe('weak link on the customer side', () => {
  let server: RunningServer;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let assessor: ConsolePage;
  let customer: CustomerPage;
  const logs: string[][] = [];
  let failed = false;

  beforeAll(async () => {
    ensureClientBuild();
    server = await startServer();
    browser = await launchBrowser();
    contexts = [await newPeerContext(browser, { viewport: viewports.desktop }), await newPeerContext(browser, { viewport: viewports.phone, mobile: true })];
    await contexts[1]!.addInitScript(installStatsFault);
    assessor = new ConsolePage(await contexts[0]!.newPage());
    customer = new CustomerPage(await contexts[1]!.newPage());
    logs.push(recordPageLog(assessor.page, 'console'), recordPageLog(customer.page, 'customer'));
    await assessor.login(server.url, server.admin.email, server.admin.password);
    const { caseId, joinUrl } = await assessor.createCase('Storm damage — fence', 'Kim Example');
    await customer.open(joinUrl);
    await customer.accept();
    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor();
    await assessor.openCase(caseId);
    await assessor.connect();
    await assessor.waitForLiveVideo();
  });

  afterEach((context) => {
    if (context.task.result?.state === 'fail') failed = true;
  });

  afterAll(async () => {
    if (failed || process.env.SIGHTLINE_E2E_VERBOSE) console.log([...logs.flat(), server?.output() ?? ''].join('\n'));
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  const encoding = () => customer.page.evaluate(() => window.sightlineStatsFault?.videoEncoding() ?? null);

  it('starts at full quality', async () => {
    await expect.poll(encoding).toMatchObject({ scaleResolutionDownBy: 1, maxBitrate: 1_500_000, active: true });
  });

  it('steps the video down under packet loss and tells the console', async () => {
    await customer.page.evaluate(() => window.sightlineStatsFault?.setLoss(0.15));
    await expect.poll(encoding, { timeout: 20_000 }).toMatchObject({ scaleResolutionDownBy: 2, maxBitrate: 600_000 });
    await assessor.page.getByTestId('customer-quality').filter({ hasText: 'medium quality video' }).waitFor();
    await expect.poll(encoding, { timeout: 20_000 }).toMatchObject({ scaleResolutionDownBy: 4, maxBitrate: 200_000 });
    await assessor.page.getByTestId('customer-quality').filter({ hasText: 'low quality video' }).waitFor();
    expect(await assessor.page.getByTestId('customer-quality').textContent()).toMatch(/packet loss \d+ %/);
  });

  it('offers audio only at the lowest level, and the customer can take it', async () => {
    const offer = customer.page.getByTestId('suggest-audio-only');
    await offer.waitFor({ timeout: 20_000 });
    await offer.getByRole('button', { name: 'Switch to audio only' }).click();
    await expect.poll(encoding).toMatchObject({ active: false });
    await assessor.page.getByTestId('customer-quality').filter({ hasText: 'audio only' }).waitFor();
    await assessor.page.getByTestId('video-empty').waitFor();
  });

  it('turning the camera back on resumes video at the adapted level', async () => {
    await customer.page.evaluate(() => window.sightlineStatsFault?.setLoss(0));
    await customer.page.getByTestId('audio-only-toggle').click();
    await expect.poll(encoding).toMatchObject({ active: true, scaleResolutionDownBy: 4 });
    await assessor.page.getByTestId('video-empty').waitFor({ state: 'detached' });
    await assessor.waitForLiveVideo();
  });
});
