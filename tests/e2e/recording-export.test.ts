// Journey: a live session is recorded while it happens (chunks hashed, kept in IndexedDB, uploaded,
// sealed), the recording plays in the console with its timeline, and the evidence bundle and the PDF
// report download through the console's buttons — the bundle verifies offline with the CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RecordingView } from '../../protocol/recording.ts';
import { expectAccessible } from './support/axe.ts';
import { startLiveCall, useJourney } from './support/journey.ts';
import { repoRoot } from './support/server.ts';

const ViewResponse = z.object({ status: z.literal(200), body: RecordingView });

describe('recording and export', () => {
  let downloads = '';
  const chunkLatencies: number[] = [];
  let caseId = '';
  let recordingId = '';
  const journey = useJourney({
    setup: async ({ assessor }) => {
      downloads = await mkdtemp(path.join(tmpdir(), 'sightline-downloads-'));
      assessor.page.on('requestfinished', (request) => {
        if (request.method() === 'PUT' && /\/chunks\/\d+$/.test(request.url())) chunkLatencies.push(request.timing().responseEnd);
      });
    },
    teardown: async () => {
      if (downloads) await rm(downloads, { recursive: true, force: true });
    },
  });

  const view = async (id: string): Promise<RecordingView> => ViewResponse.parse(await journey.assessor.fetchJson(`/api/cases/${caseId}/recordings/${id}`)).body;

  it('the call connects and recording starts by itself', async () => {
    ({ caseId } = await startLiveCall(journey, 'Water damage — kitchen floor', 'Sam Example', { waitingTimeout: 20_000 }));
    recordingId = await journey.assessor.currentRecordingId();
    expect(recordingId).toMatch(/\S/);
  });

  it('records ~10 s with a full-res snapshot and a chat line mid-way, uploading as it goes', async () => {
    const startedAt = Date.now();
    await journey.assessor.sendChat('Please show me the corner by the sink.');
    await journey.assessor.page.waitForTimeout(4000);
    await journey.assessor.page.getByTestId('request-photo').click();
    await journey.assessor.waitForEvidence('device-still');
    // Chunks are acknowledged while the call goes on.
    await expect.poll(() => journey.assessor.recordingUpload(recordingId).getAttribute('data-acknowledged'), { timeout: 15_000 }).not.toBe('0');
    await journey.assessor.page.waitForTimeout(Math.max(0, 10_500 - (Date.now() - startedAt)));
    await journey.assessor.stopRecording();
    await journey.assessor.page.locator(`[data-testid="recording-upload"][data-recording-id="${recordingId}"][data-state="sealed"]`).waitFor({ timeout: 30_000 });

    const recording = await view(recordingId);
    expect(recording.sealed).toBe(true);
    expect(recording.chunkCount).toBeGreaterThanOrEqual(3);
    expect(recording.missing).toEqual([]);
    expect(recording.mimeType).toMatch(/^video\/webm/);
    expect(await journey.assessor.storedChunkCount()).toBe(0);
    const sizes = recording.chunks.map((c) => c.size);
    const sorted = [...chunkLatencies].sort((a, b) => a - b);
    console.log(
      `recording ${recording.chunkCount} chunks, ${recording.bytes} B, ${recording.durationMs} ms, ${recording.mimeType}; ` +
        `chunk sizes ${sizes.join(', ')} B; chunk PUT latency p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`,
    );
  });

  it('the recording plays in the console with snapshot and chat markers on its timeline; a marker seeks', async () => {
    const item = journey.assessor.page.locator(`[data-testid="recording-item"][data-recording-id="${recordingId}"][data-sealed="true"]`);
    await item.waitFor({ timeout: 10_000 });
    await item.click();
    const player = journey.assessor.page.locator(`[data-testid="recording-player"][data-recording-id="${recordingId}"]`);
    const video = player.getByTestId('recording-video');
    await player.scrollIntoViewIfNeeded();
    await journey.assessor.page.waitForFunction(
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
    await journey.assessor.page.screenshot({ path: path.join(repoRoot, 'docs/screenshots/console-recording.png'), animations: 'disabled' });
    await expectAccessible(journey.assessor.page, 'console recording player and its timeline');
  });

  it('an outcome is recorded, and the evidence bundle downloads with the console’s button and verifies offline', async () => {
    await journey.assessor.recordSettlement('Water under the laminate; replace the kitchen floor.', 2400, { area: 'Kitchen floor', severity: 'severe', cost: 2400 });
    const bundle = await journey.assessor.download('download-export', downloads);
    const size = (await stat(bundle.file)).size;
    console.log(`export ${size} B downloaded through the console in ${bundle.ms} ms`);
    expect(bundle.file.endsWith('.zip')).toBe(true);
    const verify = spawnSync(process.execPath, [path.join(repoRoot, 'server/src/verifier/bin.mjs'), bundle.file], { encoding: 'utf8' });
    expect(verify.stdout + verify.stderr).toMatch(/VERIFIED/);
    expect(verify.status).toBe(0);
  });

  it('the PDF report downloads and has the snapshot and the outcome in it', async () => {
    const report = await journey.assessor.download('download-report', downloads);
    console.log(`report ${(await stat(report.file)).size} B downloaded in ${report.ms} ms`);
    const text = execFileSync('pdftotext', ['-layout', report.file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/settled/i);
    expect(text).toContain('Water under the laminate');
    expect(text).toMatch(/Kitchen floor/);
    const images = execFileSync('pdfimages', ['-list', report.file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.length).toBeGreaterThanOrEqual(1);
  });
});
