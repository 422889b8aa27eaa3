// `npm run ledger-key -- rotate [--out <path>]` and `npm run ledger-key -- list`: rotates the ledger
// signing key and prints the keyring. Reads the same configuration as the server (SIGHTLINE_DATA_DIR,
// SIGHTLINE_DATABASE_URL, SIGHTLINE_LEDGER_KEY_FILE), so it finds the key where the server does.
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import type { KeyringKey } from '../../../protocol/http.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { createKeyring } from '../ledger/keyring.ts';
import { openDatabase } from '../storage/database.ts';
import { rotateLedgerKey, RotationRefused } from './rotate-ledger-key.ts';
import { loadLedgerSigner } from './server-secrets.ts';

const USAGE = `usage: npm run ledger-key -- rotate [--out <path>]   make a new ledger key, endorsed by the current one
       npm run ledger-key -- list                   print the keyring (every key that ever signed)
--out is required when the key is the file SIGHTLINE_LEDGER_KEY_FILE names: the new key is written there.`;

export async function main(argv: string[], out: (line: string) => void = console.log, env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' } } });
  } catch (error) {
    out(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command, ...extra] = parsed.positionals;
  if ((command !== 'rotate' && command !== 'list') || extra.length > 0 || (command === 'list' && parsed.values.out !== undefined)) {
    out(USAGE);
    return 2;
  }
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      out(error.message);
      return 2;
    }
    throw error;
  }
  const db = await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'sqlite', file: path.join(config.dataDir, 'sightline.db') });
  try {
    const current = await loadLedgerSigner({ db, dataDir: config.dataDir, files: config.secretFiles, log: pino({ level: 'silent' }), clock: now });
    if (command === 'list') {
      const keys = await createKeyring(db).list();
      for (const line of describeKeyring(keys, current.signer.key.keyId)) out(line);
      return 0;
    }
    const rotated = await rotateLedgerKey({ db, current, out: parsed.values.out ?? null, now: now() });
    out(`new ledger key ${rotated.key.keyId}, endorsed by ${current.signer.key.keyId}, recorded in the keyring`);
    out(`its private key: ${rotated.wrote}`);
    if (rotated.retired) out(`the old private key is kept in ${rotated.retired} (mode 0600); delete it or move it offline once every instance signs with the new key`);
    if (current.source.kind === 'file') {
      out('next, on every instance:');
      out(`  1. put ${rotated.wrote} in place of ${current.source.path} (keep it mode 0600)`);
      out('  2. restart the instance; until then it signs with the old key, which stays verifiable');
      out(`  3. check: GET /api/ledger/key names key ${rotated.key.keyId}`);
    } else {
      out(`restart the server (every instance) to sign with the new key; until then entries are signed with ${current.signer.key.keyId}, which stays verifiable`);
    }
    return 0;
  } catch (error) {
    if (error instanceof RotationRefused) {
      out(error.message);
      return 2;
    }
    throw error;
  } finally {
    await db.close();
  }
}

export function describeKeyring(keys: readonly KeyringKey[], currentKeyId: string): string[] {
  if (keys.length === 0) return [`the keyring is empty: the server records its key (${currentKeyId}) when it starts`];
  return keys.map((key, index) => [
    key.keyId,
    key.createdAt,
    key.endorsedBy ? `endorsed by ${key.endorsedBy}` : index === 0 ? 'first key (checks the entries that name no key)' : 'endorsed by no key (replaced by hand)',
    key.keyId === currentKeyId ? '(current)' : '',
  ].join('  ').trimEnd());
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = await main(process.argv.slice(2));
}
