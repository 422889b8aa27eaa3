// A refused multipart upload is answered only once its temp file is gone. The file part may still be
// flushing to disk when busboy closes; an answer sent before the removal let a client that checks at
// once (the bad-input fault suite, under load) find a temp file from a request that was refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatJpeg } from '../evidence/fixtures.ts';
import { multipart, type Part } from '../faults/bad-uploads.ts';
import { tempFiles } from '../faults/store-probe.ts';
import { startHarness, type Harness } from './harness.ts';

const BOUNDARY = 'upload-refusal-boundary';
let h: Harness;
let cookie: string;
let uploadPath: string;
let photo: Buffer;

beforeAll(async () => {
  h = await startHarness();
  const admin = h.client();
  await admin.login();
  cookie = admin.cookie!;
  const created = (await admin.json('/api/cases', { method: 'POST', json: { title: 'Refused uploads' } })).body;
  uploadPath = `/api/cases/${created.case.id}/evidence`;
  photo = await flatJpeg(64, 48, '#446688');
});

afterAll(async () => {
  await h?.close();
});

const file = (): Part => ({ name: 'file', filename: 'photo.jpg', type: 'image/jpeg', data: photo });

const refusals: Array<[string, () => Part[], string]> = [
  ['two files', () => [file(), file()], 'too_many_files'],
  ['a field over 4 KiB beside the file', () => [{ name: 'requestId', data: 'r'.repeat(5000) }, file()], 'field_too_large'],
  ['a field after the file over 4 KiB', () => [file(), { name: 'requestId', data: 'r'.repeat(5000) }], 'field_too_large'],
];

describe('refused multipart uploads', () => {
  it.each(refusals)('%s: the answer comes after the temp file is removed', async (_name, parts, code) => {
    for (let i = 0; i < 25; i++) {
      const res = await fetch(h.base + uploadPath, {
        method: 'POST',
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
        body: new Uint8Array(multipart(BOUNDARY, parts())),
      });
      const body = (await res.json()) as { error: { code: string } };
      // Read at once, before anything else can run: nothing of the refused upload may be left.
      expect(tempFiles(h.dataDir)).toEqual([]);
      expect(res.status).toBe(400);
      expect(body.error.code).toBe(code);
    }
  });
});
