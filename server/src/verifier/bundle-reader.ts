// Reads a bundle zip once, in order: the sha-256 and size of every file (streamed, never held
// whole), and the bytes of the few text files the checks parse. Knows zips, not evidence.
import crypto from 'node:crypto';
import yauzl from 'yauzl';
import { LEDGER_FILE, MANIFEST_FILE, PUBLIC_KEY_FILE } from '../../../protocol/bundle.ts';

/** The zip itself cannot be read: not a zip, truncated, encrypted, or a file whose data is corrupt. */
export class UnreadableBundle extends Error {
  override name = 'UnreadableBundle';
}

export interface BundleFileInfo {
  path: string;
  directory: boolean;
  size: number;
  sha256: string;
  /** The file's bytes, kept only for the files the checks parse. */
  bytes: Buffer | null;
}

export interface BundleContents {
  /** Each path of the zip's central directory once, in order: the first entry under that path. */
  files: BundleFileInfo[];
  /** Paths of the later entries under a path already seen, in order; their data is never read. */
  copies: string[];
}

const MiB = 1024 * 1024;
/**
 * The files the checks parse, and the most each can be: these (each path read once) and the entry
 * cap keep a run under 1 GiB on any zip — a hostile one with all three at their limit peaked at
 * ~940 MiB, a parsed ledger taking about four times its bytes. 128 MiB is some 230,000 ledger
 * entries; the manifest lists a blob in ~210 bytes. README.txt is only hashed, like a blob.
 */
const KEPT_FILES: ReadonlyMap<string, number> = new Map([
  [LEDGER_FILE, 128 * MiB],
  [MANIFEST_FILE, 48 * MiB],
  [PUBLIC_KEY_FILE, 64 * 1024],
]);
/** Every entry costs memory (its path, its hash, a problem when it does not belong), read or not. */
const MAX_ENTRIES = 100_000;

export async function readBundle(source: string | Buffer): Promise<BundleContents> {
  const options = { strictFileNames: true, validateEntrySizes: true };
  const zip = await (typeof source === 'string' ? yauzl.openPromise(source, options) : yauzl.fromBufferPromise(source, options))
    .catch((error: unknown) => {
      throw new UnreadableBundle(`not a readable zip file: ${messageOf(error)}`);
    });
  const contents: BundleContents = { files: [], copies: [] };
  const seen = new Set<string>();
  try {
    if (zip.entryCount > MAX_ENTRIES) throw new UnreadableBundle(`it has ${zip.entryCount} entries, more than a bundle can have (${MAX_ENTRIES})`);
    for await (const entry of zip.eachEntry()) {
      const path = entry.fileName;
      // Decided from the central directory, before any data is read: a path seen before is a copy,
      // reported and never read, so records pointing many times at one huge entry cost nothing.
      if (seen.has(path)) {
        contents.copies.push(path);
        continue;
      }
      seen.add(path);
      if (path.endsWith('/')) {
        contents.files.push({ path, directory: true, size: 0, sha256: '', bytes: null });
        continue;
      }
      if (entry.isEncrypted()) throw new UnreadableBundle(`${path} is encrypted`);
      const limit = KEPT_FILES.get(path);
      // validateEntrySizes fails the stream past the declared size, so the declared size bounds what is read.
      if (limit !== undefined && entry.uncompressedSize > limit) {
        throw new UnreadableBundle(`${path} is ${entry.uncompressedSize} bytes, more than a bundle file of its kind can be (${limit})`);
      }
      contents.files.push({ path, directory: false, ...(await digest(await zip.openReadStreamPromise(entry), limit !== undefined, path)) });
    }
  } catch (error) {
    zip.close();
    if (error instanceof UnreadableBundle) throw error;
    throw new UnreadableBundle(`the zip is corrupt: ${messageOf(error)}`);
  }
  return contents;
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
