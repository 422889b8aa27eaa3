// Schema migrations: instances opening one database at the same moment apply each step once, and an
// instance older than the database's schema refuses to start rather than write to it.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/storage/database.ts';
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
