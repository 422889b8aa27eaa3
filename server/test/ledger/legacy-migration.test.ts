// A database from before entries named their key: its entries (no key_id) survive the migration byte
// for byte and verify against the keyring's oldest key — the key the server records at its first start
// after the upgrade — next to new entries that name their key, and still after a rotation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../protocol/http.ts';
import { GENESIS_HASH, sealEntry } from '../../src/ledger/chain.ts';
import { createKeyring, recordSigningKey } from '../../src/ledger/keyring.ts';
import { createLedgerStore } from '../../src/ledger/ledger-store.ts';
import { loadOrCreateSigner } from '../../src/ledger/signing-key.ts';
import { verifyCase } from '../../src/ledger/verify.ts';
import { rotateLedgerKey } from '../../src/secrets/rotate-ledger-key.ts';
import { createLocalBlobStore } from '../../src/storage/blob-store.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { migratePostgres, migrateSqlite } from '../../src/storage/migrate.ts';
import { postgresMigrations } from '../../src/storage/postgres-migrations.ts';
import { sqliteMigrations } from '../../src/storage/sqlite-migrations.ts';
import { engines } from '../support/engines.ts';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe.each(engines())('a ledger from before key ids, on $name', (engine) => {
  it.skipIf(engine.skip)('migrates, and its entries verify with the oldest key beside new ones, after a rotation too', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-legacy-'));
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const made = await engine.fresh();
    cleanup.push(made.drop);
    const signer = loadOrCreateSigner(dataDir);
    const legacy: LedgerEntry[] = [];
    for (const seq of [1, 2, 3]) {
      legacy.push(sealEntry({
        caseId: 'case_old', seq, at: `2025-06-0${seq}T10:00:00.000Z`, actor: { type: 'system', id: 'system' },
        type: 'chat.line', payload: { text: `line ${seq}` }, blobs: [], prevHash: legacy.at(-1)?.hash ?? GENESIS_HASH,
      }, signer.sign));
    }
    const rows = legacy.map((e) => [e.caseId, e.seq, e.seq === 1 ? null : e.seq - 1, e.at, e.actor.type, e.actor.id, e.type, JSON.stringify(e.payload), '[]', e.prevHash, e.hash, e.signature]);
    const insertUser = `INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES ('usr_1', 'a@b.c', 'A', 'admin', 'x', '2025-01-01')`;
    const insertCase = `INSERT INTO cases (id, kind, title, customer_name, assessor_id, created_by, created_at) VALUES ('case_old', 'damage', 'Old', NULL, 'usr_1', 'usr_1', '2025-06-01')`;
    const columns = 'case_id, seq, prev_seq, at, actor_type, actor_id, type, payload, blobs, prev_hash, hash, signature';
    // The schema as it was: every step but the one that adds key ids.
    if (made.location.kind === 'sqlite') {
      const raw = new BetterSqlite(made.location.file);
      migrateSqlite(raw, sqliteMigrations.slice(0, -1));
      raw.exec(insertUser);
      raw.exec(insertCase);
      const insert = raw.prepare(`INSERT INTO ledger_entries (${columns}) VALUES (${columns.split(',').map(() => '?').join(', ')})`);
      for (const row of rows) insert.run(...row);
      raw.close();
    } else {
      const pool = new pg.Pool({ connectionString: made.location.url });
      await migratePostgres(pool, postgresMigrations.slice(0, -1));
      await pool.query(insertUser);
      await pool.query(insertCase);
      for (const row of rows) await pool.query(`INSERT INTO ledger_entries (${columns}) VALUES (${row.map((_, i) => `$${i + 1}`).join(', ')})`, row);
      await pool.end();
    }

    const db = await openDatabase(made.location);
    cleanup.push(() => db.close());
    const keyring = createKeyring(db);
    expect(await recordSigningKey(keyring, signer, new Date('2026-02-01T00:00:00Z'))).toBeNull();
    const blobs = createLocalBlobStore(path.join(dataDir, 'blobs'));
    const ledger = createLedgerStore(db, () => new Date('2026-02-02T00:00:00Z'), signer);
    expect(await ledger.list('case_old')).toEqual(legacy);
    await ledger.append({ caseId: 'case_old', actor: { type: 'system', id: 'system' }, type: 'chat.line', payload: { lineId: 'chat-0000004', from: 'assessor', text: 'named' } });
    expect((await ledger.head('case_old'))?.keyId).toBe(signer.key.keyId);
    expect(await verifyCase('case_old', ledger, blobs, keyring)).toMatchObject({ ok: true, entries: 4 });

    const rotated = await rotateLedgerKey({ db, current: { signer, source: { kind: 'data-dir', path: path.join(dataDir, 'ledger-signing-key.pem') } }, out: null, now: new Date('2026-03-01T00:00:00Z') });
    const after = createLedgerStore(db, () => new Date('2026-03-02T00:00:00Z'), loadOrCreateSigner(dataDir));
    await after.append({ caseId: 'case_old', actor: { type: 'system', id: 'system' }, type: 'chat.line', payload: { lineId: 'chat-0000005', from: 'assessor', text: 'new key' } });
    expect((await after.head('case_old'))?.keyId).toBe(rotated.key.keyId);
    expect(await verifyCase('case_old', after, blobs, keyring)).toMatchObject({ ok: true, entries: 5 });
  });
});
