// The secrets instances share: from configured files, else (PostgreSQL) one copy in the database that
// the first instance makes and every other reads, else (SQLite) the data dir.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newSigningKeyPem } from '../../src/ledger/signing-key.ts';
import { loadServerSecrets, type SecretSources } from '../../src/secrets/server-secrets.ts';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import { engines, openFresh, type Engine } from '../support/engines.ts';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const warnings: string[] = [];
const log = { warn: (msg: string) => warnings.push(msg) } as unknown as SecretSources['log'];
const noFiles = { ledgerKey: null, signallingSecret: null };
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-secrets-'));

async function freshOn(engine: Engine): Promise<{ db: Db; another: () => Promise<Db> }> {
  const made = await openFresh(engine);
  cleanup.push(made.close);
  return {
    db: made.db,
    another: async () => {
      const db = await openDatabase(made.location);
      cleanup.push(() => db.close());
      return db;
    },
  };
}

const [sqlite, postgres] = engines() as [Engine, Engine];

describe.each(engines())('server secrets on $name', (engine) => {
  it.skipIf(engine.skip)('come from configured files, the same for every instance', async () => {
    const { db } = await freshOn(engine);
    const dir = tempDir();
    const keyFile = path.join(dir, 'ledger.pem');
    const secretFile = path.join(dir, 'signalling.key');
    fs.writeFileSync(keyFile, newSigningKeyPem());
    fs.writeFileSync(secretFile, crypto.randomBytes(48));
    const files = { ledgerKey: keyFile, signallingSecret: secretFile };
    const a = await loadServerSecrets({ db, dataDir: tempDir(), files, log, clock: () => new Date() });
    const b = await loadServerSecrets({ db, dataDir: tempDir(), files, log, clock: () => new Date() });
    expect(b.signer.key).toEqual(a.signer.key);
    expect(b.signallingSecret.equals(fs.readFileSync(secretFile))).toBe(true);
    expect(crypto.verify(null, Buffer.from('x'), crypto.createPublicKey(a.signer.key.publicKeyPem), Buffer.from(b.signer.sign('x'), 'base64url'))).toBe(true);
  });

  it.skipIf(engine.skip)('refuse a configured file that is missing, not an Ed25519 key, or too short a secret, naming the variable', async () => {
    const { db } = await freshOn(engine);
    const dir = tempDir();
    const load = (files: SecretSources['files']) => loadServerSecrets({ db, dataDir: dir, files, log, clock: () => new Date() });
    await expect(load({ ledgerKey: path.join(dir, 'nope.pem'), signallingSecret: null })).rejects.toThrow(/SIGHTLINE_LEDGER_KEY_FILE: cannot read .*ENOENT/);
    const rsa = path.join(dir, 'rsa.pem');
    fs.writeFileSync(rsa, crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await expect(load({ ledgerKey: rsa, signallingSecret: null })).rejects.toThrow(/SIGHTLINE_LEDGER_KEY_FILE .* is not an Ed25519 private key/);
    const garbage = path.join(dir, 'garbage.pem');
    fs.writeFileSync(garbage, 'not a key');
    await expect(load({ ledgerKey: garbage, signallingSecret: null })).rejects.toThrow(/is not a PEM private key/);
    const short = path.join(dir, 'short.key');
    fs.writeFileSync(short, crypto.randomBytes(16));
    await expect(load({ ledgerKey: null, signallingSecret: short })).rejects.toThrow(/SIGHTLINE_SIGNALLING_SECRET_FILE .* holds 16 bytes; it needs at least 32/);
  });
});

describe('server secrets, where each engine keeps them', () => {
  it.skipIf(postgres.skip)('are made once in the database when instances start together, and read back by every one', async () => {
    const { db, another } = await freshOn(postgres);
    const handles = [db, await another(), await another(), await another()];
    const loaded = await Promise.all(handles.map((handle) => loadServerSecrets({ db: handle, dataDir: tempDir(), files: noFiles, log, clock: () => new Date() })));
    for (const secrets of loaded) {
      expect(secrets.signer.key).toEqual(loaded[0]!.signer.key);
      expect(secrets.signallingSecret.equals(loaded[0]!.signallingSecret)).toBe(true);
    }
    expect(loaded[0]!.signallingSecret.length).toBe(32);
    // And again after a restart.
    const later = await loadServerSecrets({ db: await another(), dataDir: tempDir(), files: noFiles, log, clock: () => new Date() });
    expect(later.signer.key).toEqual(loaded[0]!.signer.key);
    expect(warnings.some((w) => w.includes('SIGHTLINE_LEDGER_KEY_FILE'))).toBe(true);
  });

  it('stay in the data dir on SQLite, made on first start and kept', async () => {
    const { db } = await freshOn(sqlite);
    const dataDir = tempDir();
    const first = await loadServerSecrets({ db, dataDir, files: noFiles, log, clock: () => new Date() });
    const again = await loadServerSecrets({ db, dataDir, files: noFiles, log, clock: () => new Date() });
    expect(again.signer.key).toEqual(first.signer.key);
    expect(again.signallingSecret.equals(first.signallingSecret)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'ledger-signing-key.pem'))).toBe(true);
    expect(await db.q().selectFrom('server_secrets').selectAll().execute()).toEqual([]);
  });
});
