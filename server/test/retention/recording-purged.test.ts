// Issue #3: a recording whose chunk blobs the retention command purged is still listed, and its media
// route answers 410 with the reason (not a 404, and not a stream cut short by a missing file).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../http/harness.ts';
import { blobFile, DAY_MS, decide, retention } from './support.ts';

let h: Harness;
let admin: Client;

const sha256 = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** A case with a sealed two-chunk recording; returns the media path and the chunks' hashes. */
async function caseWithRecording(title: string): Promise<{ caseId: string; media: string; chunks: string[] }> {
  const caseId = (await admin.json('/api/cases', { method: 'POST', json: { title } })).body.case.id as string;
  const started = await admin.json(`/api/cases/${caseId}/recordings`, { method: 'POST', json: { mimeType: 'video/webm', startedAt: new Date().toISOString() } });
  const id = started.body.recording.id as string;
  const chunks = [crypto.randomBytes(3000), crypto.randomBytes(2000)];
  for (const [n, bytes] of chunks.entries()) {
    const put = await admin.fetch(`/api/cases/${caseId}/recordings/${id}/chunks/${n}`, {
      method: 'PUT', headers: { 'content-type': 'video/webm', 'x-chunk-sha256': sha256(bytes) }, body: new Uint8Array(bytes),
    });
    expect(put.status).toBe(201);
  }
  const seal = await admin.json(`/api/cases/${caseId}/recordings/${id}/seal`, {
    method: 'POST', json: { chunkCount: 2, durationMs: 4000, chunks: chunks.map((bytes, n) => ({ n, sha256: sha256(bytes) })) },
  });
  expect(seal.status).toBe(200);
  return { caseId, media: `/api/cases/${caseId}/recordings/${id}/media`, chunks: chunks.map(sha256) };
}

beforeAll(async () => {
  h = await startHarness();
  admin = h.client();
  await admin.login();
});
afterAll(() => h.close());

describe('the media of a purged recording', () => {
  it('answers 410 recording_purged with the reason, for GET and HEAD; an unpurged one still plays', async () => {
    const closed = await caseWithRecording('Closed, recording purged');
    const open = await caseWithRecording('Still open');
    expect((await admin.fetch(closed.media)).status).toBe(200);
    await decide(admin, closed.caseId);

    const result = await retention(h, { olderThanDays: 30, now: new Date(Date.now() + 31 * DAY_MS) });
    expect(result.cases.map((c) => c.caseId)).toEqual([closed.caseId]);
    for (const sha of closed.chunks) expect(fs.existsSync(blobFile(h, sha))).toBe(false);

    const gone = await admin.json(closed.media);
    expect(gone.status).toBe(410);
    expect(gone.body.error.code).toBe('recording_purged');
    expect(gone.body.error.message).toMatch(/purged under the retention policy \(2 of its 2 chunks\)/);
    const ranged = await admin.fetch(closed.media, { headers: { range: 'bytes=0-99' } });
    expect(ranged.status).toBe(410);
    expect((await admin.fetch(closed.media, { method: 'HEAD' })).status).toBe(410);
    // Still listed: the recording and its ledger stay; only its files are gone.
    expect((await admin.json(`/api/cases/${closed.caseId}`)).body.recordings).toHaveLength(1);
    expect((await admin.json(`/api/cases/${closed.caseId}/verify`)).body.ok).toBe(true);

    const playing = await admin.fetch(open.media);
    expect(playing.status).toBe(200);
    expect(Buffer.from(await playing.arrayBuffer()).length).toBe(5000);
  });
});
