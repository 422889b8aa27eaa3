// The two database engines a storage or HTTP suite runs against: embedded SQLite in a temp file, and
// PostgreSQL in a database of its own in the run's throwaway cluster (support/postgres-setup.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseLocation, type Db } from '../../src/storage/database.ts';

export type EngineName = 'sqlite' | 'postgres';

export interface Engine {
  name: EngineName;
  /** Why this engine's variant is skipped here; undefined when it runs. */
  skip?: string;
  /** A new, empty database: its location and its server-side env (SIGHTLINE_DATABASE_URL for PostgreSQL). */
  fresh(): Promise<{ location: DatabaseLocation; env: Record<string, string>; drop(): Promise<void> }>;
}

let counter = 0;

const sqlite: Engine = {
  name: 'sqlite',
  async fresh() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-db-'));
    return {
      location: { kind: 'sqlite', file: path.join(dir, 'sightline.db') },
      env: {},
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  },
};

function postgres(): Engine {
  const provided = inject('postgres');
  if ('missing' in provided) return { name: 'postgres', skip: provided.missing, fresh: () => Promise.reject(new Error(provided.missing)) };
  const admin = provided.url;
  return {
    name: 'postgres',
    async fresh() {
      const name = `sightline_${process.pid}_${Date.now().toString(36)}_${++counter}`;
      await withAdmin(admin, (client) => client.query(`CREATE DATABASE ${name}`));
      const url = new URL(admin);
      url.pathname = `/${name}`;
      return {
        location: { kind: 'postgres', url: url.toString() },
        env: { SIGHTLINE_DATABASE_URL: url.toString() },
        drop: () => withAdmin(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
      };
    },
  };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Both engines, for `describe.each(engines())` / `describe.skipIf(engine.skip)`. */
export function engines(): Engine[] {
  return [sqlite, postgres()];
}

/** A fresh database opened on `engine`; `close()` closes and drops it. */
export async function openFresh(engine: Engine): Promise<{ db: Db; location: DatabaseLocation; close(): Promise<void> }> {
  const made = await engine.fresh();
  const db = await openDatabase(made.location);
  return {
    db,
    location: made.location,
    async close() {
      await db.close();
      await made.drop();
    },
  };
}
