// Hostile bundles against the real sightline-verify CLI in a child process, zips written byte by
// byte: central-directory records pointing many times at one deflate bomb, a 200,000-level payload
// in a hashed and signed ledger line, byte-order marks, sizes that lie, garbage. Each must end in
// `FAILED: …` (exit 1) or "cannot read" (exit 2) — never a stack trace — within 1 GiB of memory.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_FILE, MANIFEST_FILE } from '../../../protocol/bundle.ts';
import { ledgerLines, makeBundle, withLedger, type TestBundle, type ZipFile } from '../verifier/bundle-builder.ts';
import { deflateBomb, hostileZip, stored, type LocalEntry } from './hostile-zip.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/verifier/bin.mjs');
const TIME = '/usr/bin/time';
const GiB = 1024 * 1024 * 1024;
const DEPTH = 200_000;
/** Inflates to 400 MB from about 400 kB: what the tester pointed four central-directory records at. */
const BOMB_BYTES = 400 * 1024 * 1024;

let dir: string;
let bundle: TestBundle;
let bomb: LocalEntry;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the verifier process, in bytes. */
  peak: number;
}

/** The CLI on `file`, its peak RSS from GNU time (or, without it, from VmHWM polled while it runs). */
async function verify(file: string): Promise<Run> {
  const withTime = fs.existsSync(TIME);
  const [command, args] = withTime ? [TIME, ['-f', 'peak-rss-kb %M', process.execPath, BIN, file]] : [process.execPath, [BIN, file]];
  let polled = 0;
  const run = await new Promise<Omit<Run, 'peak'>>((resolve) => {
    const child = execFile(command, args, { cwd: dir, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      clearInterval(poll);
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
    const poll = withTime ? undefined : setInterval(() => {
      polled = Math.max(polled, highWaterMark(child.pid));
    }, 10);
  });
  // GNU time appends its own lines to the child's stderr: the exit status, then the format.
  const timed = run.stderr.match(/(?:Command exited with non-zero status \d+\n)?peak-rss-kb (\d+)\n?$/);
  return { ...run, stderr: timed ? run.stderr.slice(0, timed.index) : run.stderr, peak: timed ? Number(timed[1]) * 1024 : polled };
}

function highWaterMark(pid: number | undefined): number {
  try {
    const found = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
    return found ? Number(found[1]) * 1024 : 0;
  } catch {
    return 0; // gone already: the last reading stands
  }
}

function expectVerdict(run: Run, code: 1 | 2, first: RegExp): void {
  expect(run.stderr).not.toMatch(/\n\s+at |RangeError|TypeError|Maximum call stack|heap out of memory/);
  expect(run.code).toBe(code);
  if (code === 1) {
    expect(run.stdout).toMatch(first);
    expect(run.stderr).toBe('');
  } else {
    expect(run.stderr).toMatch(first);
    expect(run.stdout).toBe('');
  }
  expect(run.peak).toBeGreaterThan(0);
  expect(run.peak).toBeLessThan(GiB);
}

function write(name: string, zip: Buffer): string {
  fs.writeFileSync(path.join(dir, name), zip);
  return name;
}

const storedAll = (files: readonly ZipFile[]): LocalEntry[] => files.map((file) => stored(file.path, file.bytes));
const withFile = (files: readonly ZipFile[], name: string, bytes: Buffer): ZipFile[] => files.map((f) => (f.path === name ? { path: name, bytes } : f));

/**
 * Line 2 as an attacker makes it: a chat line whose payload nests arrays 200,000 deep, linked to
 * line 1, with the sha-256 of its canonical bytes (which, for nested empty arrays, are the text
 * itself) and a real signature by the bundle's key — everything right but the depth.
 */
function deepLine(): Buffer {
  const first = bundle.entries[0]!;
  const deep = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
  const at = '2026-01-01T09:00:01.000Z';
  const canonical = `{"actor":{"id":"usr_test","type":"assessor"},"at":"${at}","blobs":[],"caseId":"${first.caseId}",` +
    `"payload":{"notes":${deep}},"prevHash":"${first.hash}","seq":2,"type":"chat.line"}`;
  const hash = crypto.createHash('sha256').update(canonical).digest('hex');
  return Buffer.from(`{"caseId":"${first.caseId}","seq":2,"at":"${at}","actor":{"type":"assessor","id":"usr_test"},"type":"chat.line",` +
    `"payload":{"notes":${deep}},"blobs":[],"prevHash":"${first.hash}","hash":"${hash}","signature":"${bundle.key.sign(canonical)}"}\n`);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-verifier-abuse-'));
  bundle = makeBundle([
    { type: 'case.created', payload: { title: 'Hail' }, blobs: [] },
    { type: 'chat.line', payload: { text: 'placeholder' }, blobs: [] },
    { type: 'evidence.added', payload: { kind: 'photo' }, blobs: [0] },
  ], [Buffer.from('photo bytes')]);
  bomb = await deflateBomb(MANIFEST_FILE, BOMB_BYTES);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('sightline-verify against hostile bundles', () => {
  it('verifies the honest bundle, written byte by byte (the baseline the attacks start from)', async () => {
    const run = await verify(write('honest.zip', hostileZip(storedAll(bundle.files))));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^VERIFIED: case case_test — 3 ledger entries/);
  }, 30_000);

  it('refuses four central-directory records of manifest.json at one 400 MB deflate bomb without inflating it', async () => {
    expect(bomb.data.length).toBeLessThan(1024 * 1024);
    const run = await verify(write('dup-bomb.zip', hostileZip([bomb], [{ local: 0 }, { local: 0 }, { local: 0 }, { local: 0 }])));
    expectVerdict(run, 2, /^sightline-verify: cannot read dup-bomb\.zip: manifest\.json is 419430400 bytes, more than a bundle file of its kind can be/);
    expect(run.peak).toBeLessThan(256 * 1024 * 1024);
  }, 30_000);

  it('refuses the bomb under every name whose bytes the checks keep, one after another', async () => {
    const names = [LEDGER_FILE, 'public-key.pem', MANIFEST_FILE];
    const run = await verify(write('renamed-bomb.zip', hostileZip([bomb], names.map((name) => ({ local: 0, name })))));
    expectVerdict(run, 2, /^sightline-verify: cannot read renamed-bomb\.zip: ledger\.jsonl is 419430400 bytes/);
  }, 30_000);

  it('reports copies of manifest.json pointing at the bomb as copies, and never reads them', async () => {
    const honest = storedAll(bundle.files);
    const central = [...honest.keys(), honest.length, honest.length, honest.length].map((local) => ({ local }));
    const run = await verify(write('copies.zip', hostileZip([...honest, bomb], central)));
    expectVerdict(run, 1, /^FAILED: manifest\.json: is in the zip more than once: a copy was added\n2 more problems:/);
    expect(run.peak).toBeLessThan(256 * 1024 * 1024);
  }, 30_000);

  it('refuses a deflate bomb whose central directory says it is small (the sizes lie)', async () => {
    const liar = { ...bomb, name: LEDGER_FILE, uncompressedSize: 4096 };
    const files = storedAll(bundle.files).map((file) => (file.name === LEDGER_FILE ? liar : file));
    const run = await verify(write('lying-sizes.zip', hostileZip(files)));
    expectVerdict(run, 2, /^sightline-verify: cannot read lying-sizes\.zip: the data of ledger\.jsonl cannot be read: /);
  }, 30_000);

  it('fails a hashed, signed ledger line nesting its payload 200,000 deep, naming the line', async () => {
    const lines = ledgerLines(bundle.files);
    lines[1] = deepLine();
    const run = await verify(write('deep-ledger.zip', hostileZip(storedAll(withLedger(bundle.files, lines)))));
    expectVerdict(run, 1, /^FAILED: ledger entry at ledger\.jsonl line 2: the line nests arrays or objects more than 64 deep/);
  }, 30_000);

  it('fails a manifest nesting a field 200,000 deep', async () => {
    const manifest = JSON.parse(bundle.files.find((f) => f.path === MANIFEST_FILE)!.bytes.toString('utf8')) as Record<string, unknown>;
    const text = JSON.stringify({ ...manifest, format: '@' }).replace('"@"', `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`);
    const run = await verify(write('deep-manifest.zip', hostileZip(storedAll(withFile(bundle.files, MANIFEST_FILE, Buffer.from(text))))));
    expectVerdict(run, 1, /^FAILED: manifest\.json: nests arrays or objects more than 64 deep/);
  }, 30_000);

  it('fails a manifest.json or ledger.jsonl that starts with a byte-order mark', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    for (const name of [MANIFEST_FILE, LEDGER_FILE]) {
      const original = bundle.files.find((f) => f.path === name)!.bytes;
      const run = await verify(write('bom.zip', hostileZip(storedAll(withFile(bundle.files, name, Buffer.concat([bom, original]))))));
      const place = name === MANIFEST_FILE ? 'manifest\\.json: ' : 'ledger entry at ledger\\.jsonl line 1: the line ';
      expectVerdict(run, 1, new RegExp(`^FAILED: ${place}starts with a byte-order mark \\(EF BB BF\\)`));
    }
  }, 30_000);

  it('says it cannot read a truncated zip or garbage, and exits 2', async () => {
    const honest = hostileZip(storedAll(bundle.files));
    const garbage = Buffer.concat([Buffer.from('PK\u0005\u0006'), crypto.randomBytes(4096)]);
    for (const [name, bytes] of [['truncated.zip', honest.subarray(0, honest.length - 30)], ['garbage.zip', garbage]] as const) {
      const run = await verify(write(name, bytes));
      expectVerdict(run, 2, new RegExp(`^sightline-verify: cannot read ${name.replace('.', '\\.')}: `));
    }
  }, 30_000);
});
