// The zip writer on its own: exact size up front, blobs streamed one at a time, an unreadable blob
// fails the stream (never a short zip that looks whole), and a consumer that goes away releases it.
import crypto from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeBundle } from '../../src/export/bundle-writer.ts';
import { blobPath } from '../../../protocol/bundle.ts';

const MB = 1024 * 1024;
const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** A blob source that yields `size` bytes in 64 KiB chunks, counting what is open. */
function blobSource(sizes: Map<string, number>) {
  const state = { opened: 0, open: new Set<Readable>() };
  const open = async (sha256: string): Promise<Readable> => {
    let left = sizes.get(sha256) ?? 0;
    const stream = new Readable({
      read() {
        const n = Math.min(left, 64 * 1024);
        left -= n;
        this.push(n > 0 ? Buffer.alloc(n, 7) : null);
      },
    });
    state.opened += 1;
    state.open.add(stream);
    stream.on('close', () => state.open.delete(stream));
    return stream;
  };
  return { state, open };
}

async function drain(stream: Readable): Promise<number> {
  let total = 0;
  for await (const chunk of stream) total += (chunk as Buffer).length;
  return total;
}

describe('writeBundle', () => {
  it('knows its exact size before the first byte and opens one blob at a time', async () => {
    const blobs = [3 * MB, 1, 0, 200_000].map((size, i) => ({ path: blobPath(sha(Buffer.from([i]))), sha256: sha(Buffer.from([i])), size }));
    const source = blobSource(new Map(blobs.map((b) => [b.sha256, b.size])));
    let mostOpen = 0;
    const bundle = await writeBundle({
      files: [{ path: 'manifest.json', bytes: Buffer.from('{}\n') }],
      blobs,
      mtime: new Date(Date.UTC(2026, 0, 1)),
      open: async (sha256) => {
        mostOpen = Math.max(mostOpen, source.state.open.size + 1);
        return source.open(sha256);
      },
    });
    expect(await drain(bundle.stream)).toBe(bundle.size);
    expect(source.state.opened).toBe(4);
    expect(mostOpen).toBe(1);
  });

  it('keeps its size exact with a central directory over 64 KiB (yazl counts ZIP64 records there)', async () => {
    const blobs = Array.from({ length: 700 }, (_, i) => {
      const sha256 = sha(Buffer.from(String(i)));
      return { path: blobPath(sha256), sha256, size: i % 5 };
    });
    const source = blobSource(new Map(blobs.map((b) => [b.sha256, b.size])));
    const bundle = await writeBundle({ files: [], blobs, mtime: new Date(), open: source.open });
    expect(await drain(bundle.stream)).toBe(bundle.size);
  });

  it('releases the open blob when the consumer goes away mid-blob', async () => {
    const blob = { path: blobPath('a'.repeat(64)), sha256: 'a'.repeat(64), size: 50 * MB };
    const source = blobSource(new Map([[blob.sha256, blob.size]]));
    const bundle = await writeBundle({ files: [], blobs: [blob], mtime: new Date(), open: source.open });
    const slow = new PassThrough({ highWaterMark: 1024 });
    bundle.stream.pipe(slow);
    await new Promise((resolve) => slow.once('readable', resolve));
    expect(source.state.open.size).toBe(1);
    bundle.stream.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.state.open.size).toBe(0);
  });

  it('fails the stream when a blob cannot be read or has another size than announced', async () => {
    const missing = { path: blobPath('b'.repeat(64)), sha256: 'b'.repeat(64), size: 10 };
    const broken = await writeBundle({
      files: [], blobs: [missing], mtime: new Date(),
      open: async () => new Readable({ read() { this.destroy(Object.assign(new Error('ENOENT: gone'), { code: 'ENOENT' })); } }),
    });
    await expect(drain(broken.stream)).rejects.toThrow(/gone/);

    const source = blobSource(new Map([[missing.sha256, 9]]));
    const short = await writeBundle({ files: [], blobs: [missing], mtime: new Date(), open: source.open });
    await expect(drain(short.stream)).rejects.toThrow(/unexpected number of bytes/);
  });
});
