// Schema migrations: instances opening one database at the same moment apply each step once, and an
// instance older than the database's schema refuses to start rather than write to it.
import BetterSqlite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import { migratePostgres, migrateSqlite } from '../../src/storage/migrate.ts';
import { postgresMigrations } from '../../src/storage/postgres-migrations.ts';
import { sqliteMigrations } from '../../src/storage/sqlite-migrations.ts';
import { engines } from '../support/engines.ts';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe.each(engines())('migrations on $name', (engine) => {
  it.skipIf(engine.skip)('run once when four instances open a new database together', async () => {
    const made = await engine.fresh();
    cleanup.push(made.drop);
    const dbs = await Promise.all(Array.from({ length: 4 }, () => openDatabase(made.location)));
    for (const db of dbs) cleanup.push(() => db.close());
    const db = dbs[0]!;
    if (engine.name === 'postgres') {
      const { rows } = await sql<{ version: number }>`SELECT version FROM schema_migrations ORDER BY version`.execute(db.q());
      expect(rows.map((r) => r.version)).toEqual(postgresMigrations.map((_, i) => i + 1));
    } else {
      const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db.q());
      expect(rows[0]!.user_version).toBe(sqliteMigrations.length);
    }
    // Every instance sees the one schema: a row written through one reads back through another.
    await db.q().insertInto('users').values({ id: 'u1', email: 'a@b.c', name: 'A', role: 'admin', password_hash: 'x', created_at: '2026-01-01' }).execute();
    expect((await dbs[3]!.q().selectFrom('users').select('email').execute()).map((r) => r.email)).toEqual(['a@b.c']);
  });

  it.skipIf(engine.skip)('add the offer facts column to a database of the step before, its offers keeping their English reason', async () => {
    const made = await engine.fresh();
    cleanup.push(made.drop);
    // The database as the build before the routing-facts step left it, with an offer out.
    const rows = [
      "INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES ('u1', 'a@b.c', 'A', 'admin', 'x', '2026-01-01')",
      "INSERT INTO cases (id, kind, title, customer_name, assessor_id, created_by, created_at) VALUES ('c1', 'damage', 'T', NULL, NULL, NULL, '2026-01-01')",
      "INSERT INTO queue_entries (id, case_id, channel, priority, enqueued_at, steps, passed_over, state, offered_to, offer_expires_at, offer_reason) VALUES ('q1', 'c1', 'video', 0, '2026-01-01', '[]', '[]', 'offered', 'u1', '2026-01-01T00:00:30Z', 'matched any assessor (first step)')",
    ];
    if (made.location.kind === 'postgres') {
      const pool = new pg.Pool({ connectionString: made.location.url });
      await migratePostgres(pool, postgresMigrations.slice(0, -1));
      for (const row of rows) await pool.query(row);
      await pool.end();
    } else {
      const raw = new BetterSqlite(made.location.file);
      migrateSqlite(raw, sqliteMigrations.slice(0, -1));
      for (const row of rows) raw.exec(row);
      raw.close();
    }
    const db = await openDatabase(made.location);
    cleanup.push(() => db.close());
    const read = () => db.q().selectFrom('queue_entries').select(['offer_reason', 'offer_facts']).where('id', '=', 'q1').executeTakeFirstOrThrow();
    expect(await read()).toEqual({ offer_reason: 'matched any assessor (first step)', offer_facts: null });
    const facts = JSON.stringify({ kind: 'matched', stepIndex: 0, afterSeconds: 0, requires: [] });
    await db.q().updateTable('queue_entries').set({ offer_facts: facts }).where('id', '=', 'q1').execute();
    expect((await read()).offer_facts).toBe(facts);
  });

  it.skipIf(engine.skip)('refuse a database whose schema is newer than this build', async () => {
    const made = await engine.fresh();
    cleanup.push(made.drop);
    const first: Db = await openDatabase(made.location);
    const steps = engine.name === 'postgres' ? postgresMigrations.length : sqliteMigrations.length;
    if (engine.name === 'postgres') await sql`INSERT INTO schema_migrations (version) VALUES (${steps + 1})`.execute(first.q());
    else await sql.raw(`PRAGMA user_version = ${steps + 1}`).execute(first.q());
    await first.close();
    await expect(openDatabase(made.location)).rejects.toThrow(/newer than this Sightline/);
  });
});
