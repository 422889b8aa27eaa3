// The one-file verifier the server hands to auditors: built from the same source, it runs with Node.js
// alone (no node_modules beside it) and gives the same verdicts as the CLI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module script without types
import { buildVerifier } from '../../../scripts/build-verifier.mjs';
import { makeBundle, makeKey, zip } from './bundle-builder.ts';

let dir: string;
let verifier: string;
const key = makeKey();
const bundle = makeBundle([
  { type: 'case.created', payload: { title: 'Flood' }, blobs: [] },
  { type: 'evidence.added', payload: { mime: 'image/jpeg' }, blobs: [0, 1] },
], [Buffer.from('photo bytes'), Buffer.from('preview bytes')], key);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-standalone-'));
  verifier = await buildVerifier(path.join(dir, 'sightline-verify.cjs'));
  fs.writeFileSync(path.join(dir, 'key.pem'), key.publicKeyPem);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [verifier, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } });

describe('the standalone verifier', () => {
  it('is one file that verifies an untouched bundle against the trusted key', async () => {
    fs.writeFileSync(path.join(dir, 'bundle.zip'), await zip(bundle.files));
    const result = run('bundle.zip', '--key', 'key.pem');
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^VERIFIED: case case_test — 2 ledger entries/);
    expect(result.status).toBe(0);
  });

  it('names an altered photo copy and exits 1', async () => {
    const altered = bundle.files.map((f) => (f.path.startsWith('photos/') ? { ...f, bytes: Buffer.from('other bytes') } : f));
    fs.writeFileSync(path.join(dir, 'altered.zip'), await zip(altered));
    const result = run('altered.zip', '--key', 'key.pem');
    expect(result.stdout).toMatch(/^FAILED: photos\/001-[0-9a-f]{12}\.jpg: was altered/);
    expect(result.status).toBe(1);
  });
});
