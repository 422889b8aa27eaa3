// SIGHTLINE_DATABASE_POOL reaches the PostgreSQL pool: queries beyond the pool size wait for a
// connection instead of opening another.
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import { engines } from '../support/engines.ts';

const postgres = engines().find((engine) => engine.name === 'postgres')!;
const opened: { db: Db; drop(): Promise<void> }[] = [];

afterEach(async () => {
  for (const { db, drop } of opened.splice(0)) {
    await db.close();
    await drop();
  }
});

/** The backend process ids that twelve concurrent, 200 ms long queries ran on. */
async function backendsOf(poolSize: number | undefined): Promise<Set<number>> {
  const made = await postgres.fresh();
  if (made.location.kind !== 'postgres') throw new Error('expected a PostgreSQL location');
  const db = await openDatabase({ ...made.location, poolSize });
  opened.push({ db, drop: made.drop });
  const pids = await Promise.all(
    Array.from({ length: 12 }, async () => (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid, pg_sleep(0.2)`.execute(db.q())).rows[0]!.pid),
  );
  return new Set(pids);
}

describe.skipIf(postgres.skip)('the PostgreSQL pool size', () => {
  it('caps the connections one process opens', async () => {
    expect((await backendsOf(2)).size).toBe(2);
    expect((await backendsOf(12)).size).toBe(12);
  });

  it('is 10 when not given, as SIGHTLINE_DATABASE_POOL defaults', async () => {
    expect((await backendsOf(undefined)).size).toBe(10);
  });
});
