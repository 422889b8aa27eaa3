// Content-addressed blob stores behind one interface: on the local disk (here) or in an S3 bucket
// (s3-blob-store.ts). Locally a blob is written to a temp file, fsynced, renamed into place and its
// directory fsynced (with the parents of any folder made for it), so a crash never leaves a half-written
// blob visible and an installed blob survives one. Directory fsyncs are shared between concurrent
// installs (dir-sync.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { createDirSyncer } from './dir-sync.ts';

/** Inclusive byte offsets, as in an HTTP Range header and `fs.createReadStream`; `start` must lie inside the blob. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where bytes are verified against their name: `hashOf` recomputes the hash from the stored bytes (the
 * ledger check uses it), `openVerified` fails a whole-blob read whose bytes do not match, and an exported
 * bundle is checked file by file by the offline verifier. `open` itself does not hash: ranges serve media.
 */
export interface BlobStore {
  /** Stores bytes; returns their sha-256 (hex). Idempotent. */
  putBuffer(bytes: Buffer): Promise<{ sha256: string; size: number }>;
  /**
   * Moves an already-written temp file (from `tempPath()`) into the store under its known hash, and the
   * temp file is gone; once it resolves, the blob is durable. `synced`: the writer already fsynced the
   * file's bytes (the local store then skips its own fsync).
   */
  adoptFile(tempFile: string, sha256: string, opts?: { synced?: boolean }): Promise<void>;
  /**
   * Makes a temp file's bytes durable ahead of `adoptFile` (then called with `synced: true`), so that the
   * flush overlaps other work, such as checking that the bytes are a sound image, before it is known
   * whether the file will be adopted at all. Nothing to do where the store uploads the file (S3).
   */
  syncTemp(tempFile: string): Promise<void>;
  /** A fresh path in the local temp folder: staging on this machine's disk, whichever store holds blobs. */
  tempPath(): string;
  has(sha256: string): Promise<boolean>;
  /** The blob's bytes, or a range of them; rejects with `BlobMissingError` when it is missing. */
  open(sha256: string, range?: ByteRange): Promise<Readable>;
  /** Size in bytes of a stored blob; null when it is missing. */
  size(sha256: string): Promise<number | null>;
  /** Recomputes the hash of a stored blob from its bytes; null when it is missing. */
  hashOf(sha256: string): Promise<string | null>;
  /** Deletes a blob (retention only: its ledger must already hold the tombstone). Idempotent. */
  remove(sha256: string): Promise<void>;
  /**
   * Puts or lifts an S3 Object Lock legal hold on a stored blob: while on, the blob cannot be deleted or
   * overwritten, whatever its retention date. Null where the store cannot hold objects (the local folder).
   */
  readonly legalHold: ((sha256: string, status: LegalHoldStatus) => Promise<void>) | null;
  /** A cheap call that rejects when the store cannot be used now (readiness): the folder writable, the bucket reachable. */
  check(): Promise<void>;
  /** Releases what the store holds open (the S3 client's connections; nothing for the local store). */
  close(): void;
}

export type LegalHoldStatus = 'on' | 'off';

/** A blob the store does not hold. `code` is ENOENT for both stores, so one check covers disk and bucket. */
export class BlobMissingError extends Error {
  readonly code = 'ENOENT';
  constructor(readonly sha256: string) {
    super(`blob ${sha256} is not in the store`);
  }
}

const HEX64 = /^[0-9a-f]{64}$/;

/** The blob's place in either store: `aa/bb/<sha256>`. Throws on anything but a lowercase hex sha-256. */
export function blobKeyParts(sha256: string): [string, string, string] {
  if (!HEX64.test(sha256)) throw new Error(`not a sha-256: ${sha256}`);
  return [sha256.slice(0, 2), sha256.slice(2, 4), sha256];
}

export function checkRange(range: ByteRange): void {
  if (!Number.isSafeInteger(range.start) || !Number.isSafeInteger(range.end) || range.start < 0 || range.end < range.start) {
    throw new Error(`not a byte range: ${range.start}-${range.end}`);
  }
}

/** A whole-blob read that fails (with an error, at its end) when the bytes do not hash to their name. */
export async function openVerified(blobs: Pick<BlobStore, 'open'>, sha256: string): Promise<Readable> {
  const source = await blobs.open(sha256);
  const hash = crypto.createHash('sha256');
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      const actual = hash.digest('hex');
      done(actual === sha256 ? null : new Error(`blob ${sha256} holds bytes that hash to ${actual}`));
    },
  });
  source.once('error', (error) => check.destroy(error));
  check.once('close', () => source.destroy());
  return source.pipe(check);
}

/** The local temp folder: emptied at start (temp files left by a crash are never evidence: nothing names them). */
export function createTempFolder(tmpDir: string): { dir: string; tempPath: () => string } {
  fs.mkdirSync(tmpDir, { recursive: true });
  for (const name of fs.readdirSync(tmpDir)) fs.rmSync(path.join(tmpDir, name), { force: true });
  return { dir: tmpDir, tempPath: () => path.join(tmpDir, `${Date.now()}-${crypto.randomBytes(8).toString('hex')}`) };
}

export function createLocalBlobStore(rootDir: string): BlobStore {
  // Absolute, as the folder `mkdir` reports having made is.
  const root = path.resolve(rootDir);
  const temp = createTempFolder(path.join(root, 'tmp'));

  const blobPath = (sha256: string): string => path.join(root, ...blobKeyParts(sha256));

  const syncDir = createDirSyncer();

  const install = async (tempFile: string, sha256: string, opts: { synced?: boolean } = {}): Promise<void> => {
    const target = blobPath(sha256);
    const dir = path.dirname(target);
    if (fs.existsSync(target)) {
      await fsp.rm(tempFile, { force: true });
      // Another install of the same bytes may have renamed it in without its directory synced yet.
      await syncDir(dir);
      return;
    }
    if (!opts.synced) await fsyncFile(tempFile);
    const created = await fsp.mkdir(dir, { recursive: true });
    await fsp.rename(tempFile, target);
    // A folder made just now is only durable once the folder holding it is synced too.
    await Promise.all([dir, ...(created ? newFolderParents(root, created, dir) : [])].map(syncDir));
  };

  return {
    tempPath: temp.tempPath,
    has: async (sha256) => fs.existsSync(blobPath(sha256)),
    async open(sha256, range) {
      if (range) checkRange(range);
      const handle = await fsp.open(blobPath(sha256), 'r').catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'ENOENT' ? new BlobMissingError(sha256) : error;
      });
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    },
    async size(sha256) {
      const stats = await fsp.stat(blobPath(sha256)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      return stats ? stats.size : null;
    },
    async putBuffer(bytes) {
      const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
      if (fs.existsSync(blobPath(sha256))) return { sha256, size: bytes.length };
      const file = temp.tempPath();
      await fsp.writeFile(file, bytes, { flush: true });
      await install(file, sha256, { synced: true });
      return { sha256, size: bytes.length };
    },
    adoptFile: install,
    syncTemp: fsyncFile,
    async remove(sha256) {
      const file = blobPath(sha256);
      await fsp.rm(file, { force: true });
      await syncDir(path.dirname(file)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    },
    async hashOf(sha256) {
      const file = blobPath(sha256);
      if (!fs.existsSync(file)) return null;
      return hashStream(fs.createReadStream(file));
    },
    legalHold: null,
    check: () => fsp.access(temp.dir, fs.constants.W_OK),
    close: () => {},
  };
}

export async function hashStream(stream: Readable): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function fsyncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `mkdir -p` made `created` and every folder below it down to `leaf`: each of their parents needs a sync. */
function newFolderParents(root: string, created: string, leaf: string): string[] {
  const parents: string[] = [];
  for (let dir = leaf; dir.length >= created.length && dir !== root; dir = path.dirname(dir)) parents.push(path.dirname(dir));
  return parents;
}
