// The pure rules of a chunked recording: chunk decisions, gaps, seal matching and byte ranges.
import { describe, expect, it } from 'vitest';
import { SealRecordingBody, type RecordingChunk } from '../../../protocol/recording.ts';
import { chunkLayout, decideChunk, numberList, sameSeal, sealMismatch } from '../../src/recording/chunk-rules.ts';
import { parseRange, slicesFor } from '../../src/recording/media-range.ts';

const sha = (c: string): string => c.repeat(64);
const chunk = (n: number, size = 10, c = String(n % 10)): RecordingChunk => ({ n, sha256: sha(c), size });
const seal = (hashes: string[], durationMs = 1000) =>
  SealRecordingBody.parse({ chunkCount: hashes.length, durationMs, chunks: hashes.map((sha256, n) => ({ n, sha256 })) });

describe('decideChunk', () => {
  it('stores a new number, repeats the same hash harmlessly, refuses another hash and a sealed recording', () => {
    expect(decideChunk(null, sha('a'), false)).toBe('store');
    expect(decideChunk(chunk(0, 10, 'a'), sha('a'), false)).toBe('duplicate');
    expect(decideChunk(chunk(0, 10, 'a'), sha('b'), false)).toBe('conflict');
    expect(decideChunk(null, sha('a'), true)).toBe('sealed');
    expect(decideChunk(chunk(0, 10, 'a'), sha('a'), true)).toBe('duplicate');
    expect(decideChunk(chunk(0, 10, 'a'), sha('b'), true)).toBe('conflict');
  });
});

describe('chunkLayout', () => {
  it('lists the gaps below the highest chunk and plays only the run from chunk 0', () => {
    const layout = chunkLayout([chunk(0, 5), chunk(1, 7), chunk(4, 11), chunk(6, 13)]);
    expect(layout.missing).toEqual([2, 3, 5]);
    expect(layout.playable.map((c) => c.n)).toEqual([0, 1]);
    expect(layout).toMatchObject({ bytes: 36, playableBytes: 12 });
  });

  it('plays nothing while chunk 0 is missing, and everything when there is no gap', () => {
    expect(chunkLayout([chunk(1), chunk(2)])).toMatchObject({ missing: [0], playable: [], playableBytes: 0 });
    expect(chunkLayout([chunk(0), chunk(1)])).toMatchObject({ missing: [], playableBytes: 20 });
    expect(chunkLayout([])).toMatchObject({ missing: [], playable: [], bytes: 0 });
  });
});

describe('sealMismatch', () => {
  const held = [chunk(0, 1, 'a'), chunk(1, 1, 'b'), chunk(3, 1, 'd')];

  it('names the missing chunks, the ones that differ and the ones beyond the count', () => {
    const problems = sealMismatch(held, seal([sha('a'), sha('c'), sha('c')]));
    expect(problems).toEqual([
      'missing chunks 2',
      `chunks held with another sha-256: 1 (held: ${'b'.repeat(12)}…, sent: ${'c'.repeat(12)}…)`,
      'chunks held beyond chunkCount 3: 3',
    ]);
  });

  it('is empty for an exact match, and a repeated seal must match count, hashes and duration', () => {
    const body = seal([sha('a'), sha('b'), sha('c'), sha('d')]);
    const all = [...held, chunk(2, 1, 'c')].sort((x, y) => x.n - y.n);
    expect(sealMismatch(all, body)).toEqual([]);
    expect(sameSeal(all, { chunkCount: 4, durationMs: 1000 }, body)).toBe(true);
    expect(sameSeal(all, { chunkCount: 4, durationMs: 999 }, body)).toBe(false);
  });

  it('refuses a body whose list is not exactly 0 … chunkCount − 1', () => {
    expect(SealRecordingBody.safeParse({ chunkCount: 2, durationMs: 1, chunks: [{ n: 1, sha256: sha('a') }, { n: 0, sha256: sha('b') }] }).success).toBe(false);
    expect(SealRecordingBody.safeParse({ chunkCount: 3, durationMs: 1, chunks: [{ n: 0, sha256: sha('a') }] }).success).toBe(false);
  });

  it('writes long number lists as runs', () => {
    expect(numberList([0, 1, 2, 5, 7, 8])).toBe('0-2, 5, 7-8');
    expect(numberList(Array.from({ length: 30 }, (_, i) => i * 2))).toMatch(/and 10 more$/);
  });
});

describe('parseRange', () => {
  it('reads start-end, open-ended and suffix ranges, clamped to the size', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
  });

  it('sends the whole body for no, malformed or multiple ranges; 416 past the end', () => {
    for (const header of [undefined, '', 'items=0-1', 'bytes=5-2', 'bytes=0-1,5-6', 'bytes=-', 'bytes=abc']) {
      expect(parseRange(header, 1000)).toBeNull();
    }
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
  });
});

describe('slicesFor', () => {
  const chunks = [chunk(0, 10, 'a'), chunk(1, 10, 'b'), chunk(2, 10, 'c')];

  it('cuts a range across chunk boundaries into blob slices', () => {
    expect(slicesFor(chunks, { start: 5, end: 24 })).toEqual([
      { sha256: sha('a'), skip: 5, take: 5 },
      { sha256: sha('b'), skip: 0, take: 10 },
      { sha256: sha('c'), skip: 0, take: 5 },
    ]);
    expect(slicesFor(chunks, { start: 10, end: 19 })).toEqual([{ sha256: sha('b'), skip: 0, take: 10 }]);
    expect(slicesFor(chunks, { start: 29, end: 29 })).toEqual([{ sha256: sha('c'), skip: 9, take: 1 }]);
  });
});
