// Journey: a live session is recorded while it happens (chunks hashed, kept in IndexedDB, uploaded,
// sealed), the recording plays in the console with its timeline, and the evidence bundle and the PDF
// report download through the console's buttons — the bundle verifies offline with the CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RecordingView } from '../../protocol/recording.ts';
import { ensureClientBuild } from './support/client-build.ts';
import { ConsolePage } from './support/console-page.ts';
import { CustomerPage } from './support/customer-page.ts';
import { launchBrowser, newPeerContext, recordPageLog, viewports } from './support/launcher.ts';
import { repoRoot, startServer, type RunningServer } from './support/server.ts';

const ViewResponse = z.object({ status: z.literal(200), body: RecordingView });

describe('recording and export', () => {
  let server: RunningServer;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let assessor: ConsolePage;
  let customer: CustomerPage;
  let downloads = '';
  const logs: string[][] = [];
  const chunkLatencies: number[] = [];
  let caseId = '';
  let recordingId = '';
  let failed = false;

  beforeAll(async () => {
    ensureClientBuild();
    server = await startServer();
    browser = await launchBrowser();
    downloads = await mkdtemp(path.join(tmpdir(), 'sightline-downloads-'));
    const consoleContext = await newPeerContext(browser, { viewport: viewports.desktop });
    const phoneContext = await newPeerContext(browser, { viewport: viewports.phone, mobile: true });
    contexts = [consoleContext, phoneContext];
    assessor = new ConsolePage(await consoleContext.newPage());
    customer = new CustomerPage(await phoneContext.newPage());
    logs.push(recordPageLog(assessor.page, 'console'), recordPageLog(customer.page, 'customer'));
    assessor.page.on('requestfinished', (request) => {
      if (request.method() === 'PUT' && /\/chunks\/\d+$/.test(request.url())) chunkLatencies.push(request.timing().responseEnd);
    });
  });

  afterEach((context) => {
    if (context.task.result?.state === 'fail') failed = true;
  });

  afterAll(async () => {
    if (failed || process.env.SIGHTLINE_E2E_VERBOSE) console.log([...logs.flat(), server?.output() ?? ''].join('\n'));
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  const view = async (id: string): Promise<RecordingView> => ViewResponse.parse(await assessor.fetchJson(`/api/cases/${caseId}/recordings/${id}`)).body;

  it('the call connects and recording starts by itself', async () => {
    await assessor.login(server.url, server.admin.email, server.admin.password);
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('Water damage — kitchen floor', 'Sam Example'));
    await customer.open(joinUrl);
    await customer.accept();
    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor({ timeout: 20_000 });
    await assessor.openCase(caseId);
    await assessor.connect();
    await assessor.waitForLiveVideo();
    recordingId = await assessor.currentRecordingId();
    expect(recordingId).toMatch(/\S/);
  });

  it('records ~10 s with a full-res snapshot and a chat line mid-way, uploading as it goes', async () => {
    const startedAt = Date.now();
    await assessor.sendChat('Please show me the corner by the sink.');
    await assessor.page.waitForTimeout(4000);
    await assessor.page.getByTestId('request-photo').click();
    await assessor.waitForEvidence('device-still');
    // Chunks are acknowledged while the call goes on.
    await expect.poll(() => assessor.recordingUpload(recordingId).getAttribute('data-acknowledged'), { timeout: 15_000 }).not.toBe('0');
    await assessor.page.waitForTimeout(Math.max(0, 10_500 - (Date.now() - startedAt)));
    await assessor.stopRecording();
    await assessor.page.locator(`[data-testid="recording-upload"][data-recording-id="${recordingId}"][data-state="sealed"]`).waitFor({ timeout: 30_000 });

    const recording = await view(recordingId);
    expect(recording.sealed).toBe(true);
    expect(recording.chunkCount).toBeGreaterThanOrEqual(3);
    expect(recording.missing).toEqual([]);
    expect(recording.mimeType).toMatch(/^video\/webm/);
    expect(await assessor.storedChunkCount()).toBe(0);
    const sizes = recording.chunks.map((c) => c.size);
    const sorted = [...chunkLatencies].sort((a, b) => a - b);
    console.log(
      `recording ${recording.chunkCount} chunks, ${recording.bytes} B, ${recording.durationMs} ms, ${recording.mimeType}; ` +
        `chunk sizes ${sizes.join(', ')} B; chunk PUT latency p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`,
    );
  });

  it('the recording plays in the console with snapshot and chat markers on its timeline; a marker seeks', async () => {
    const item = assessor.page.locator(`[data-testid="recording-item"][data-recording-id="${recordingId}"][data-sealed="true"]`);
    await item.waitFor({ timeout: 10_000 });
    await item.click();
    const player = assessor.page.locator(`[data-testid="recording-player"][data-recording-id="${recordingId}"]`);
    const video = player.getByTestId('recording-video');
    await player.scrollIntoViewIfNeeded();
    await assessor.page.waitForFunction(
      (el) => el instanceof HTMLVideoElement && (el.readyState >= 2 || (Number.isFinite(el.duration) && el.duration > 0)),
      await video.elementHandle(),
      { timeout: 20_000 },
    );
    const snapshot = player.locator('[data-testid="timeline-marker"][data-kind="snapshot"]');
    await expect.poll(() => snapshot.count()).toBe(1);
    expect(await player.locator('[data-testid="timeline-marker"][data-kind="chat"]').count()).toBe(1);
    const offsetMs = Number(await snapshot.getAttribute('data-offset-ms'));
    expect(offsetMs).toBeGreaterThan(2000);
    expect(offsetMs).toBeLessThan(12_000);
    await snapshot.click();
    await expect.poll(() => video.evaluate((el) => (el instanceof HTMLVideoElement ? Math.round(el.currentTime * 1000) : -1))).toBeGreaterThan(offsetMs - 600);
    await assessor.page.screenshot({ path: path.join(repoRoot, 'docs/screenshots/console-recording.png'), animations: 'disabled' });
  });

  it('an outcome is recorded, and the evidence bundle downloads with the console’s button and verifies offline', async () => {
    await assessor.recordSettlement('Water under the laminate; replace the kitchen floor.', 2400, { area: 'Kitchen floor', severity: 'severe', cost: 2400 });
    const bundle = await assessor.download('download-export', downloads);
    const size = (await stat(bundle.file)).size;
    console.log(`export ${size} B downloaded through the console in ${bundle.ms} ms`);
    expect(bundle.file.endsWith('.zip')).toBe(true);
    const verify = spawnSync(process.execPath, [path.join(repoRoot, 'server/src/verifier/bin.mjs'), bundle.file], { encoding: 'utf8' });
    expect(verify.stdout + verify.stderr).toMatch(/VERIFIED/);
    expect(verify.status).toBe(0);
  });

  it('the PDF report downloads and has the snapshot and the outcome in it', async () => {
    const report = await assessor.download('download-report', downloads);
    console.log(`report ${(await stat(report.file)).size} B downloaded in ${report.ms} ms`);
    const text = execFileSync('pdftotext', ['-layout', report.file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/settled/i);
    expect(text).toContain('Water under the laminate');
    expect(text).toMatch(/Kitchen floor/);
    const images = execFileSync('pdfimages', ['-list', report.file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.length).toBeGreaterThanOrEqual(1);
  });
});
