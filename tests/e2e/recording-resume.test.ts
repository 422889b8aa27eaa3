// Journey: the recording upload survives failures. While chunk uploads fail (503), chunks pile up in
// IndexedDB and the console shows them pending in red; once uploads work again every chunk is
// acknowledged and the recording seals. A console reload mid-recording leaves chunks in IndexedDB;
// the reloaded page uploads them and seals the recording with what was recorded before the reload.
// While the server cannot even create the recording, chunks are kept in IndexedDB all the same and
// survive a reload; and chunks a version-1 console left (keyed by the server id) survive the upgrade.
import { createHash } from 'node:crypto';
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectAccessible } from './support/axe.ts';
import { CHUNK_SHA256_HEADER, CreateRecordingBody, RecordingList, RecordingResponse, RecordingView } from '../../protocol/recording.ts';
import { startLiveCall, useJourney } from './support/journey.ts';

const ViewResponse = z.object({ status: z.literal(200), body: RecordingView });
const ListResponse = z.object({ status: z.literal(200), body: RecordingList });
const CHUNK_URL = /\/api\/cases\/[^/]+\/recordings\/[^/]+\/chunks\/\d+$/;
const RECORDINGS_URL = /\/api\/cases\/[^/]+\/recordings$/;
const outage = (route: Route): Promise<void> => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"test outage"}}' });

describe('resumable recording upload', () => {
  let caseId = '';
  let failChunks = false;
  const failing = (route: Route): Promise<void> => (failChunks ? outage(route) : route.continue());
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
    await expectAccessible(journey.assessor.page, 'console recording, uploads failing');
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
    await expectAccessible(journey.assessor.page, 'console recording, sealed');
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

interface Version1Recording {
  recordingId: string;
  caseId: string;
  startedAt: string;
  /** Every chunk's hash, and the text of those still in IndexedDB (chunk 1 and 2). */
  hashes: string[];
  kept: { n: number; sha256: string; text: string }[];
}

/**
 * Runs in the console page: puts a recording in IndexedDB as a version-1 console left it when its tab
 * died — in the version-1 schema, keyed by the server's recording id.
 */
const leaveVersion1Rows = async (left: Version1Recording): Promise<void> => {
  const settled = (request: IDBRequest | IDBOpenDBRequest): Promise<void> =>
    new Promise((resolve, reject) => {
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
  await settled(indexedDB.deleteDatabase('sightline-console'));
  const open = indexedDB.open('sightline-console', 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore('recording-chunks', { keyPath: ['recordingId', 'n'] });
    open.result.createObjectStore('recordings', { keyPath: 'recordingId' });
  };
  await settled(open);
  const db = open.result;
  const tx = db.transaction(['recording-chunks', 'recordings'], 'readwrite');
  for (const { n, sha256, text } of left.kept) {
    const blob = new Blob([text]);
    tx.objectStore('recording-chunks').put({ recordingId: left.recordingId, n, sha256, size: blob.size, blob });
  }
  const { recordingId, caseId, startedAt, hashes } = left;
  tx.objectStore('recordings').put({ recordingId, caseId, startedAt, chunkCount: hashes.length, durationMs: 9000, stopped: false, hashes });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
  db.close();
};

describe('recording while the server cannot create it', () => {
  let caseId = '';
  let localId = '';
  let failCreate = true;
  /** The server refuses creating for good (403), as for an assessor taken off the case. */
  let refuseCreate = false;
  /** The uploadId of every create request the console sent. */
  const uploadIds: string[] = [];
  const creating = (route: Route): Promise<void> => {
    if (route.request().method() !== 'POST') return route.continue();
    uploadIds.push(CreateRecordingBody.parse(route.request().postDataJSON()).uploadId ?? '');
    if (refuseCreate) return route.fulfill({ status: 403, contentType: 'application/json', body: '{"error":{"code":"forbidden","message":"test refusal"}}' });
    return failCreate ? outage(route) : route.continue();
  };
  const journey = useJourney({
    setup: async ({ assessor }) => {
      await assessor.page.route(RECORDINGS_URL, creating);
    },
  });

  const view = async (id: string): Promise<RecordingView> => ViewResponse.parse(await journey.assessor.fetchJson(`/api/cases/${caseId}/recordings/${id}`)).body;
  const serverRecordings = async () => ListResponse.parse(await journey.assessor.fetchJson(`/api/cases/${caseId}/recordings`)).body.recordings;

  it('the call connects while creating a recording fails: chunks are kept in IndexedDB all the same', async () => {
    ({ caseId } = await startLiveCall(journey, 'Hail damage — garage roof', 'Kim Example', { waitingTimeout: 20_000 }));
    localId = await journey.assessor.currentLocalId();
    const upload = journey.assessor.localRecordingUpload(localId);
    await expect.poll(() => journey.assessor.storedChunkCount(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await upload.and(journey.assessor.page.locator('[data-state="failing"]')).waitFor();
    expect(await upload.getAttribute('data-recording-id')).toBe('');
    expect(await upload.textContent()).toContain('kept on this computer');
    expect(Number(await upload.getAttribute('data-pending'))).toBeGreaterThanOrEqual(2);
    expect(await serverRecordings()).toEqual([]);
    expect(uploadIds.length).toBeGreaterThanOrEqual(1);
    expect(new Set(uploadIds)).toEqual(new Set([localId]));
    await expectAccessible(journey.assessor.page, 'console recording, kept on this computer');
    console.log(`before the server created it: ${await upload.getAttribute('data-pending')} chunks kept, ${await upload.getAttribute('data-pending-bytes')} B, after ${uploadIds.length} create attempts`);
  });

  it('a console reload during the outage: once creating works, the recording is created once, with every chunk made before the reload, and seals', async () => {
    const { page } = journey.assessor;
    const recordedBefore = Number(await journey.assessor.localRecordingUpload(localId).getAttribute('data-recorded'));
    expect(recordedBefore).toBeGreaterThanOrEqual(2);
    await page.reload();
    await page.getByTestId('case-view').waitFor();
    expect(await journey.assessor.storedChunkCount()).toBeGreaterThanOrEqual(recordedBefore);
    // The reloaded console picked the recording up and is trying to create it.
    await journey.assessor.localRecordingUpload(localId).and(page.locator('[data-state="failing"]')).waitFor({ timeout: 20_000 });
    expect(await serverRecordings()).toEqual([]);

    failCreate = false;
    await expect.poll(async () => (await serverRecordings()).map((r) => r.sealed), { timeout: 60_000 }).toEqual([true]);
    const [summary] = await serverRecordings();
    const recording = await view(summary?.id ?? '');
    expect(recording.missing).toEqual([]);
    expect(recording.chunkCount).toBeGreaterThanOrEqual(recordedBefore);
    await page.locator(`[data-testid="recording-upload"][data-local-id="${localId}"][data-recording-id="${recording.id}"][data-state="sealed"]`).waitFor();
    expect(await journey.assessor.storedChunkCount()).toBe(0);
    expect(new Set(uploadIds)).toEqual(new Set([localId]));
    console.log(`after the reload: created with uploadId ${localId} (${uploadIds.length} create attempts), sealed with ${recording.chunkCount} chunks (${recordedBefore} recorded before the reload)`);
  });

  it('a create the server refuses for good stops the recording, says why, and keeps nothing more on this computer', async () => {
    const { page } = journey.assessor;
    refuseCreate = true;
    await journey.assessor.connect();
    await journey.assessor.waitForLiveVideo();
    const notice = page.getByTestId('toast-error').filter({ hasText: 'Recording upload stopped' });
    await notice.first().waitFor({ timeout: 30_000 });
    expect(await notice.first().textContent()).toContain('test refusal');
    await page.locator('[data-testid="recording-status"][data-recording="false"]').waitFor();
    await expectAccessible(page, 'console recording, upload stopped');
    const kept = await journey.assessor.storedChunkCount();
    // Two more timeslices of the recorder: a recorder still running would have stored more chunks.
    await page.waitForTimeout(7_000);
    expect(await journey.assessor.storedChunkCount()).toBe(kept);
    expect(await page.locator('[data-testid="recording-status"]').getAttribute('data-recording')).toBe('false');
    refuseCreate = false;
  });

  it('chunks a version-1 console left in IndexedDB (keyed by the server id) are uploaded after the schema upgrade, and the recording seals', async () => {
    const { page } = journey.assessor;
    // The server holds the recording and its chunk 0; chunks 1 and 2 only the version-1 tab had.
    const startedAt = new Date().toISOString();
    const created = await page.request.post(`${journey.server.url}/api/cases/${caseId}/recordings`, { data: { mimeType: 'video/webm', startedAt, chunkMs: 3000, uploadId: 'left-by-a-version-1-console' } });
    expect(created.status()).toBe(201);
    const recordingId = RecordingResponse.parse(await created.json()).recording.id;
    const chunks = [0, 1, 2].map((n) => {
      const text = `chunk ${n} of a version-1 recording`;
      return { n, text, sha256: createHash('sha256').update(text).digest('hex') };
    });
    const [first, ...kept] = chunks;
    const put = await page.request.put(`${journey.server.url}/api/cases/${caseId}/recordings/${recordingId}/chunks/0`, {
      headers: { 'content-type': 'application/octet-stream', [CHUNK_SHA256_HEADER]: first?.sha256 ?? '' },
      data: Buffer.from(first?.text ?? ''),
    });
    expect(put.status()).toBe(201);
    // The case list opens no IndexedDB connection, so the version-1 database can be put in place.
    await page.goto(`${journey.server.url}/`);
    await page.getByTestId('new-case-open').waitFor();
    await page.evaluate(leaveVersion1Rows, { recordingId, caseId, startedAt, hashes: chunks.map((c) => c.sha256), kept });
    expect(await journey.assessor.storedChunkCount()).toBe(2);

    await journey.assessor.openCase(caseId);
    await expect.poll(async () => (await view(recordingId)).sealed, { timeout: 40_000 }).toBe(true);
    expect(await view(recordingId)).toMatchObject({ chunkCount: 3, missing: [], durationMs: 9000 });
    await page.locator(`[data-testid="recording-upload"][data-local-id="${recordingId}"][data-recording-id="${recordingId}"][data-state="sealed"]`).waitFor();
    expect(await journey.assessor.storedChunkCount()).toBe(0);
  });
});
