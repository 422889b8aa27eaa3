// SIGHTLINE_BLOB_STORE and the AWS variables: parsed into the blob store settings, a bad value stops
// start-up naming the variable, and a bucket that does not answer fails when the store is opened.
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadBlobStoreConfig, loadConfig } from '../../src/config.ts';
import { openBlobStore } from '../../src/storage/open-blob-store.ts';
import { startS3Server, type S3TestServer } from '../support/s3-server.ts';

const aws = { AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI' };

describe('blob store configuration', () => {
  it('is the local store when SIGHTLINE_BLOB_STORE is unset or empty', () => {
    expect(loadBlobStoreConfig({})).toEqual({ kind: 'local' });
    expect(loadBlobStoreConfig({ SIGHTLINE_BLOB_STORE: ' ' })).toEqual({ kind: 'local' });
    expect(loadConfig({}).blobStore).toEqual({ kind: 'local' });
  });

  it('reads a bucket, an optional prefix, the endpoint, region and keys', () => {
    expect(loadBlobStoreConfig({ SIGHTLINE_BLOB_STORE: 's3://sightline-evidence', ...aws })).toEqual({
      kind: 's3', bucket: 'sightline-evidence', prefix: '', endpoint: null, region: 'eu-west-2',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI' }, objectLock: null,
    });
    expect(loadBlobStoreConfig({ SIGHTLINE_BLOB_STORE: 's3://evidence.example/prod/blobs/', AWS_ENDPOINT_URL_S3: 'https://rgw.example:7480', AWS_REGION: 'us-east-1' }))
      .toMatchObject({ bucket: 'evidence.example', prefix: 'prod/blobs', endpoint: 'https://rgw.example:7480', credentials: null });
  });

  it.each(['https://bucket/x', 's3://', 's3://Upper_Case', 's3://ab', 's3://bucket/a/../b', 's3://bucket/a b'])('refuses %s, naming the variable', (value) => {
    expect(() => loadConfig({ SIGHTLINE_BLOB_STORE: value, ...aws })).toThrow(ConfigError);
    expect(() => loadConfig({ SIGHTLINE_BLOB_STORE: value, ...aws })).toThrow(/SIGHTLINE_BLOB_STORE: .*is not s3:\/\/<bucket>\[\/<prefix>\]/);
  });

  it('asks for a region, both keys or neither, and an http(s) endpoint', () => {
    expect(() => loadBlobStoreConfig({ SIGHTLINE_BLOB_STORE: 's3://bucket' })).toThrow(/AWS_REGION is not set/);
    expect(() => loadBlobStoreConfig({ SIGHTLINE_BLOB_STORE: 's3://bucket', AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'AKID' }))
      .toThrow(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY together/);
    expect(() => loadBlobStoreConfig({ SIGHTLINE_BLOB_STORE: 's3://bucket', ...aws, AWS_ENDPOINT_URL_S3: 'ftp://x' })).toThrow(/AWS_ENDPOINT_URL_S3/);
  });
});

describe('opening an S3 blob store', () => {
  let s3: S3TestServer;
  let dataDir: string;
  beforeAll(async () => {
    s3 = await startS3Server();
    dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'sightline-data-'));
  });
  afterAll(async () => {
    await s3?.close();
    await fsp.rm(dataDir, { recursive: true, force: true });
  });

  it('opens the bucket the test environment names, with temp files under the data dir', async () => {
    const blobs = await openBlobStore({ blobStore: loadBlobStoreConfig(s3.env), dataDir });
    try {
      expect(path.dirname(blobs.tempPath())).toBe(path.join(dataDir, 'blobs', 'tmp'));
      const { sha256 } = await blobs.putBuffer(Buffer.from('through the configured store'));
      expect(await blobs.has(sha256)).toBe(true);
    } finally {
      blobs.close();
    }
  });

  it('fails at once, saying why, when the bucket does not exist', async () => {
    const env = { ...s3.env, SIGHTLINE_BLOB_STORE: 's3://no-such-bucket' };
    await expect(openBlobStore({ blobStore: loadBlobStoreConfig(env), dataDir })).rejects.toThrow('the blob store bucket "no-such-bucket" cannot be used: no such bucket');
  });
});
