// Property tests: for random ledgers and blobs, the untouched bundle verifies, and every single-byte
// change to an entry line or a blob, removed entry, swapped pair of entries and added file is
// detected — with the first problem naming the changed entry's line/seq or the file's path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyBundle } from '../../src/verifier/check-bundle.ts';
import type { BundleReport, Place } from '../../src/verifier/report.ts';
import { arbitraryLedger, ledgerLines, makeBundle, makeKey, withByte, withLedger, zip, type TestBundle, type ZipFile } from './bundle-builder.ts';

const RUNS = { numRuns: 150 };
const key = makeKey();

const build = (ledger: { blobs: Uint8Array[]; entries: Array<{ type: string; payload: Record<string, unknown>; blobs: number[] }> }): TestBundle =>
  makeBundle(ledger.entries, ledger.blobs.map((b) => Buffer.from(b)), key);

async function check(files: ZipFile[]): Promise<BundleReport> {
  return verifyBundle(await zip(files), { publicKeyPem: key.publicKeyPem });
}

function firstPlace(report: BundleReport): Place {
  expect(report.ok).toBe(false);
  const first = report.problems[0];
  if (!first) throw new Error('a failed report without a problem');
  return first.place;
}

/** A random position: which entry line / blob, which byte in it, and a different byte value. */
const byteChange = fc.record({ item: fc.nat(), offset: fc.nat(), delta: fc.integer({ min: 1, max: 255 }) });

describe('bundle tampering (property)', () => {
  it('an untouched random bundle verifies', async () => {
    await fc.assert(fc.asyncProperty(arbitraryLedger, async (ledger) => {
      const bundle = build(ledger);
      const report = await check(bundle.files);
      expect(report.problems).toEqual([]);
      expect(report.entries).toBe(bundle.entries.length);
    }), RUNS);
  });

  it('any single-byte change to any entry line is found at that line', async () => {
    await fc.assert(fc.asyncProperty(arbitraryLedger, byteChange, async (ledger, change) => {
      const bundle = build(ledger);
      const lines = ledgerLines(bundle.files);
      const index = change.item % lines.length;
      const line = lines[index]!;
      const offset = change.offset % line.length;
      lines[index] = withByte(line, offset, (line[offset]! + change.delta) % 256);
      const place = firstPlace(await check(withLedger(bundle.files, lines)));
      expect(place).toMatchObject({ kind: 'entry', line: index + 1 });
    }), RUNS);
  });

  it('any single-byte change to any blob is found at that blob', async () => {
    await fc.assert(fc.asyncProperty(arbitraryLedger, byteChange, async (ledger, change) => {
      const bundle = build(ledger);
      const blobs = bundle.files.filter((f) => f.path.startsWith('blobs/'));
      fc.pre(blobs.length > 0);
      const target = blobs[change.item % blobs.length]!;
      const offset = change.offset % target.bytes.length;
      const files = bundle.files.map((f) => (f === target ? { path: f.path, bytes: withByte(f.bytes, offset, (f.bytes[offset]! + change.delta) % 256) } : f));
      expect(firstPlace(await check(files))).toEqual({ kind: 'file', path: target.path });
    }), RUNS);
  });

  it('any removed entry is found: the line where it is missing, or past the end', async () => {
    await fc.assert(fc.asyncProperty(arbitraryLedger, fc.nat(), async (ledger, which) => {
      const bundle = build(ledger);
      const lines = ledgerLines(bundle.files);
      const removed = (which % lines.length) + 1;
      const report = await check(withLedger(bundle.files, lines.filter((_, i) => i !== removed - 1)));
      const place = firstPlace(report);
      if (removed === lines.length) expect(place).toEqual({ kind: 'entry', line: null, seq: removed, type: null });
      else {
        expect(place).toMatchObject({ kind: 'entry', line: removed, seq: removed + 1 });
        expect(report.problems[0]!.message).toContain(`expected ${removed}, found ${removed + 1}`);
      }
    }), RUNS);
  });

  it('any two entries swapped are found at the first of them', async () => {
    await fc.assert(fc.asyncProperty(arbitraryLedger, fc.nat(), fc.nat(), async (ledger, a, b) => {
      const bundle = build(ledger);
      const lines = ledgerLines(bundle.files);
      fc.pre(lines.length > 1);
      const [i, j] = [a % lines.length, b % lines.length].sort((x, y) => x - y) as [number, number];
      fc.pre(i !== j);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      const place = firstPlace(await check(withLedger(bundle.files, lines)));
      expect(place).toMatchObject({ kind: 'entry', line: i + 1, seq: j + 1 });
    }), RUNS);
  });

  it('any added file is found by its path, wherever it sits in the zip', async () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,11}$/).filter((s) => s !== '..' && s !== '.');
    const addedPath = (bundle: TestBundle) => fc.oneof(
      fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/')),
      fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => `blobs/${Buffer.from(b).toString('hex')}`),
      fc.constantFrom(...bundle.files.map((f) => f.path)),
    );
    await fc.assert(fc.asyncProperty(
      arbitraryLedger.chain((ledger) => {
        const bundle = build(ledger);
        return fc.tuple(fc.constant(bundle), addedPath(bundle), fc.uint8Array({ maxLength: 200 }), fc.nat());
      }),
      async ([bundle, path, bytes, at]) => {
        const files = [...bundle.files];
        files.splice(at % (files.length + 1), 0, { path, bytes: Buffer.from(bytes) });
        expect(firstPlace(await check(files))).toEqual({ kind: 'file', path });
      },
    ), RUNS);
  });
});
