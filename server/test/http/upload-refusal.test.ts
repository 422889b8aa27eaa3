// A refused multipart upload is answered only once its temp file is gone. The file part may still be
// flushing to disk when busboy closes; an answer sent before the removal let a client that checks at
// once (the bad-input fault suite, under load) find a temp file from a request that was refused.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
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

  // The bad-input suite found this on PostgreSQL, where the checks before an upload are slow enough
  // for the whole body to be buffered when the parser starts: the file part begins and fails at once
  // (no closing boundary), before the write stream has opened its file, and the pipeline gave up
  // without waiting for it. The removal then raced the open on another thread of the pool and could
  // run first, leaving the file the open made afterwards. Here the pool is held until the request
  // has failed, then let go at once, so the open and the removal start together.
  it('a body without its closing boundary, failed before the temp file opens: a 400 once the file is gone', async () => {
    for (const cut of [1, 200, photo.length - 1]) {
      const body = new Uint8Array(multipart(BOUNDARY, [{ ...file(), data: photo.subarray(0, photo.length - cut) }], false));
      const release = await holdThreadPool(h.dataDir);
      const answered = fetch(h.base + uploadPath, {
        method: 'POST',
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
        body,
      });
      // The request is read and fails on this thread meanwhile; its file's open waits in the pool's queue.
      await new Promise((r) => setTimeout(r, 200));
      await release();
      const res = await answered;
      const answer = (await res.json()) as { error: { code: string } };
      expect(tempFiles(h.dataDir)).toEqual([]);
      expect(res.status).toBe(400);
      expect(answer.error.code).toBe('invalid_multipart');
      // Nothing may appear later either.
      await new Promise((r) => setTimeout(r, 100));
      expect(tempFiles(h.dataDir)).toEqual([]);
    }
  });
});

/**
 * Holds every thread of libuv's pool (where file opens and removals run) in a blocking open of a FIFO;
 * `release()` lets them all go at the same moment, so the work queued meanwhile starts in parallel.
 */
async function holdThreadPool(dir: string): Promise<() => Promise<void>> {
  const fifo = path.join(dir, `pool-hold-${crypto.randomBytes(4).toString('hex')}`);
  execFileSync('mkfifo', [fifo]);
  const threads = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
  const readers = Array.from({ length: threads }, () => fsp.open(fifo, 'r'));
  await new Promise((r) => setTimeout(r, 20));
  return async () => {
    // Opening the writing end wakes every blocked reader at once.
    fs.closeSync(fs.openSync(fifo, 'w'));
    await Promise.all((await Promise.all(readers)).map((reader) => reader.close()));
    fs.rmSync(fifo);
  };
}
