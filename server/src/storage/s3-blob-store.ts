// The content-addressed blob store in an S3-compatible bucket (AWS S3, Ceph RGW; s3rver in tests).
// Keys follow the local layout, `<prefix>/<aa>/<bb>/<sha256>`. Every put names its SHA-256 checksum, so a
// store that checks it (AWS S3; Ceph RGW where it implements S3 checksums) refuses bytes altered on the
// way, and carries If-None-Match: * so a blob once written is not overwritten (see `put` for stores that
// ignore either). With SIGHTLINE_S3_OBJECT_LOCK each put also locks the blob for the retention days, and
// legal holds are put and lifted per blob (`npm run legal-hold`). Temp files stay on the local disk:
// they stage uploads.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { S3BlobStoreConfig, S3ObjectLock } from '../config.ts';
import { BlobMissingError, blobKeyParts, checkRange, createTempFolder, hashStream, type BlobStore } from './blob-store.ts';

export function createS3Client(config: Pick<S3BlobStoreConfig, 'endpoint' | 'region' | 'credentials'>): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    // We name the one checksum we want (SHA-256, which is the blob's name) instead of the SDK's default
    // CRC32 on every request, which some S3-compatible stores do not accept.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Opens the store once the bucket answers: bad settings fail at start-up, not at the first upload. */
export async function openS3BlobStore(config: S3BlobStoreConfig & { tempDir: string }): Promise<BlobStore> {
  const client = createS3Client(config);
  try {
    await client.send(new HeadBucketCommand({ Bucket: config.bucket }));
  } catch (error) {
    client.destroy();
    const status = statusOf(error);
    const why = status === 404 ? 'no such bucket' : status === 403 ? 'access denied' : error instanceof Error ? error.message : String(error);
    throw new Error(`the blob store bucket "${config.bucket}" cannot be used: ${why}`, { cause: error });
  }
  if (config.objectLock) {
    try {
      await checkObjectLockEnabled(client, config.bucket, config.objectLock);
    } catch (error) {
      client.destroy();
      throw error;
    }
  }
  return createS3BlobStore(client, config);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A lock asked for on a bucket without Object Lock would fail every upload (AWS refuses the headers) or,
 * on a store that ignores them, lock nothing while the operator believes it does: refuse at start-up.
 */
async function checkObjectLockEnabled(client: S3Client, bucket: string, lock: S3ObjectLock): Promise<void> {
  const fix = `create a bucket with Object Lock enabled (aws s3api create-bucket --bucket ${bucket} --object-lock-enabled-for-bucket …; `
    + 'on a bucket that exists, aws s3api put-object-lock-configuration --object-lock-configuration \'{"ObjectLockEnabled":"Enabled"}\' where the store allows it), '
    + 'or unset SIGHTLINE_S3_OBJECT_LOCK';
  let enabled: string | undefined;
  try {
    const answer = await client.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }));
    enabled = answer.ObjectLockConfiguration?.ObjectLockEnabled;
  } catch (error) {
    const status = statusOf(error);
    const code = error instanceof S3ServiceException ? error.name : '';
    // AWS answers 404 ObjectLockConfigurationNotFoundError for a bucket made without the lock; a store
    // without Object Lock at all (s3rver) answers 501 NotImplemented.
    if (status === 404 || code === 'ObjectLockConfigurationNotFoundError') enabled = undefined;
    else if (status === 501 || code === 'NotImplemented') {
      throw new Error(`SIGHTLINE_S3_OBJECT_LOCK=${lock.mode}, but the store of bucket "${bucket}" does not implement Object Lock (GetObjectLockConfiguration: ${code || status}): use a store that does (AWS S3, Ceph RGW), or unset SIGHTLINE_S3_OBJECT_LOCK`, { cause: error });
    } else {
      const why = status === 403 ? 'access denied (the credentials need s3:GetBucketObjectLockConfiguration)' : error instanceof Error ? error.message : String(error);
      throw new Error(`SIGHTLINE_S3_OBJECT_LOCK=${lock.mode}, but the Object Lock configuration of bucket "${bucket}" cannot be read: ${why}`, { cause: error });
    }
  }
  if (enabled !== 'Enabled') {
    throw new Error(`SIGHTLINE_S3_OBJECT_LOCK=${lock.mode}, but bucket "${bucket}" does not have Object Lock enabled: ${fix}`);
  }
}

function createS3BlobStore(client: S3Client, config: S3BlobStoreConfig & { tempDir: string }): BlobStore {
  const temp = createTempFolder(config.tempDir);
  const Bucket = config.bucket;
  const keyOf = (sha256: string): string => [...(config.prefix ? [config.prefix] : []), ...blobKeyParts(sha256)].join('/');

  const head = async (sha256: string): Promise<{ size: number } | null> => {
    try {
      const answer = await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(sha256) }));
      return { size: answer.ContentLength ?? 0 };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  };

  const get = async (sha256: string, range?: string): Promise<Readable | null> => {
    try {
      const answer = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(sha256), Range: range }));
      if (!(answer.Body instanceof Readable)) throw new Error(`the S3 client gave no readable body for blob ${sha256}`);
      return answer.Body;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  };

  /**
   * Uploads unless the blob is already there. The HEAD first skips re-sending bytes the store holds (a
   * resumed recording re-adopts chunks) and is the only guard on a store that ignores If-None-Match on
   * PUT, as s3rver 3.7.1 does: its putObject never reads the header (nor x-amz-checksum-sha256, so it
   * stores bytes that do not match it), answers 200 and overwrites; there a concurrent put of the same
   * name rewrites the same bytes. Where the condition holds (AWS S3), a put that loses the race gets 412
   * PreconditionFailed, or 409 while the other is still in flight, and the blob is there either way.
   * The SDK does not retry a streamed body (it cannot rewind it): a failed adoption is the caller's to
   * retry, as with a failed write to disk.
   *
   * With a lock configured, the blob is locked until N days (SIGHTLINE_RETENTION_DAYS) from now. The
   * case's retention runs N days from its latest outcome, which follows its uploads, so the lock does
   * not outlast what the customer is promised and the purge (npm run retention) finds it expired. A
   * blob already stored keeps the lock of its first upload, even when a later case names it.
   */
  const put = async (sha256: string, body: () => Readable | Buffer, size: number): Promise<void> => {
    if (await head(sha256)) return;
    const payload = body();
    try {
      await client.send(new PutObjectCommand({
        Bucket,
        Key: keyOf(sha256),
        Body: payload,
        ContentLength: size,
        ContentType: 'application/octet-stream',
        // Named with its value, so the SDK sends both headers and computes nothing; AWS S3 asks for the
        // algorithm header on uploads into a bucket whose Object Lock sets a default retention.
        ChecksumAlgorithm: 'SHA256',
        ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        IfNoneMatch: '*',
        ...(config.objectLock
          ? { ObjectLockMode: config.objectLock.mode, ObjectLockRetainUntilDate: new Date(Date.now() + config.objectLock.days * DAY_MS) }
          : {}),
      }));
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 409) return;
      throw error;
    } finally {
      // A store may answer before reading the body (412, an error): the file must not stay open.
      if (payload instanceof Readable) payload.destroy();
    }
  };

  return {
    tempPath: temp.tempPath,
    has: async (sha256) => (await head(sha256)) !== null,
    async open(sha256, range) {
      if (range) checkRange(range);
      const body = await get(sha256, range ? `bytes=${range.start}-${range.end}` : undefined);
      if (!body) throw new BlobMissingError(sha256);
      return body;
    },
    size: async (sha256) => (await head(sha256))?.size ?? null,
    async putBuffer(bytes) {
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      await put(sha256, () => bytes, bytes.length);
      return { sha256, size: bytes.length };
    },
    async adoptFile(tempFile, sha256) {
      const { size } = await fsp.stat(tempFile);
      // Streamed from disk, never buffered: a recording chunk or an original photo can be large.
      await put(sha256, () => fs.createReadStream(tempFile), size);
      await fsp.rm(tempFile, { force: true });
    },
    // The bytes go to the bucket from the file as adoptFile reads it: a local flush would protect nothing.
    syncTemp: async () => undefined,
    async remove(sha256) {
      // Deleting a missing key succeeds in S3. Under Object Lock this only adds a delete marker: the
      // locked version stays until its retention ends (docs/DEPLOY.md, "Object storage").
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(sha256) }));
    },
    async hashOf(sha256) {
      const body = await get(sha256);
      return body ? hashStream(body) : null;
    },
    async legalHold(sha256, status) {
      await client.send(new PutObjectLegalHoldCommand({
        Bucket,
        Key: keyOf(sha256),
        LegalHold: { Status: status === 'on' ? 'ON' : 'OFF' },
        // The request needs a checksum of its body; the same algorithm as the uploads.
        ChecksumAlgorithm: 'SHA256',
      }));
    },
    check: async () => {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
    close: () => client.destroy(),
  };
}

/** The HTTP status of a failed S3 call (HEAD answers carry no error code, only the status). */
function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}
