// Journey: an assessor creates a damage case, the customer joins from a phone, they talk over live
// video, the assessor captures evidence, records a settlement, and the ledger verifies.
import type { Browser, BrowserContext } from 'playwright-core';
import sharp from 'sharp';
import { z } from 'zod';
import { EvidenceView } from '../../protocol/http.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureClientBuild } from './support/client-build.ts';
import { ConsolePage } from './support/console-page.ts';
import { CustomerPage } from './support/customer-page.ts';
import { launchBrowser, newPeerContext, recordPageLog, viewports } from './support/launcher.ts';
import { startServer, type RunningServer } from './support/server.ts';

describe('live damage inspection', () => {
  let server: RunningServer;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let assessor: ConsolePage;
  let customer: CustomerPage;
  const logs: string[][] = [];
  let caseId = '';
  let joinUrl = '';
  let failed = false;

  beforeAll(async () => {
    ensureClientBuild();
    server = await startServer();
    browser = await launchBrowser();
    const consoleContext = await newPeerContext(browser, { viewport: viewports.desktop });
    const phoneContext = await newPeerContext(browser, { viewport: viewports.phone, mobile: true });
    contexts = [consoleContext, phoneContext];
    assessor = new ConsolePage(await consoleContext.newPage());
    customer = new CustomerPage(await phoneContext.newPage());
    logs.push(recordPageLog(assessor.page, 'console'), recordPageLog(customer.page, 'customer'));
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

  it('admin logs in and creates a damage case with a join link and QR code', async () => {
    await assessor.login(server.url, server.admin.email, server.admin.password);
    ({ caseId, joinUrl } = await assessor.createCase('Hail damage — car bonnet', 'Dana Example'));
    expect(joinUrl.startsWith(`${server.url}/j#`)).toBe(true);
    expect(await assessor.page.getByTestId('join-link-qr').evaluate((c) => (c instanceof HTMLCanvasElement ? c.width : 0))).toBeGreaterThan(100);
    await expect.poll(() => assessor.caseRow(caseId).getAttribute('data-presence')).toBe('offline');
  });

  let joinStartedAt = 0;
  it('the customer opens the link, consents and waits; the console sees it live', async () => {
    joinStartedAt = Date.now();
    await customer.open(joinUrl);
    expect(new URL(customer.page.url()).hash).toBe('');
    expect(await customer.page.getByTestId('consent-case-title').textContent()).toBe('Hail damage — car bonnet');
    expect(await customer.page.getByTestId('consent-location').isChecked()).toBe(false);
    await customer.accept();
    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor({ timeout: 20_000 });
    expect(await assessor.caseRow(caseId).getAttribute('data-presence')).toBe('waiting');
  });

  it('the console connects and non-black video frames arrive', async () => {
    await assessor.openCase(caseId);
    const connectAt = Date.now();
    await assessor.connect();
    const frame = await assessor.waitForLiveVideo();
    const firstFrameAt = Date.now();
    console.log(`join-to-first-frame ${firstFrameAt - joinStartedAt} ms, connect-to-first-frame ${firstFrameAt - connectAt} ms, ${frame.width}x${frame.height}`);
    expect(frame.width).toBeGreaterThan(0);
    expect(frame.litFraction).toBeGreaterThan(0.05);
    await customer.waitForState('connected');
    await expect.poll(() => assessor.page.getByTestId('network-score').getAttribute('data-score'), { timeout: 15_000 }).toMatch(/^[1-5]$/);
    expect(await assessor.page.getByTestId('q-bitrate').textContent()).toMatch(/bit\/s/);
  });

  it('chat lines go both ways', async () => {
    await assessor.sendChat('Please show me the bonnet from the left.');
    await customer.chatLine('assessor', 'Please show me the bonnet from the left.').waitFor();
    await customer.sendChat('Here it is, the dents are near the edge.');
    await assessor.chatLine('customer', 'Here it is, the dents are near the edge.').waitFor();
  });

  it('the customer can switch to audio only and back', async () => {
    await customer.page.getByTestId('audio-only-toggle').click();
    await assessor.page.getByTestId('customer-quality').filter({ hasText: 'audio only' }).waitFor();
    await assessor.page.getByTestId('video-empty').waitFor();
    expect(await assessor.page.getByTestId('capture-frame').isDisabled()).toBe(true);
    await customer.page.getByTestId('audio-only-toggle').click();
    await assessor.page.getByTestId('customer-quality').waitFor({ state: 'detached' });
    await assessor.page.getByTestId('video-empty').waitFor({ state: 'detached' });
    await assessor.waitForLiveVideo();
  });

  it('a photo from the customer’s gallery uploads with progress and reaches the console', async () => {
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 190, g: 120, b: 60 } } }).jpeg().toBuffer();
    await customer.page.getByTestId('gallery-input').setInputFiles({ name: 'bonnet.jpg', mimeType: 'image/jpeg', buffer: photo });
    await customer.page.locator('[data-testid="gallery-upload"][data-status="done"]').waitFor();
    const gallery = await assessor.waitForEvidence('gallery');
    expect(gallery.naturalWidth).toBeGreaterThan(0);
    await expect.poll(() => customer.evidenceCount()).toBe(1);
  });

  it('"Request full-res photo" brings a device still into the evidence strip', async () => {
    await assessor.page.getByTestId('request-photo').click();
    const still = await assessor.waitForEvidence('device-still');
    expect(still.naturalWidth).toBeGreaterThan(0);
    await assessor.page.getByTestId('snapshot-pending').waitFor({ state: 'detached' });
    await expect.poll(() => customer.evidenceCount()).toBe(2);
  });

  it('"Capture frame" saves the current video frame as evidence', async () => {
    await assessor.page.getByTestId('capture-frame').click();
    const frame = await assessor.waitForEvidence('video-frame');
    expect(frame.naturalWidth).toBeGreaterThan(0);
    expect(await assessor.page.getByTestId('evidence-item').count()).toBe(3);
  });

  it('a settlement is recorded, appears in the ledger, and the chain verifies', async () => {
    await assessor.recordSettlement('Hail dents on the bonnet; repair by a partner shop.', 1200, { area: 'Bonnet', severity: 'moderate', cost: 1200 });
    expect(await assessor.page.getByTestId('outcome-amount-shown').first().textContent()).toMatch(/1,200|1200/);
    await assessor.page.locator('[data-testid="ledger-row"][data-type*="outcome"]').first().waitFor({ timeout: 10_000 });
    await assessor.page.getByTestId('ledger-verify').click();
    await assessor.page.locator('[data-testid="verify-result"][data-ok="true"]').waitFor();
    const verify = await assessor.fetchJson(`/api/cases/${caseId}/verify`);
    expect(verify).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('a forged or expired link shows a clear message', async () => {
    const page = await contexts[1]!.newPage();
    await page.goto(`${server.url}/j#not-a-real-token-0123456789`);
    await page.getByTestId('link-invalid').waitFor();
    expect(await page.getByRole('heading').textContent()).toBe('This link has expired or is not valid');
    await page.close();
  });

  it('the call is on record, and hanging up returns the customer to waiting', async () => {
    const detail = await assessor.fetchJson(`/api/cases/${caseId}`);
    expect(detail).toMatchObject({ status: 200, body: { calls: [expect.objectContaining({ state: 'connected', earlyFailure: false })] } });
    const evidence = z.object({ body: z.object({ evidence: z.array(EvidenceView) }) }).parse(detail).body.evidence;
    console.log(evidence.map((e) => `${e.source} ${e.width}x${e.height} ${e.mime} ${e.size} B blurry=${e.blurry}`).join('\n'));
    const still = evidence.find((e) => e.source === 'device-still');
    expect(still?.requestId).toBeTruthy();
    expect(still?.capturedBy).toBe('customer');
    await assessor.page.getByTestId('hang-up').click();
    await customer.waitForState('waiting');
    await assessor.page.locator('[data-testid="call-state"][data-state="ended"]').waitFor();
  });
});
