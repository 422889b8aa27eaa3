// Reads a bundle zip once, in order: the sha-256 and size of every file (streamed, never held
// whole), and the bytes of the small text files the checks parse. Knows zips, not evidence.
import crypto from 'node:crypto';
import yauzl from 'yauzl';
import { LEDGER_FILE, MANIFEST_FILE, PUBLIC_KEY_FILE, README_FILE } from './bundle-format.ts';

/** The zip itself cannot be read: not a zip, truncated, encrypted, or a file whose data is corrupt. */
export class UnreadableBundle extends Error {
  override name = 'UnreadableBundle';
}

export interface BundleFileInfo {
  path: string;
  directory: boolean;
  size: number;
  sha256: string;
  /** The file's bytes, kept only for the text files the checks parse. */
  bytes: Buffer | null;
}

export interface BundleContents {
  /** Every entry of the zip's central directory, in order, duplicates included. */
  files: BundleFileInfo[];
}

const TEXT_FILES = new Set([MANIFEST_FILE, LEDGER_FILE, PUBLIC_KEY_FILE, README_FILE]);
/** A ledger of a million entries is well under this; more is not a bundle we wrote. */
const MAX_TEXT_BYTES = 512 * 1024 * 1024;

export async function readBundle(source: string | Buffer): Promise<BundleContents> {
  const options = { strictFileNames: true, validateEntrySizes: true };
  const zip = await (typeof source === 'string' ? yauzl.openPromise(source, options) : yauzl.fromBufferPromise(source, options))
    .catch((error: unknown) => {
      throw new UnreadableBundle(`not a readable zip file: ${messageOf(error)}`);
    });
  const files: BundleFileInfo[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const path = entry.fileName;
      if (path.endsWith('/')) {
        files.push({ path, directory: true, size: 0, sha256: '', bytes: null });
        continue;
      }
      if (entry.isEncrypted()) throw new UnreadableBundle(`${path} is encrypted`);
      const keep = TEXT_FILES.has(path);
      if (keep && entry.uncompressedSize > MAX_TEXT_BYTES) throw new UnreadableBundle(`${path} is ${entry.uncompressedSize} bytes, more than a bundle file of its kind can be`);
      files.push({ path, directory: false, ...(await digest(await zip.openReadStreamPromise(entry), keep, path)) });
    }
  } catch (error) {
    zip.close();
    if (error instanceof UnreadableBundle) throw error;
    throw new UnreadableBundle(`the zip is corrupt: ${messageOf(error)}`);
  }
  return { files };
}

async function digest(stream: AsyncIterable<unknown>, keep: boolean, path: string): Promise<Omit<BundleFileInfo, 'path' | 'directory'>> {
  const hash = crypto.createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      if (!Buffer.isBuffer(chunk)) throw new TypeError('the zip reader gave a chunk that is not bytes');
      hash.update(chunk);
      size += chunk.length;
      if (keep) chunks.push(chunk);
    }
  } catch (error) {
    throw new UnreadableBundle(`the data of ${path} cannot be read: ${messageOf(error)}`);
  }
  return { size, sha256: hash.digest('hex'), bytes: keep ? Buffer.concat(chunks) : null };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
