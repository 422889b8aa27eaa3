// Content-addressed blob store on the local disk. A blob is written to a temp file, fsynced, renamed
// into place and its directory fsynced (with the parents of any folder made for it), so a crash never
// leaves a half-written blob visible and an installed blob survives one. Directory fsyncs are shared
// between concurrent installs (dir-sync.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createDirSyncer } from './dir-sync.ts';

export interface BlobStore {
  /** Stores bytes; returns their sha-256 (hex). Idempotent. */
  putBuffer(bytes: Buffer): Promise<{ sha256: string; size: number }>;
  /**
   * Moves an already-written temp file (from `tempPath()`) into the store under its known hash; once
   * it resolves, the blob is durable. `synced`: the writer already fsynced the file's bytes.
   */
  adoptFile(tempFile: string, sha256: string, opts?: { synced?: boolean }): Promise<void>;
  /** A fresh path in the store's temp folder (same filesystem, so rename is atomic). */
  tempPath(): string;
  has(sha256: string): boolean;
  path(sha256: string): string;
  open(sha256: string): fs.ReadStream;
  /** Size in bytes of a stored blob; null when it is missing. */
  size(sha256: string): Promise<number | null>;
  /** Recomputes the hash of a stored blob; null when it is missing. */
  hashOf(sha256: string): Promise<string | null>;
  /** Deletes a blob file (retention only: its ledger must already hold the tombstone). Idempotent. */
  remove(sha256: string): Promise<void>;
}

const HEX64 = /^[0-9a-f]{64}$/;

export function createLocalBlobStore(rootDir: string): BlobStore {
  // Absolute, as the folder `mkdir` reports having made is.
  const root = path.resolve(rootDir);
  const tmpDir = path.join(root, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  cleanTemp(tmpDir);

  const blobPath = (sha256: string): string => {
    if (!HEX64.test(sha256)) throw new Error(`not a sha-256: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

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
    tempPath: () => path.join(tmpDir, `${Date.now()}-${crypto.randomBytes(8).toString('hex')}`),
    path: blobPath,
    has: (sha256) => fs.existsSync(blobPath(sha256)),
    open: (sha256) => fs.createReadStream(blobPath(sha256)),
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
      const temp = path.join(tmpDir, `${Date.now()}-${crypto.randomBytes(8).toString('hex')}`);
      await fsp.writeFile(temp, bytes, { flush: true });
      await install(temp, sha256, { synced: true });
      return { sha256, size: bytes.length };
    },
    adoptFile: install,
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
      const hash = crypto.createHash('sha256');
      for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
      return hash.digest('hex');
    },
  };
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

/** Temp files left by a crash are never evidence: nothing names them. Remove them at start. */
function cleanTemp(tmpDir: string): void {
  for (const name of fs.readdirSync(tmpDir)) fs.rmSync(path.join(tmpDir, name), { force: true });
}
