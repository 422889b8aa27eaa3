// The ledger-key command's refusals and the key-file case: a key in SIGHTLINE_LEDGER_KEY_FILE is
// rotated into a new file (--out, required), never over an existing one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newSigningKeyPem, signerFromPem } from '../../src/ledger/signing-key.ts';
import { main } from '../../src/secrets/ledger-key-cli.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function setup(): { dir: string; keyFile: string; env: Record<string, string> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-ledger-key-'));
  dirs.push(dir);
  const keyFile = path.join(dir, 'ledger.pem');
  fs.writeFileSync(keyFile, newSigningKeyPem(), { mode: 0o600 });
  return { dir, keyFile, env: { SIGHTLINE_DATA_DIR: dir, SIGHTLINE_LEDGER_KEY_FILE: keyFile, LOG_LEVEL: 'silent' } };
}

async function run(argv: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(argv, (line) => lines.push(line), env);
  return { code, out: lines.join('\n') };
}

describe('npm run ledger-key', () => {
  it('refuses an unknown command, extra words, and list with --out', async () => {
    const { env } = setup();
    for (const argv of [[], ['spin'], ['rotate', 'now'], ['list', '--out', 'x.pem'], ['rotate', '--bogus']]) {
      const result = await run(argv, env);
      expect(result.code).toBe(2);
      expect(result.out).toContain('usage: npm run ledger-key');
    }
  });

  it('with a key file: needs --out, refuses the key file itself or an existing file, writes a new 0600 key', async () => {
    const { dir, keyFile, env } = setup();
    expect(await run(['rotate'], env)).toMatchObject({ code: 2, out: expect.stringContaining('give --out <path>') });
    expect(await run(['rotate', '--out', keyFile], env)).toMatchObject({ code: 2, out: expect.stringContaining('is the current key file') });
    const out = path.join(dir, 'next.pem');
    fs.writeFileSync(out, 'something else');
    expect(await run(['rotate', '--out', out], env)).toMatchObject({ code: 2, out: expect.stringContaining('exists: name a new file') });
    fs.rmSync(out);

    const result = await run(['rotate', '--out', out], env);
    expect(result.code).toBe(0);
    const fresh = signerFromPem(fs.readFileSync(out, 'utf8'), out);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(result.out).toContain(`new ledger key ${fresh.key.keyId}, endorsed by ${signerFromPem(fs.readFileSync(keyFile, 'utf8'), keyFile).key.keyId}`);
    expect(result.out).toContain(`put ${out} in place of ${keyFile}`);
    const listed = await run(['list'], env);
    expect(listed.out.split('\n')).toHaveLength(2);
    expect(listed.out).toContain(`${fresh.key.keyId}  `);
  });

  it('refuses --out when the key lives in the data dir', async () => {
    const { dir } = setup();
    const result = await run(['rotate', '--out', path.join(dir, 'x.pem')], { SIGHTLINE_DATA_DIR: dir, LOG_LEVEL: 'silent' });
    expect(result).toMatchObject({ code: 2, out: expect.stringContaining('--out is only for a key kept in a file of its own') });
  });
});
