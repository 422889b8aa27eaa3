// Journey: the recording upload survives failures. While chunk uploads fail (503), chunks pile up in
// IndexedDB and the console shows them pending in red; once uploads work again every chunk is
// acknowledged and the recording seals. A console reload mid-recording leaves chunks in IndexedDB;
// the reloaded page uploads them and seals the recording with what was recorded before the reload.
import type { Browser, BrowserContext, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RecordingView } from '../../protocol/recording.ts';
import { ensureClientBuild } from './support/client-build.ts';
import { ConsolePage } from './support/console-page.ts';
import { CustomerPage } from './support/customer-page.ts';
import { launchBrowser, newPeerContext, recordPageLog, viewports } from './support/launcher.ts';
import { startServer, type RunningServer } from './support/server.ts';

const ViewResponse = z.object({ status: z.literal(200), body: RecordingView });
const CHUNK_URL = /\/api\/cases\/[^/]+\/recordings\/[^/]+\/chunks\/\d+$/;

describe('resumable recording upload', () => {
  let server: RunningServer;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let assessor: ConsolePage;
  let customer: CustomerPage;
  const logs: string[][] = [];
  let caseId = '';
  let failed = false;
  let failChunks = false;
  const failing = (route: Route): Promise<void> => (failChunks ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"test outage"}}' }) : route.continue());

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
    await assessor.page.route(CHUNK_URL, failing);
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

  const view = async (id: string): Promise<RecordingView> => ViewResponse.parse(await assessor.fetchJson(`/api/cases/${caseId}/recordings/${id}`)).body;
  const pending = async (id: string): Promise<number> => Number(await assessor.recordingUpload(id).getAttribute('data-pending'));

  it('connects a live session; recording starts', async () => {
    await assessor.login(server.url, server.admin.email, server.admin.password);
    let joinUrl: string;
    ({ caseId, joinUrl } = await assessor.createCase('Roof leak — attic', 'Alex Example'));
    await customer.open(joinUrl);
    await customer.accept();
    await assessor.caseRow(caseId).getByTestId('badge-waiting').waitFor({ timeout: 20_000 });
    await assessor.openCase(caseId);
    await assessor.connect();
    await assessor.waitForLiveVideo();
  });

  it('failing chunk uploads keep chunks in IndexedDB and show red; restored, every chunk is acknowledged and sealed', async () => {
    const id = await assessor.currentRecordingId();
    failChunks = true;
    await expect.poll(() => pending(id), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await assessor.recordingUpload(id).and(assessor.page.locator('[data-state="failing"]')).waitFor();
    expect(await assessor.page.getByTestId('recording-upload-error').isVisible()).toBe(true);
    const stored = await assessor.storedChunkCount();
    expect(stored).toBeGreaterThanOrEqual(2);
    const grown = await pending(id);
    console.log(`during the outage: ${grown} chunks pending, ${stored} in IndexedDB, ${await assessor.recordingUpload(id).getAttribute('data-pending-bytes')} B`);

    failChunks = false;
    const restoredAt = Date.now();
    await expect.poll(() => pending(id), { timeout: 30_000 }).toBe(0);
    console.log(`backlog uploaded ${Date.now() - restoredAt} ms after the outage ended`);
    await assessor.stopRecording();
    await assessor.page.locator(`[data-testid="recording-upload"][data-recording-id="${id}"][data-state="sealed"]`).waitFor({ timeout: 30_000 });
    const recording = await view(id);
    expect(recording).toMatchObject({ sealed: true, missing: [] });
    expect(recording.chunkCount).toBe(Number(await assessor.recordingUpload(id).getAttribute('data-recorded')));
    expect(recording.chunkCount).toBeGreaterThanOrEqual(3);
    expect(await assessor.storedChunkCount()).toBe(0);
  });

  it('a console reload mid-recording: the chunks left in IndexedDB are uploaded after the reload and the recording seals', async () => {
    await assessor.page.getByTestId('recording-toggle').click();
    const id = await assessor.currentRecordingId();
    failChunks = true;
    await expect.poll(() => pending(id), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const recordedBefore = Number(await assessor.recordingUpload(id).getAttribute('data-recorded'));
    await assessor.page.reload();
    await assessor.page.getByTestId('case-view').waitFor();
    expect(await assessor.storedChunkCount()).toBeGreaterThanOrEqual(2);
    failChunks = false;
    await assessor.page.getByTestId('recording-status').getByText('Retry now').click().catch(() => undefined);
    await expect.poll(async () => (await view(id)).sealed, { timeout: 40_000 }).toBe(true);
    const recording = await view(id);
    expect(recording.missing).toEqual([]);
    expect(recording.chunkCount).toBeGreaterThanOrEqual(recordedBefore);
    expect(await assessor.storedChunkCount()).toBe(0);
    console.log(`after the reload: sealed with ${recording.chunkCount} chunks (${recordedBefore} recorded before the reload), ${recording.durationMs} ms`);
  });
});
