// Object Lock on the S3 blob store: SIGHTLINE_S3_OBJECT_LOCK is parsed and refused without its days or
// without a bucket; a store opened with it refuses a bucket without Object Lock (s3rver: not
// implemented; AWS's answer for a bucket made without it); every PUT carries the lock mode and a
// retain-until date of now + SIGHTLINE_RETENTION_DAYS; legal holds are PutObjectLegalHold requests.
// s3rver cannot lock, so the requests are read where the S3 client sends them (s3-capture-proxy.ts).
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadBlobStoreConfig, loadConfig, type S3BlobStoreConfig } from '../../src/config.ts';
import { createLocalBlobStore } from '../../src/storage/blob-store.ts';
import { openBlobStore } from '../../src/storage/open-blob-store.ts';
import { startS3Server, type S3TestServer } from '../support/s3-server.ts';
import { startS3CaptureProxy, type CapturedRequest, type S3CaptureProxy } from './s3-capture-proxy.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const bucketEnv = { SIGHTLINE_BLOB_STORE: 's3://sightline-evidence/prod', AWS_REGION: 'eu-west-2' };

describe('SIGHTLINE_S3_OBJECT_LOCK', () => {
  it('is off unless set, and locks for SIGHTLINE_RETENTION_DAYS when set', () => {
    expect(loadBlobStoreConfig(bucketEnv)).toMatchObject({ kind: 's3', objectLock: null });
    expect(loadBlobStoreConfig({ ...bucketEnv, SIGHTLINE_RETENTION_DAYS: '365' })).toMatchObject({ objectLock: null });
    expect(loadBlobStoreConfig({ SIGHTLINE_S3_OBJECT_LOCK: ' ' })).toEqual({ kind: 'local' });
    expect(loadBlobStoreConfig({ ...bucketEnv, SIGHTLINE_S3_OBJECT_LOCK: 'GOVERNANCE', SIGHTLINE_RETENTION_DAYS: '365' }))
      .toMatchObject({ objectLock: { mode: 'GOVERNANCE', days: 365 } });
    expect(loadConfig({ ...bucketEnv, SIGHTLINE_S3_OBJECT_LOCK: 'COMPLIANCE', SIGHTLINE_RETENTION_DAYS: '30' }).blobStore)
      .toMatchObject({ objectLock: { mode: 'COMPLIANCE', days: 30 } });
  });

  it('refuses a lock without SIGHTLINE_RETENTION_DAYS', () => {
    for (const load of [loadBlobStoreConfig, loadConfig]) {
      expect(() => load({ ...bucketEnv, SIGHTLINE_S3_OBJECT_LOCK: 'GOVERNANCE' })).toThrow(ConfigError);
      expect(() => load({ ...bucketEnv, SIGHTLINE_S3_OBJECT_LOCK: 'GOVERNANCE' })).toThrow('SIGHTLINE_S3_OBJECT_LOCK is set but SIGHTLINE_RETENTION_DAYS is not');
    }
  });

  it('refuses a lock on the local store', () => {
    for (const load of [loadBlobStoreConfig, loadConfig]) {
      expect(() => load({ SIGHTLINE_S3_OBJECT_LOCK: 'COMPLIANCE', SIGHTLINE_RETENTION_DAYS: '30' }))
        .toThrow('SIGHTLINE_S3_OBJECT_LOCK is set but SIGHTLINE_BLOB_STORE names no S3 bucket');
    }
  });

  it.each(['governance', 'LEGAL', 'GOVERNANCE,COMPLIANCE'])('refuses the mode %j, naming the variable', (mode) => {
    expect(() => loadBlobStoreConfig({ ...bucketEnv, SIGHTLINE_S3_OBJECT_LOCK: mode, SIGHTLINE_RETENTION_DAYS: '30' }))
      .toThrow(/SIGHTLINE_S3_OBJECT_LOCK: must be GOVERNANCE or COMPLIANCE/);
  });

  it('refuses retention days that are not a positive whole number', () => {
    expect(() => loadBlobStoreConfig({ ...bucketEnv, SIGHTLINE_S3_OBJECT_LOCK: 'GOVERNANCE', SIGHTLINE_RETENTION_DAYS: '0' })).toThrow(/SIGHTLINE_RETENTION_DAYS/);
    expect(() => loadBlobStoreConfig({ ...bucketEnv, SIGHTLINE_S3_OBJECT_LOCK: 'GOVERNANCE', SIGHTLINE_RETENTION_DAYS: '1.5' })).toThrow(/SIGHTLINE_RETENTION_DAYS/);
  });
});

describe('an S3 blob store with Object Lock', () => {
  let s3: S3TestServer;
  let dataDir: string;
  let proxy: S3CaptureProxy | undefined;
  beforeAll(async () => {
    s3 = await startS3Server();
    dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'sightline-lock-'));
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });
  afterAll(async () => {
    await s3?.close();
    await fsp.rm(dataDir, { recursive: true, force: true });
  });

  const locked = (endpoint: string, mode: 'GOVERNANCE' | 'COMPLIANCE' = 'GOVERNANCE', days = 30): S3BlobStoreConfig =>
    ({ ...s3.config, endpoint, objectLock: { mode, days } });
  const blobPuts = (requests: CapturedRequest[]) => requests.filter((r) => r.method === 'PUT' && r.query.get('x-id') === 'PutObject');

  it('refuses to start on s3rver, which does not implement Object Lock, naming the bucket', async () => {
    await expect(openBlobStore({ blobStore: locked(s3.endpoint), dataDir }))
      .rejects.toThrow(`SIGHTLINE_S3_OBJECT_LOCK=GOVERNANCE, but the store of bucket "${s3.bucket}" does not implement Object Lock (GetObjectLockConfiguration: NotImplemented)`);
  });

  it('refuses to start on a bucket made without Object Lock, saying how to make one', async () => {
    proxy = await startS3CaptureProxy(s3.endpoint, { objectLock: 'missing' });
    const opening = openBlobStore({ blobStore: locked(proxy.endpoint), dataDir });
    await expect(opening).rejects.toThrow(`bucket "${s3.bucket}" does not have Object Lock enabled`);
    await expect(opening).rejects.toThrow('--object-lock-enabled-for-bucket');
  });

  it('sends the lock mode and a retain-until date N days from now with every blob it uploads', async () => {
    proxy = await startS3CaptureProxy(s3.endpoint, { objectLock: 'enabled' });
    const blobs = await openBlobStore({ blobStore: locked(proxy.endpoint, 'COMPLIANCE', 30), dataDir });
    try {
      const before = Date.now();
      const bytes = crypto.randomBytes(2048);
      const { sha256 } = await blobs.putBuffer(bytes);
      const file = blobs.tempPath();
      const chunk = crypto.randomBytes(4096);
      await fsp.writeFile(file, chunk);
      const chunkSha = crypto.createHash('sha256').update(chunk).digest('hex');
      await blobs.adoptFile(file, chunkSha);
      const after = Date.now();

      const puts = blobPuts(proxy.requests);
      expect(puts.map((r) => path.basename(r.path))).toEqual([sha256, chunkSha]);
      for (const put of puts) {
        expect(put.headers['x-amz-object-lock-mode']).toBe('COMPLIANCE');
        const until = Date.parse(String(put.headers['x-amz-object-lock-retain-until-date']));
        // The header is sent to the second.
        expect(until).toBeGreaterThanOrEqual(Math.floor((before + 30 * DAY_MS) / 1000) * 1000);
        expect(until).toBeLessThanOrEqual(after + 30 * DAY_MS);
        // AWS refuses a locked PUT without a checksum: it carries the blob's own.
        expect(put.headers['x-amz-checksum-sha256']).toBeDefined();
      }
      // s3rver ignored the headers and stored the bytes.
      expect(await blobs.hashOf(sha256)).toBe(sha256);
      // A blob already stored is not sent again, so it keeps the lock of its first upload.
      await blobs.putBuffer(bytes);
      expect(blobPuts(proxy.requests)).toHaveLength(2);
    } finally {
      blobs.close();
    }
  });

  it('sends no lock headers when no lock is configured', async () => {
    proxy = await startS3CaptureProxy(s3.endpoint);
    const blobs = await openBlobStore({ blobStore: { ...s3.config, endpoint: proxy.endpoint }, dataDir });
    try {
      await blobs.putBuffer(crypto.randomBytes(512));
      const [put] = blobPuts(proxy.requests);
      expect(put).toBeDefined();
      expect(Object.keys(put!.headers).filter((name) => name.startsWith('x-amz-object-lock'))).toEqual([]);
      // Nor asks about the bucket's lock.
      expect(proxy.requests.some((r) => r.query.has('object-lock'))).toBe(false);
    } finally {
      blobs.close();
    }
  });

  it('puts and lifts a legal hold with PutObjectLegalHold on the blob\'s key', async () => {
    proxy = await startS3CaptureProxy(s3.endpoint, { objectLock: 'enabled' });
    const blobs = await openBlobStore({ blobStore: locked(proxy.endpoint), dataDir });
    try {
      const { sha256 } = await blobs.putBuffer(crypto.randomBytes(256));
      await blobs.legalHold!(sha256, 'on');
      await blobs.legalHold!(sha256, 'off');
      const holds = proxy.requests.filter((r) => r.query.has('legal-hold'));
      expect(holds.map((r) => [r.method, r.path])).toEqual([
        ['PUT', `/${s3.bucket}/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`],
        ['PUT', `/${s3.bucket}/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`],
      ]);
      expect(holds.map((r) => /<Status>(ON|OFF)<\/Status>/.exec(r.body.toString('utf8'))?.[1])).toEqual(['ON', 'OFF']);
      // AWS asks for a checksum on this request's body.
      for (const hold of holds) expect(hold.headers['x-amz-checksum-sha256']).toBeDefined();
    } finally {
      blobs.close();
    }
  });

  it('reports s3rver\'s refusal of a legal hold as an error, not a success', async () => {
    const blobs = await openBlobStore({ blobStore: s3.config, dataDir });
    try {
      const { sha256 } = await blobs.putBuffer(crypto.randomBytes(256));
      await expect(blobs.legalHold!(sha256, 'on')).rejects.toMatchObject({ name: 'MethodNotAllowed' });
    } finally {
      blobs.close();
    }
  });

  it('the local store offers no legal hold', async () => {
    expect(createLocalBlobStore(path.join(dataDir, 'local')).legalHold).toBeNull();
  });
});
