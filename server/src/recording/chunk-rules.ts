// The rules of a chunked recording as pure functions: what a new chunk means given what is held,
// which numbers are missing, what can be played, and whether a seal request matches the chunks held.
import type { RecordingChunk, SealRecordingBody } from '../../../protocol/recording.ts';

export type ChunkDecision = 'store' | 'duplicate' | 'conflict' | 'sealed';

/** A chunk with the same number and hash as one held is a harmless retry, even after the seal. */
export function decideChunk(held: RecordingChunk | null, sha256: string, sealed: boolean): ChunkDecision {
  if (held) return held.sha256 === sha256 ? 'duplicate' : 'conflict';
  return sealed ? 'sealed' : 'store';
}

export interface ChunkLayout {
  /** Numbers below the highest chunk held that are not held. */
  missing: number[];
  /** The chunks held without a gap from chunk 0: what can be played now. */
  playable: RecordingChunk[];
  bytes: number;
  playableBytes: number;
}

/** `chunks` ordered by n, as the store returns them. */
export function chunkLayout(chunks: readonly RecordingChunk[]): ChunkLayout {
  const missing: number[] = [];
  let expected = 0;
  let bytes = 0;
  let playableCount: number | null = null;
  for (const [index, chunk] of chunks.entries()) {
    if (chunk.n !== expected) playableCount ??= index;
    for (let n = expected; n < chunk.n; n++) missing.push(n);
    expected = chunk.n + 1;
    bytes += chunk.size;
  }
  const playable = chunks.slice(0, playableCount ?? chunks.length);
  return { missing, playable, bytes, playableBytes: playable.reduce((sum, chunk) => sum + chunk.size, 0) };
}

/**
 * Why a seal request does not match the chunks held, in words (empty when it matches exactly):
 * chunks it lists that are not held, chunks held with another hash, chunks held beyond its count.
 */
export function sealMismatch(held: readonly RecordingChunk[], body: SealRecordingBody): string[] {
  const byN = new Map(held.map((chunk) => [chunk.n, chunk]));
  const missing: number[] = [];
  const differ: string[] = [];
  for (const { n, sha256 } of body.chunks) {
    const chunk = byN.get(n);
    if (!chunk) missing.push(n);
    else if (chunk.sha256 !== sha256) differ.push(`${n} (held: ${chunk.sha256.slice(0, 12)}…, sent: ${sha256.slice(0, 12)}…)`);
  }
  const extra = held.filter((chunk) => chunk.n >= body.chunkCount).map((chunk) => chunk.n);
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`missing chunks ${numberList(missing)}`);
  if (differ.length > 0) problems.push(`chunks held with another sha-256: ${shortList(differ)}`);
  if (extra.length > 0) problems.push(`chunks held beyond chunkCount ${body.chunkCount}: ${numberList(extra)}`);
  return problems;
}

/** True when a repeated seal request names exactly what the recording was sealed with. */
export function sameSeal(held: readonly RecordingChunk[], seal: { chunkCount: number; durationMs: number }, body: SealRecordingBody): boolean {
  return seal.chunkCount === body.chunkCount && seal.durationMs === body.durationMs && sealMismatch(held, body).length === 0;
}

/** Ascending numbers as runs: `0-2, 5, 9-11` (at most 20 runs, then how many more). */
export function numberList(numbers: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === (numbers[j] ?? 0) + 1) j++;
    runs.push(i === j ? `${numbers[i]}` : `${numbers[i]}-${numbers[j]}`);
    i = j + 1;
  }
  return shortList(runs);
}

function shortList(items: readonly string[], max = 20): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
