// Db.transaction's isolation option: a repeatable-read transaction reads one snapshot on PostgreSQL
// (a commit made between two of its reads is not seen; by default it is), and cannot join a
// read-committed transaction whose earlier reads it could not hold still.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import { engines, openFresh } from '../support/engines.ts';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const count = async (db: Db): Promise<number> => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM isolation_probe`.execute(db.q())).rows[0]!.n);

describe.each(engines())('transaction isolation on $name', (engine) => {
  it.skipIf(engine.skip)('repeatable read refuses to join a read-committed transaction; joins one of its own kind', async () => {
    const { db, close } = await openFresh(engine);
    cleanup.push(close);
    await expect(db.transaction(() => db.transaction(async () => 1, { isolation: 'repeatable read' }))).rejects.toThrow(/cannot join/);
    await expect(db.transaction(() => db.transaction(async () => 2), { isolation: 'repeatable read' })).resolves.toBe(2);
  });

  it.skipIf(engine.skip || engine.name !== 'postgres')('repeatable read does not see a commit made between two of its reads; read committed does', async () => {
    const { db, location, close } = await openFresh(engine);
    cleanup.push(close);
    await sql`CREATE TABLE isolation_probe (n integer)`.execute(db.q());
    const other = await openDatabase(location);
    cleanup.push(() => other.close());
    const readTwice = (isolation: 'read committed' | 'repeatable read') => db.transaction(async () => {
      const first = await count(db);
      await sql`INSERT INTO isolation_probe VALUES (1)`.execute(other.q());
      return [first, await count(db)];
    }, { isolation });
    expect(await readTwice('repeatable read')).toEqual([0, 0]);
    expect(await readTwice('read committed')).toEqual([1, 2]);
  });
});
