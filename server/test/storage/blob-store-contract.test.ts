// One contract for both blob stores, run against the local folder and against an S3 bucket (s3rver on
// an ephemeral port): puts and adoptions, idempotent re-puts, reads whole and by range, sizes, hashes,
// removal, missing blobs, names that are not a sha-256, and bytes changed behind the app's back.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobMissingError, createLocalBlobStore, openVerified, type BlobStore } from '../../src/storage/blob-store.ts';
import { createS3Client, openS3BlobStore } from '../../src/storage/s3-blob-store.ts';
import { startS3Server } from '../support/s3-server.ts';

interface Harness {
  blobs: BlobStore;
  /** Replaces a stored blob's bytes without going through the store, as a tamperer with write access would. */
  alter(sha256: string, bytes: Buffer): Promise<void>;
  close(): Promise<void>;
}

const sha = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function localHarness(): Promise<Harness> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'sightline-blobs-'));
  const root = path.join(dir, 'blobs');
  return {
    blobs: createLocalBlobStore(root),
    alter: (sha256, bytes) => fsp.writeFile(path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256), bytes),
    close: () => fsp.rm(dir, { recursive: true, force: true }),
  };
}

async function s3Harness(): Promise<Harness> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'sightline-blobs-'));
  const s3 = await startS3Server({ prefix: 'evidence/test' });
  const blobs = await openS3BlobStore({ ...s3.config, tempDir: path.join(dir, 'tmp') });
  const raw = createS3Client(s3.config);
  return {
    blobs,
    async alter(sha256, bytes) {
      const Key = `evidence/test/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
      await raw.send(new PutObjectCommand({ Bucket: s3.bucket, Key, Body: bytes }));
    },
    async close() {
      blobs.close();
      raw.destroy();
      await s3.close();
      await fsp.rm(dir, { recursive: true, force: true });
    },
  };
}

describe.each([
  ['local', localHarness],
  ['s3', s3Harness],
])('blob store contract: %s', (_kind, makeHarness) => {
  let h: Harness;
  beforeAll(async () => {
    h = await makeHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const writeTemp = async (bytes: Buffer): Promise<string> => {
    const file = h.blobs.tempPath();
    await fsp.writeFile(file, bytes);
    return file;
  };

  it('stores bytes under their sha-256 and reads them back', async () => {
    const bytes = Buffer.from('a photo of a cracked tile');
    const put = await h.blobs.putBuffer(bytes);
    expect(put).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect(await h.blobs.has(put.sha256)).toBe(true);
    expect(await h.blobs.size(put.sha256)).toBe(bytes.length);
    expect(await h.blobs.hashOf(put.sha256)).toBe(put.sha256);
    expect(await readAll(await h.blobs.open(put.sha256))).toEqual(bytes);
  });

  it('adopts a temp file, streaming it, and the temp file is gone', async () => {
    // Several megabytes, so an upload that buffered or mangled a stream would show.
    const bytes = crypto.randomBytes(5 * 1024 * 1024 + 17);
    const file = await writeTemp(bytes);
    await h.blobs.adoptFile(file, sha(bytes));
    expect(fs.existsSync(file)).toBe(false);
    expect(await h.blobs.size(sha(bytes))).toBe(bytes.length);
    expect(await h.blobs.hashOf(sha(bytes))).toBe(sha(bytes));
    expect((await readAll(await h.blobs.open(sha(bytes)))).equals(bytes)).toBe(true);
  });

  it('flushes a temp file ahead, then adopts it as already flushed; a flushed file never adopted is only removed', async () => {
    const bytes = crypto.randomBytes(2 * 1024 * 1024 + 5);
    const file = await writeTemp(bytes);
    await h.blobs.syncTemp(file);
    await h.blobs.adoptFile(file, sha(bytes), { synced: true });
    expect(fs.existsSync(file)).toBe(false);
    expect(await h.blobs.hashOf(sha(bytes))).toBe(sha(bytes));
    const refused = Buffer.from('bytes that turned out not to be a sound image');
    const other = await writeTemp(refused);
    await h.blobs.syncTemp(other);
    await fsp.rm(other);
    expect(await h.blobs.has(sha(refused))).toBe(false);
  });

  it('takes the same bytes again without change, by put or by adoption', async () => {
    const bytes = Buffer.from('a recording chunk sent twice after a reconnect');
    const first = await h.blobs.putBuffer(bytes);
    expect(await h.blobs.putBuffer(bytes)).toEqual(first);
    const file = await writeTemp(bytes);
    await h.blobs.adoptFile(file, first.sha256);
    expect(fs.existsSync(file)).toBe(false);
    await Promise.all([h.blobs.putBuffer(bytes), h.blobs.putBuffer(bytes)]);
    expect(await h.blobs.size(first.sha256)).toBe(bytes.length);
    expect(await h.blobs.hashOf(first.sha256)).toBe(first.sha256);
  });

  it('reads a byte range, end inclusive, clipped at the end of the blob', async () => {
    const bytes = Buffer.from('0123456789abcdefghij');
    const { sha256 } = await h.blobs.putBuffer(bytes);
    expect((await readAll(await h.blobs.open(sha256, { start: 3, end: 9 }))).toString()).toBe('3456789');
    // One byte, the last: not `bytes=0-0`, which s3rver 3.7.1 answers with the whole object (its store
    // reads `end || Infinity`, so an end of 0 means no end); AWS S3 answers it with one byte.
    expect((await readAll(await h.blobs.open(sha256, { start: 19, end: 19 }))).toString()).toBe('j');
    expect((await readAll(await h.blobs.open(sha256, { start: 15, end: 1000 }))).toString()).toBe('fghij');
    await expect(h.blobs.open(sha256, { start: 5, end: 4 })).rejects.toThrow(/not a byte range/);
  });

  it('removes a blob, and removing it again is fine', async () => {
    const { sha256 } = await h.blobs.putBuffer(Buffer.from('purged under the retention policy'));
    await h.blobs.remove(sha256);
    expect(await h.blobs.has(sha256)).toBe(false);
    await h.blobs.remove(sha256);
  });

  it('answers for a missing blob: not there, no size, no hash, a missing-blob error on open', async () => {
    const missing = sha(Buffer.from('never stored'));
    expect(await h.blobs.has(missing)).toBe(false);
    expect(await h.blobs.size(missing)).toBeNull();
    expect(await h.blobs.hashOf(missing)).toBeNull();
    const opening = h.blobs.open(missing);
    await expect(opening).rejects.toBeInstanceOf(BlobMissingError);
    await expect(opening).rejects.toMatchObject({ code: 'ENOENT', sha256: missing });
  });

  it('refuses a name that is not a sha-256, whatever it is asked', async () => {
    const bad = '../../etc/passwd';
    const file = await writeTemp(Buffer.from('x'));
    for (const call of [
      () => h.blobs.has(bad),
      () => h.blobs.open(bad),
      () => h.blobs.size(bad),
      () => h.blobs.hashOf(bad),
      () => h.blobs.remove(bad),
      () => h.blobs.adoptFile(file, 'ABC'),
    ]) await expect(call()).rejects.toThrow(/not a sha-256/);
  });

  it('detects bytes changed behind its back: hashOf names the new hash, a verified read fails', async () => {
    const bytes = Buffer.from('the original bytes the ledger signed');
    const { sha256 } = await h.blobs.putBuffer(bytes);
    expect(await readAll(await openVerified(h.blobs, sha256))).toEqual(bytes);
    await h.alter(sha256, Buffer.from('bytes put there afterwards, same name'));
    expect(await h.blobs.hashOf(sha256)).toBe(sha(Buffer.from('bytes put there afterwards, same name')));
    await expect(readAll(await openVerified(h.blobs, sha256))).rejects.toThrow(/hash to/);
  });
});
