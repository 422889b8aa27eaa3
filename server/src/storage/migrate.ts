// Applies the schema migrations of the engine in use, each step in a transaction of its own. Instances
// starting together against one PostgreSQL take turns under an advisory lock, so each step runs once;
// on SQLite `begin immediate` does the same for processes sharing the file.
import type BetterSqlite from 'better-sqlite3';
import type pg from 'pg';
import { postgresMigrations } from './postgres-migrations.ts';
import { sqliteMigrations, type SqliteStep } from './sqlite-migrations.ts';

/** The advisory lock key migrations hold: any fixed 64-bit number no other lock in the database uses. */
const MIGRATION_LOCK = 7_238_411_029;

export function migrateSqlite(db: BetterSqlite.Database, steps: readonly SqliteStep[] = sqliteMigrations): void {
  // Rewriting a table's declared constraints (sqlite-migrations.ts `rewriteSchema`) needs the schema
  // table writable: allowed for the migrations alone, then defensive mode is back.
  db.unsafeMode(true);
  try {
    migrateSqliteSteps(db, steps);
  } finally {
    db.unsafeMode(false);
  }
}

function migrateSqliteSteps(db: BetterSqlite.Database, steps: readonly SqliteStep[]): void {
  for (;;) {
    const applied = db.transaction(() => {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > steps.length) throw new Error(`the database's schema (version ${version}) is newer than this Sightline (${steps.length}): upgrade this instance`);
      const step = steps[version];
      if (step === undefined) return false;
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${version + 1}`);
      return true;
    }).immediate();
    if (!applied) return;
  }
}

export async function migratePostgres(pool: pg.Pool, steps: readonly string[] = postgresMigrations): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
      for (let version = rows[0]?.version ?? 0; version < steps.length; version++) {
        await client.query('BEGIN');
        try {
          // No parameters: the simple query protocol, which runs a step of several statements.
          await client.query(steps[version]!);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version + 1]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`PostgreSQL migration ${version + 1} failed: ${(error as Error).message}`, { cause: error });
        }
      }
      if ((rows[0]?.version ?? 0) > steps.length) {
        throw new Error(`the database's schema (version ${rows[0]!.version}) is newer than this Sightline (${steps.length}): upgrade this instance`);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
