// Ledger key rotation: a new Ed25519 key, endorsed by the one it replaces and recorded in the keyring
// before its private half takes the old one's place — so every entry, old or new, names a key the
// keyring holds, and a bundle can link any of them to the newest by endorsement.
import fs from 'node:fs';
import path from 'node:path';
import type { KeyringKey } from '../../../protocol/http.ts';
import { endorsementBytes } from '../ledger/key-trust.ts';
import { createKeyring, recordSigningKey } from '../ledger/keyring.ts';
import { newSigningKeyPem, signerFromPem, type LedgerSigner } from '../ledger/signing-key.ts';
import type { Db } from '../storage/database.ts';
import { fsyncDir } from '../storage/dir-sync.ts';
import { LEDGER_KEY_SECRET, type LedgerKeySource } from './server-secrets.ts';

export interface Rotation {
  db: Db;
  /** The key the server signs with now, and where it lives (loadLedgerSigner). */
  current: { signer: LedgerSigner; source: LedgerKeySource };
  /** Where to write the new private key when the current one is a configured file (SIGHTLINE_LEDGER_KEY_FILE). */
  out: string | null;
  now: Date;
}

export interface Rotated {
  key: KeyringKey;
  /** Where the new private key is now (and, for the data dir, where the old one was kept). */
  wrote: string;
  retired: string | null;
}

export class RotationRefused extends Error {}

export async function rotateLedgerKey({ db, current, out, now }: Rotation): Promise<Rotated> {
  const { signer, source } = current;
  if (source.kind === 'file') {
    if (!out) throw new RotationRefused(`the ledger key is the file SIGHTLINE_LEDGER_KEY_FILE names (${source.path}): give --out <path> for the new key, then put it in that file's place on every instance`);
    if (path.resolve(out) === path.resolve(source.path)) throw new RotationRefused(`--out ${out} is the current key file: write the new key elsewhere, then swap it in on every instance`);
    if (fs.existsSync(out)) throw new RotationRefused(`--out ${out} exists: name a new file, so no key is overwritten`);
  } else if (out) {
    throw new RotationRefused(`--out is only for a key kept in a file of its own (SIGHTLINE_LEDGER_KEY_FILE); this key lives in the ${source.kind === 'database' ? 'database' : 'data dir'}, which the rotation updates itself`);
  }
  const keyring = createKeyring(db);
  await recordSigningKey(keyring, signer, now);
  const since = (await keyring.list()).find((key) => key.keyId === signer.key.keyId)!.createdAt;
  // Later than the key it replaces, whatever this machine's clock says: the oldest key is the one
  // entries without a key id were signed with.
  const createdAt = new Date(Math.max(now.getTime(), Date.parse(since) + 1)).toISOString();
  const pem = newSigningKeyPem();
  const fresh = signerFromPem(pem, 'the new ledger key');
  const unsigned = { ...fresh.key, createdAt };
  const key: KeyringKey = { ...unsigned, endorsedBy: signer.key.keyId, endorsement: signer.sign(endorsementBytes(unsigned)) };
  // The public half first: a key in the keyring that never signs is harmless, a signing key missing from it is not.
  await keyring.record(key);

  if (source.kind === 'database') {
    const refused = new RotationRefused('the database\'s ledger key changed while rotating (another rotation at the same time?): run npm run ledger-key -- list and try again');
    const stored = await db.q().selectFrom('server_secrets').select('value').where('name', '=', LEDGER_KEY_SECRET).executeTakeFirstOrThrow();
    if (signerFromPem(stored.value, 'the database\'s ledger signing key').key.keyId !== signer.key.keyId) throw refused;
    // Only if no one replaced it meanwhile: two rotations at once leave one winner, not a lost key.
    const swapped = await db.q().updateTable('server_secrets').set({ value: pem }).where('name', '=', LEDGER_KEY_SECRET).where('value', '=', stored.value).executeTakeFirst();
    if (Number(swapped.numUpdatedRows) !== 1) throw refused;
    return { key, wrote: `the database (server_secrets row ${LEDGER_KEY_SECRET})`, retired: null };
  }
  if (source.kind === 'data-dir') {
    const dir = path.dirname(source.path);
    const retired = path.join(dir, `ledger-signing-key.${signer.key.keyId}.retired.pem`);
    writeAtomically(retired, fs.readFileSync(source.path));
    writeAtomically(source.path, Buffer.from(pem, 'utf8'));
    await fsyncDir(dir);
    return { key, wrote: source.path, retired };
  }
  const target = path.resolve(out!);
  // 'wx': never overwrite a file that may be some other key.
  fs.writeFileSync(target, pem, { mode: 0o600, flag: 'wx' });
  return { key, wrote: target, retired: null };
}

/** Temp file, fsync, rename: the file holds the old bytes or the new, never a part. */
function writeAtomically(file: string, bytes: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  fs.chmodSync(file, 0o600);
}
