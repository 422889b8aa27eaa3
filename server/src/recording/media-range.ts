// HTTP byte ranges over a recording served as its chunks back to back, as pure functions: which bytes
// a Range header asks for, and which slice of which chunk blobs make up those bytes.
import type { RecordingChunk } from '../../../protocol/recording.ts';

export interface ByteRange {
  start: number;
  /** Inclusive, as in Content-Range. */
  end: number;
}

/**
 * The single range a `Range: bytes=…` header asks for within `total` bytes; null when the whole
 * body is to be sent (no header, a malformed one, another unit or several ranges, which a server
 * may ignore); 'unsatisfiable' when it asks only for bytes past the end (a 416).
 */
export function parseRange(header: string | undefined, total: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || total === 0) return 'unsatisfiable';
    return { start: Math.max(0, total - suffix), end: total - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return null;
  if (start >= total) return 'unsatisfiable';
  const end = last === '' ? total - 1 : Number(last);
  return { start, end: Math.min(end, total - 1) };
}

export interface BlobSlice {
  sha256: string;
  /** Byte offset into the blob where the slice starts. */
  skip: number;
  /** Bytes to send from there. */
  take: number;
}

/** The slices of consecutive chunks that hold bytes `range.start` … `range.end` of their concatenation. */
export function slicesFor(chunks: readonly RecordingChunk[], range: ByteRange): BlobSlice[] {
  const slices: BlobSlice[] = [];
  let offset = 0;
  for (const chunk of chunks) {
    const from = Math.max(range.start, offset);
    const to = Math.min(range.end + 1, offset + chunk.size);
    if (from < to) slices.push({ sha256: chunk.sha256, skip: from - offset, take: to - from });
    offset += chunk.size;
    if (offset > range.end) break;
  }
  return slices;
}
