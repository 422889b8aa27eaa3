// What a command run beside the server (npm run retention, npm run legal-hold) opens, the way the
// server opens it: its database (PostgreSQL when SIGHTLINE_DATABASE_URL names one, else the data dir's
// SQLite file), its ledger key (SIGHTLINE_LEDGER_KEY_FILE, else the database or the data dir), and a
// ledger stamped as the server stamps (the database's clock when several instances share it).
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { createKeyring, recordSigningKey } from '../ledger/keyring.ts';
import { createLedgerStore, type LedgerStore } from '../ledger/ledger-store.ts';
import { LEDGER_KEY_FILE } from '../ledger/signing-key.ts';
import { loadLedgerSigner } from '../secrets/server-secrets.ts';
import { openDatabase, type Db } from '../storage/database.ts';

export interface OfflineState {
  db: Db;
  ledger: LedgerStore;
}

/** The server's database and ledger, or why `dataDir` is not a Sightline one (nothing is created then). */
export async function openOffline(env: NodeJS.ProcessEnv, dataDir: string): Promise<OfflineState | { refusal: string }> {
  const dbFile = path.join(dataDir, 'sightline.db');
  const databaseUrl = env.SIGHTLINE_DATABASE_URL?.trim() || null;
  const keyFile = env.SIGHTLINE_LEDGER_KEY_FILE?.trim() ? path.resolve(env.SIGHTLINE_LEDGER_KEY_FILE.trim()) : null;
  // Refuse a data dir that is not a Sightline one rather than create an empty database and a new key.
  if (databaseUrl === null && (!fs.existsSync(dbFile) || (keyFile === null && !fs.existsSync(path.join(dataDir, LEDGER_KEY_FILE))))) {
    return { refusal: `${dataDir} holds no Sightline database and ledger key (pass --data-dir)` };
  }
  const db = await openDatabase(databaseUrl === null ? dbFile : { kind: 'postgres', url: databaseUrl });
  try {
    const clock = () => new Date();
    const { signer } = await loadLedgerSigner({ db, dataDir, files: { ledgerKey: keyFile, signallingSecret: null }, log: pino({ level: 'silent' }), clock });
    await recordSigningKey(createKeyring(db), signer, clock());
    return { db, ledger: createLedgerStore(db, db.dialect === 'postgres' ? 'database' : clock, signer) };
  } catch (error) {
    await db.close();
    throw error;
  }
}
