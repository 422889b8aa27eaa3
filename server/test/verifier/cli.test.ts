// The sightline-verify CLI: exit codes and output, through the real bin launcher in a child process
// (wrong key, corrupt zip) and in-process for the usage errors.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/verifier/cli.ts';
import { ledgerLines, makeBundle, makeKey, withLedger, zip } from './bundle-builder.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/verifier/bin.mjs');
const execFileAsync = promisify(execFile);
let dir: string;

async function bin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [BIN, ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function inProcess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), cwd: dir };
  return { code: await main(args, io), ...out };
}

const key = makeKey();
const bundle = makeBundle([
  { type: 'case.created', payload: { title: 'Storm' }, blobs: [] },
  { type: 'evidence.added', payload: { kind: 'photo' }, blobs: [0] },
  { type: 'chat.line', payload: { text: 'roof tiles' }, blobs: [] },
], [Buffer.from('photo')], key);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-verify-'));
  fs.writeFileSync(path.join(dir, 'bundle.zip'), await zip(bundle.files));
  fs.writeFileSync(path.join(dir, 'trusted.pem'), key.publicKeyPem);
  fs.writeFileSync(path.join(dir, 'other.pem'), makeKey().publicKeyPem);
  const lines = ledgerLines(bundle.files);
  lines[1] = Buffer.from(lines[1]!.toString('utf8').replace('"photo"', '"video"'), 'utf8');
  fs.writeFileSync(path.join(dir, 'tampered.zip'), await zip(withLedger(bundle.files, lines)));
  const good = fs.readFileSync(path.join(dir, 'bundle.zip'));
  fs.writeFileSync(path.join(dir, 'truncated.zip'), good.subarray(0, good.length - 40));
  fs.writeFileSync(path.join(dir, 'noise.zip'), Buffer.from('PK\u0003\u0004 this is not really a zip file at all'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('sightline-verify', () => {
  it('exits 0 with VERIFIED against the trusted key', async () => {
    const result = await bin('bundle.zip', '--key', 'trusted.pem');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^VERIFIED: case case_test — 3 ledger entries \(seq 1–3\), 1 blobs \(5 bytes\), head hash [0-9a-f]{64}, signed by Ed25519 key [0-9a-f]{16}\n/);
    expect(result.stdout).toContain('Key: checked against the key you trust (--key trusted.pem)');
  });

  it('exits 1 naming the key when the bundle is checked against a wrong --key', async () => {
    const result = await bin('bundle.zip', '--key', 'other.pem');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAILED: public-key\.pem: the bundle is signed with key id [0-9a-f]{16}, not with the key you trust/);
  });

  it('exits 1 naming the altered entry by seq, type and line', async () => {
    const result = await inProcess('tampered.zip', '--key-id', key.keyId);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAILED: ledger entry \(seq 2, evidence\.added\) at ledger\.jsonl line 2: entry content does not match its hash\n/);
  });

  it('exits 2 on a corrupt or truncated zip, and on a missing file', async () => {
    for (const file of ['noise.zip', 'truncated.zip']) {
      const result = await (file === 'noise.zip' ? bin(file) : inProcess(file));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^sightline-verify: cannot read ${file}: `));
      expect(result.stdout).toBe('');
    }
    expect((await inProcess('absent.zip')).code).toBe(2);
  });

  it('exits 2 on usage errors', async () => {
    expect((await inProcess()).code).toBe(2);
    expect((await inProcess('a.zip', 'b.zip')).code).toBe(2);
    expect((await inProcess('bundle.zip', '--frobnicate')).code).toBe(2);
    expect((await inProcess('bundle.zip', '--key-id', 'xyz')).stderr).toContain('not a key id');
    expect((await inProcess('bundle.zip', '--key', 'absent.pem')).code).toBe(2);
    expect((await inProcess('bundle.zip', '--key', 'bundle.zip')).stderr).toContain('not a PEM public key');
    const help = await inProcess('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: sightline-verify');
  });

  it('prints the whole report as JSON on request', async () => {
    const result = await inProcess('bundle.zip', '--json');
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, entries: 3, blobs: 1, key: { source: 'bundle' }, problems: [] });
  });
});
