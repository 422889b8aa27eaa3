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
    if (slice.take === 0) continue;
    let remaining = slice.take;
    // Only the slice's bytes are read: a seek into a chunk held in a bucket fetches that range alone.
    for await (const data of await blobs.open(slice.sha256, { start: slice.skip, end: slice.skip + slice.take - 1 })) {
      const part = (data as Buffer).subarray(0, remaining);
      remaining -= part.length;
      yield part;
      if (remaining === 0) break;
    }
    if (remaining > 0) throw new Error(`chunk blob ${slice.sha256} is shorter than its recorded size`);
  }
}
