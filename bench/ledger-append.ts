// Ledger appends per second, PostgreSQL beside SQLite in the same run: 8 writers appending to one
// case (they take turns on its chain: the case's lock), and 8 writers each on a case of its own (they
// need not). Every append is a transaction of its own, committed durably: SQLite with
// synchronous=FULL (one WAL fsync per commit), PostgreSQL with its defaults (fsync, synchronous
// commit), a throwaway cluster on this machine reached over loopback TCP. On PostgreSQL the writers
// are split over two pools, as two instances would be.
// Run: npx tsx bench/ledger-append.ts (QUICK=1 for a smoke run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { findPostgres, startPostgres } from '../scripts/postgres.mjs';
import { createLedgerStore, type LedgerStore } from '../server/src/ledger/ledger-store.ts';
import { loadOrCreateSigner } from '../server/src/ledger/signing-key.ts';
import { openDatabase, type DatabaseLocation, type Db } from '../server/src/storage/database.ts';
import { QUICK, round, writeResult } from './support/results.ts';

const WRITERS = 8;
const PER_WRITER = QUICK ? 20 : 150;
const signer = loadOrCreateSigner(fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-key-')));

async function seed(db: Db, cases: number): Promise<void> {
  await db.q().insertInto('users').values({ id: 'u1', email: 'a@b.c', name: 'A', role: 'admin', password_hash: 'x', created_at: '2026-01-01' }).execute();
  for (let i = 0; i < cases; i++) {
    await db.q().insertInto('cases').values({ id: `c${i}`, kind: 'damage', title: 'T', customer_name: null, assessor_id: 'u1', created_by: 'u1', created_at: '2026-01-01' }).execute();
  }
}

/** Appends per second with `WRITERS` writers; `caseOf(writer)` picks each writer's case. */
async function appendRate(stores: LedgerStore[], caseOf: (writer: number) => string): Promise<number> {
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: WRITERS }, async (_, writer) => {
    const ledger = stores[writer % stores.length]!;
    for (let i = 0; i < PER_WRITER; i++) await ledger.append({ caseId: caseOf(writer), actor: { type: 'system', id: 'bench' }, type: 'customer.joined', payload: { peerId: `bench-${writer}-${i}` } });
  }));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return round((WRITERS * PER_WRITER) / seconds, 0);
}

async function measure(open: () => Promise<Db>, handles: number): Promise<{ oneCase: number; manyCases: number }> {
  const dbs: Db[] = [];
  for (let i = 0; i < handles; i++) dbs.push(await open());
  try {
    await seed(dbs[0]!, WRITERS + 1);
    const stores = dbs.map((db) => createLedgerStore(db, db.dialect === 'postgres' ? 'database' : () => new Date(), signer));
    const oneCase = await appendRate(stores, () => `c${WRITERS}`);
    const manyCases = await appendRate(stores, (writer) => `c${writer}`);
    return { oneCase, manyCases };
  } finally {
    for (const db of dbs) await db.close();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-ledger-'));
const sqliteFile: DatabaseLocation = { kind: 'sqlite', file: path.join(dir, 'sightline.db') };
const sqlite = await measure(() => openDatabase(sqliteFile), 1);

const bin = findPostgres();
let postgres: { oneCase: number; manyCases: number } | null = null;
if (bin) {
  const cluster = await startPostgres(bin, { durable: true });
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
    const url = cluster.url.replace(/\/postgres$/, '/bench');
    postgres = await measure(() => openDatabase({ kind: 'postgres', url }), 2);
  } finally {
    cluster.stop();
  }
}
fs.rmSync(dir, { recursive: true, force: true });

const result = {
  writers: WRITERS,
  appendsPerWriter: PER_WRITER,
  sqlite,
  postgres,
  note: bin ? undefined : 'no PostgreSQL server installed: only SQLite measured',
};
writeResult('ledger-append', result);
console.log(JSON.stringify(result));
