// Journey: the recording upload survives failures. While chunk uploads fail (503), chunks pile up in
// IndexedDB and the console shows them pending in red; once uploads work again every chunk is
// acknowledged and the recording seals. A console reload mid-recording leaves chunks in IndexedDB;
// the reloaded page uploads them and seals the recording with what was recorded before the reload.
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RecordingView } from '../../protocol/recording.ts';
import { startLiveCall, useJourney } from './support/journey.ts';

const ViewResponse = z.object({ status: z.literal(200), body: RecordingView });
const CHUNK_URL = /\/api\/cases\/[^/]+\/recordings\/[^/]+\/chunks\/\d+$/;

describe('resumable recording upload', () => {
  let caseId = '';
  let failChunks = false;
  const failing = (route: Route): Promise<void> => (failChunks ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"test outage"}}' }) : route.continue());
  const journey = useJourney({
    setup: async ({ assessor }) => {
      await assessor.page.route(CHUNK_URL, failing);
    },
  });

  const view = async (id: string): Promise<RecordingView> => ViewResponse.parse(await journey.assessor.fetchJson(`/api/cases/${caseId}/recordings/${id}`)).body;
  const pending = async (id: string): Promise<number> => Number(await journey.assessor.recordingUpload(id).getAttribute('data-pending'));

  it('connects a live session; recording starts', async () => {
    ({ caseId } = await startLiveCall(journey, 'Roof leak — attic', 'Alex Example', { waitingTimeout: 20_000 }));
  });

  it('failing chunk uploads keep chunks in IndexedDB and show red; restored, every chunk is acknowledged and sealed', async () => {
    const id = await journey.assessor.currentRecordingId();
    failChunks = true;
    await expect.poll(() => pending(id), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await journey.assessor.recordingUpload(id).and(journey.assessor.page.locator('[data-state="failing"]')).waitFor();
    expect(await journey.assessor.page.getByTestId('recording-upload-error').isVisible()).toBe(true);
    const stored = await journey.assessor.storedChunkCount();
    expect(stored).toBeGreaterThanOrEqual(2);
    const grown = await pending(id);
    console.log(`during the outage: ${grown} chunks pending, ${stored} in IndexedDB, ${await journey.assessor.recordingUpload(id).getAttribute('data-pending-bytes')} B`);

    failChunks = false;
    const restoredAt = Date.now();
    await expect.poll(() => pending(id), { timeout: 30_000 }).toBe(0);
    console.log(`backlog uploaded ${Date.now() - restoredAt} ms after the outage ended`);
    await journey.assessor.stopRecording();
    await journey.assessor.page.locator(`[data-testid="recording-upload"][data-recording-id="${id}"][data-state="sealed"]`).waitFor({ timeout: 30_000 });
    const recording = await view(id);
    expect(recording).toMatchObject({ sealed: true, missing: [] });
    expect(recording.chunkCount).toBe(Number(await journey.assessor.recordingUpload(id).getAttribute('data-recorded')));
    expect(recording.chunkCount).toBeGreaterThanOrEqual(3);
    expect(await journey.assessor.storedChunkCount()).toBe(0);
  });

  it('a console reload mid-recording: the chunks left in IndexedDB are uploaded after the reload and the recording seals', async () => {
    await journey.assessor.page.getByTestId('recording-toggle').click();
    const id = await journey.assessor.currentRecordingId();
    failChunks = true;
    await expect.poll(() => pending(id), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const recordedBefore = Number(await journey.assessor.recordingUpload(id).getAttribute('data-recorded'));
    await journey.assessor.page.reload();
    await journey.assessor.page.getByTestId('case-view').waitFor();
    expect(await journey.assessor.storedChunkCount()).toBeGreaterThanOrEqual(2);
    failChunks = false;
    await journey.assessor.page.getByTestId('recording-status').getByText('Retry now').click().catch(() => undefined);
    await expect.poll(async () => (await view(id)).sealed, { timeout: 40_000 }).toBe(true);
    const recording = await view(id);
    expect(recording.missing).toEqual([]);
    expect(recording.chunkCount).toBeGreaterThanOrEqual(recordedBefore);
    expect(await journey.assessor.storedChunkCount()).toBe(0);
    console.log(`after the reload: sealed with ${recording.chunkCount} chunks (${recordedBefore} recorded before the reload), ${recording.durationMs} ms`);
  });
});
