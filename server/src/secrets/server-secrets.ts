// The secrets every instance must share: the ledger signing key (entries signed on one instance verify
// with the key the others publish) and the signalling secret (a peer credential minted on one instance
// is admitted on another; join links are sealed with a key derived from it). Each comes from, first:
//   1. a file named in the configuration (SIGHTLINE_LEDGER_KEY_FILE, SIGHTLINE_SIGNALLING_SECRET_FILE),
//      the same on every instance — the way to keep the ledger key apart from the entries it signs;
//   2. on PostgreSQL, the database: made by whichever instance starts first (insert if absent, then
//      read back what is there), so instances started together agree;
//   3. on SQLite (one instance), the data dir, as before: made on first start.
// The ledger key that signs is recorded in the keyring (ledger/keyring.ts) at start, if absent.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { createKeyring, recordSigningKey } from '../ledger/keyring.ts';
import { LEDGER_KEY_FILE, loadOrCreateSigner, newSigningKeyPem, signerFromPem, type LedgerSigner } from '../ledger/signing-key.ts';
import type { Db } from '../storage/database.ts';

export interface ServerSecrets {
  signer: LedgerSigner;
  signallingSecret: Buffer;
}

export interface SecretSources {
  db: Db;
  dataDir: string;
  files: { ledgerKey: string | null; signallingSecret: string | null };
  log: Pick<Logger, 'warn'>;
  clock: () => Date;
}

const MIN_SECRET_BYTES = 32;

/** The name of the ledger key's row in `server_secrets` (PostgreSQL without a key file). */
export const LEDGER_KEY_SECRET = 'ledger-signing-key';

/** Where the ledger key lives: what `npm run ledger-key -- rotate` replaces. */
export type LedgerKeySource =
  | { kind: 'file'; path: string }
  | { kind: 'database' }
  | { kind: 'data-dir'; path: string };

export async function loadServerSecrets(sources: SecretSources): Promise<ServerSecrets> {
  const { signer } = await loadLedgerSigner(sources);
  const warning = await recordSigningKey(createKeyring(sources.db), signer, sources.clock());
  if (warning) sources.log.warn(warning);
  return { signer, signallingSecret: await signallingSecret(sources) };
}

/** The ledger key exactly as the server loads it, and where it came from. */
export async function loadLedgerSigner({ db, dataDir, files, log, clock }: SecretSources): Promise<{ signer: LedgerSigner; source: LedgerKeySource }> {
  if (files.ledgerKey) {
    const signer = signerFromPem(readConfigured(files.ledgerKey, 'SIGHTLINE_LEDGER_KEY_FILE').toString('utf8'), `SIGHTLINE_LEDGER_KEY_FILE (${files.ledgerKey})`);
    return { signer, source: { kind: 'file', path: files.ledgerKey } };
  }
  if (db.dialect === 'sqlite') return { signer: loadOrCreateSigner(dataDir), source: { kind: 'data-dir', path: path.join(dataDir, LEDGER_KEY_FILE) } };
  log.warn('the ledger signing key is kept in the database beside the entries it signs; set SIGHTLINE_LEDGER_KEY_FILE to keep it apart (docs/DEPLOY.md)');
  const pem = await shared(db, LEDGER_KEY_SECRET, newSigningKeyPem, clock);
  return { signer: signerFromPem(pem, 'the database\'s ledger signing key'), source: { kind: 'database' } };
}

async function signallingSecret({ db, dataDir, files, clock }: SecretSources): Promise<Buffer> {
  if (files.signallingSecret) {
    const secret = readConfigured(files.signallingSecret, 'SIGHTLINE_SIGNALLING_SECRET_FILE');
    if (secret.length < MIN_SECRET_BYTES) {
      throw new Error(`SIGHTLINE_SIGNALLING_SECRET_FILE (${files.signallingSecret}) holds ${secret.length} bytes; it needs at least ${MIN_SECRET_BYTES} (make one with: openssl rand -out <file> 32)`);
    }
    return secret;
  }
  if (db.dialect === 'sqlite') return dataDirSecret(path.join(dataDir, 'signalling.key'));
  return Buffer.from(await shared(db, 'signalling-secret', () => crypto.randomBytes(MIN_SECRET_BYTES).toString('base64'), clock), 'base64');
}

function readConfigured(file: string, variable: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new Error(`${variable}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
}

/** The signalling HMAC key survives restarts so tokens minted just before one stay valid. */
function dataDirSecret(file: string): Buffer {
  if (fs.existsSync(file)) return fs.readFileSync(file);
  const secret = crypto.randomBytes(MIN_SECRET_BYTES);
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The database's value of a secret, made now by `make` when no instance has made it yet. */
async function shared(db: Db, name: string, make: () => string, clock: () => Date): Promise<string> {
  await db.q().insertInto('server_secrets').values({ name, value: make(), created_at: clock().toISOString() }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const row = await db.q().selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
