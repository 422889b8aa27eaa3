// The one storage interface over two engines: embedded SQLite (better-sqlite3, the default) or
// PostgreSQL (`pg`, when SIGHTLINE_DATABASE_URL is set), both through Kysely. Stores ask `db.q()` for
// the executor of the moment: inside `db.transaction(work)` that is the transaction (carried by
// AsyncLocalStorage, so a store called from anywhere in `work` joins it), elsewhere the pool.
// Only this folder imports better-sqlite3 and pg.
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, sql, type DatabaseConnection, type Driver, type Transaction } from 'kysely';
import pg from 'pg';
import { migrateSqlite, migratePostgres } from './migrate.ts';
import type { Schema } from './schema.ts';

export type { Schema } from './schema.ts';
export type Dialect = 'sqlite' | 'postgres';
export type Executor = Kysely<Schema> | Transaction<Schema>;

export interface Db {
  readonly dialect: Dialect;
  /** The executor to use now: the transaction `work` runs in, else the pool. */
  q(): Executor;
  /**
   * Runs `work` in one transaction and resolves once it has committed; a throw rolls it all back.
   * Called inside another transaction, `work` joins it. Never await network I/O (S3, mail) inside.
   */
  transaction<T>(work: () => Promise<T>, opts?: TransactionOptions): Promise<T>;
  /**
   * Runs `work` in a savepoint of the current transaction: a throw rolls back `work` alone and is
   * rethrown. Outside a transaction it is a transaction of its own.
   */
  savepoint<T>(work: () => Promise<T>): Promise<T>;
  inTransaction(): boolean;
  /**
   * Holds a lock on `key` until the current transaction ends, so writers of the same key take turns
   * across every instance sharing the database (PostgreSQL advisory lock; SQLite writers are already
   * serial). Only inside a transaction.
   */
  lockInTransaction(key: string): Promise<void>;
  /**
   * `lockInTransaction`, then the database's clock (`now`), in one round trip on PostgreSQL: for a
   * writer that stamps what it writes under the lock, the lock's wait is what the other writers of the
   * key spend, so it is kept short.
   */
  lockAndNow(key: string): Promise<Date>;
  /** The database's clock (PostgreSQL `clock_timestamp()`; the process clock on SQLite). */
  now(): Promise<Date>;
  close(): Promise<void>;
}

export interface TransactionOptions {
  /**
   * 'repeatable read': every statement sees the one snapshot taken at the first, for work that reads
   * many tables and must see one moment. On PostgreSQL each statement otherwise sees what committed
   * before it; SQLite's transaction holds the database still either way. Joining a transaction that
   * has not this isolation is refused: its earlier statements could not be made to see one snapshot.
   * @default 'read committed'
   */
  isolation?: 'read committed' | 'repeatable read';
}

/** `poolSize`: connections this process keeps to PostgreSQL at most (SIGHTLINE_DATABASE_POOL; default 10). */
export type DatabaseLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize?: number };

interface TxContext {
  trx: Transaction<Schema>;
  isolation: NonNullable<TransactionOptions['isolation']>;
  done: boolean;
  savepoints: number;
}

export async function openDatabase(where: DatabaseLocation | string): Promise<Db> {
  const location = typeof where === 'string' ? { kind: 'sqlite' as const, file: where } : where;
  return location.kind === 'sqlite' ? openSqlite(location.file) : openPostgres(location.url, location.poolSize ?? 10);
}

function openSqlite(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new BetterSqlite(file);
  raw.pragma('journal_mode = WAL');
  // synchronous=FULL: a committed evidence row survives power loss.
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  migrateSqlite(raw);
  const kysely = new Kysely<Schema>({ dialect: new ImmediateSqliteDialect(withStatementCache(raw)) });
  return wrap('sqlite', kysely, async () => new Date());
}

function openPostgres(url: string, poolSize: number): Promise<Db> {
  // int8 (count(*), bigint sizes) and numeric come back as strings by default; every such value here fits a double.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server ends (a restart, a failover, an administrator) is dropped from the
  // pool and reported here; without a listener it would crash the process. The next query opens another.
  pool.on('error', () => {});
  return migratePostgres(pool).then(() => {
    const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    return wrap('postgres', kysely, async (q) => {
      const { rows } = await sql<{ now: Date }>`SELECT clock_timestamp() AS now`.execute(q);
      return new Date(rows[0]!.now);
    });
  }, async (error: unknown) => {
    await pool.end();
    throw error;
  });
}

function wrap(dialect: Dialect, kysely: Kysely<Schema>, clock: (q: Executor) => Promise<Date>): Db {
  const context = new AsyncLocalStorage<TxContext>();
  // A transaction's context outlives it in callbacks it scheduled; those must use the pool again.
  const current = (): TxContext | undefined => {
    const tx = context.getStore();
    return tx && !tx.done ? tx : undefined;
  };

  const db: Db = {
    dialect,
    q: () => current()?.trx ?? kysely,
    inTransaction: () => current() !== undefined,
    async transaction(work, opts = {}) {
      const isolation = opts.isolation ?? 'read committed';
      const outer = current();
      if (outer) {
        if (isolation === 'repeatable read' && outer.isolation !== isolation) throw new Error('a repeatable-read transaction cannot join a read-committed one');
        return work();
      }
      const begin = dialect === 'postgres' ? kysely.transaction().setIsolationLevel(isolation) : kysely.transaction();
      return begin.execute(async (trx) => {
        const tx: TxContext = { trx, isolation, done: false, savepoints: 0 };
        try {
          return await context.run(tx, work);
        } finally {
          tx.done = true;
        }
      });
    },
    async savepoint(work) {
      const tx = current();
      if (!tx) return db.transaction(work);
      const name = `sp${++tx.savepoints}`;
      await sql.raw(`SAVEPOINT ${name}`).execute(tx.trx);
      try {
        const value = await work();
        await sql.raw(`RELEASE SAVEPOINT ${name}`).execute(tx.trx);
        return value;
      } catch (error) {
        await sql.raw(`ROLLBACK TO SAVEPOINT ${name}`).execute(tx.trx);
        await sql.raw(`RELEASE SAVEPOINT ${name}`).execute(tx.trx);
        throw error;
      }
    },
    async lockInTransaction(key) {
      const tx = current();
      if (!tx) throw new Error('lockInTransaction needs a transaction');
      if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx.trx);
    },
    async lockAndNow(key) {
      const tx = current();
      if (!tx) throw new Error('lockAndNow needs a transaction');
      if (dialect === 'sqlite') return clock(tx.trx);
      // PostgreSQL evaluates the select list in order, so the clock is read once the lock is granted.
      const { rows } = await sql<{ now: Date }>`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0)), clock_timestamp() AS now`.execute(tx.trx);
      return rows[0]!.now;
    },
    now: () => clock(db.q()),
    close: () => kysely.destroy(),
  };
  return db;
}

/**
 * Kysely's SQLite dialect starts transactions with a deferred `begin`; a deferred transaction that
 * reads and then writes can fail at once with SQLITE_BUSY when another process (the retention CLI)
 * wrote in between, whatever the busy timeout. `begin immediate` takes the write lock up front and
 * waits for it instead.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #database: BetterSqlite.Database;

  constructor(database: BetterSqlite.Database) {
    super({ database });
    this.#database = database;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#database });
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** better-sqlite3 with its prepared statements kept by SQL text: Kysely prepares each query anew. */
function withStatementCache(raw: BetterSqlite.Database): BetterSqlite.Database {
  const statements = new Map<string, BetterSqlite.Statement>();
  return new Proxy(raw, {
    get(target, property) {
      if (property === 'prepare') {
        return (text: string) => {
          let statement = statements.get(text);
          if (!statement) {
            statement = target.prepare(text);
            // Query texts are few (they come from code, not data); a bound keeps a mistake from leaking.
            if (statements.size >= 1000) statements.clear();
            statements.set(text, statement);
          }
          return statement;
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
