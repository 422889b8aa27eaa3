// Streams slices of chunk blobs one after another as one body. A blob that cannot be read fails the
// stream (the client sees a cut connection, never a short file that looks whole).
import { Readable } from 'node:stream';
import type { BlobStore } from '../storage/blob-store.ts';
import type { BlobSlice } from './media-range.ts';

export function sliceStream(blobs: Pick<BlobStore, 'open'>, slices: readonly BlobSlice[]): Readable {
  return Readable.from(readSlices(blobs, slices), { objectMode: false });
}

async function* readSlices(blobs: Pick<BlobStore, 'open'>, slices: readonly BlobSlice[]): AsyncGenerator<Buffer> {
  for (const slice of slices) {
    let position = 0;
    let remaining = slice.take;
    // Reading from the start of the blob costs at most one chunk on a seek, and keeps the blob store's
    // interface (open a blob by hash) the only way in.
    for await (const data of blobs.open(slice.sha256)) {
      const buffer = data as Buffer;
      const from = Math.max(0, slice.skip - position);
      position += buffer.length;
      if (from >= buffer.length) continue;
      const part = buffer.subarray(from, from + remaining);
      remaining -= part.length;
      yield part;
      if (remaining === 0) break;
    }
    if (remaining > 0) throw new Error(`chunk blob ${slice.sha256} is shorter than its recorded size`);
  }
}
