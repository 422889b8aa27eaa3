// Group commit: work queued together commits in one transaction, each piece in its own savepoint, and
// no caller hears back before the commit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import { createGroupCommit } from '../../src/storage/group-commit.ts';

let dir = '';
let db: Db;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-group-commit-'));
  db = await openDatabase(path.join(dir, 'test.db'));
  await sql`CREATE TABLE t (n INTEGER PRIMARY KEY)`.execute(db.q());
});

afterEach(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// The table is the test's own, outside the schema's types: raw SQL, through the executor of the moment.
const insert = async (on: Db, n: number): Promise<number> => Number((await sql`INSERT INTO t (n) VALUES (${n})`.execute(on.q())).numAffectedRows);
const numbers = async (on: Db): Promise<number[]> => (await sql<{ n: number }>`SELECT n FROM t ORDER BY n`.execute(on.q())).rows.map((row) => row.n);
const count = async (on: Db): Promise<number> => (await sql<{ count: number }>`SELECT count(*) AS count FROM t`.execute(on.q())).rows[0]!.count;

/** Counts commits with SQLite's own counter of changes to the database file (made by other connections). */
const dataVersion = async (other: Db): Promise<number> =>
  (await sql<{ data_version: number }>`PRAGMA data_version`.execute(other.q())).rows[0]!.data_version;

describe('createGroupCommit', () => {
  it('commits work queued in the same turn once, and answers each piece with its own result', async () => {
    const commit = createGroupCommit(db);
    const watcher = await openDatabase(path.join(dir, 'test.db'));
    const before = await dataVersion(watcher);
    const results = await Promise.all([1, 2, 3].map((n) => commit(() => insert(db, n))));
    expect(results).toEqual([1, 1, 1]);
    expect(await dataVersion(watcher) - before, 'one commit for all three').toBe(1);
    expect(await numbers(watcher)).toEqual([1, 2, 3]);
    await watcher.close();
  });

  it('rolls back only the piece that throws', async () => {
    const commit = createGroupCommit(db);
    const insertOrRefuse = (n: number) => async () => {
      await insert(db, n);
      if (n === 2) throw new Error('refused');
      return n;
    };
    const [a, b, c] = await Promise.allSettled([commit(insertOrRefuse(1)), commit(insertOrRefuse(2)), commit(insertOrRefuse(3))]);
    expect(a).toEqual({ status: 'fulfilled', value: 1 });
    expect(b).toMatchObject({ status: 'rejected', reason: new Error('refused') });
    expect(c).toEqual({ status: 'fulfilled', value: 3 });
    expect(await numbers(db)).toEqual([1, 3]);
  });

  it('rolls back only the piece that throws after awaiting, when others are queued behind it', async () => {
    const commit = createGroupCommit(db);
    const results = await Promise.allSettled([0, 1, 2, 3].map((n) => commit(async () => {
      await insert(db, n);
      await new Promise((resolve) => setImmediate(resolve));
      await insert(db, n + 10);
      if (n % 2 === 1) throw new Error(`refused ${n}`);
      return n;
    })));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(await numbers(db)).toEqual([0, 2, 10, 12]);
  });

  it('sees the pieces before it in the same group', async () => {
    const commit = createGroupCommit(db);
    const seen = await Promise.all([0, 1, 2].map((n) => commit(async () => {
      await insert(db, n);
      return count(db);
    })));
    expect(seen).toEqual([1, 2, 3]);
  });

  it('answers no caller before the group has committed', async () => {
    const commit = createGroupCommit(db);
    const watcher = await openDatabase(path.join(dir, 'test.db'));
    const seenOutside = await Promise.all([1, 2].map((n) => commit(() => insert(db, n)).then(() => numbers(watcher))));
    expect(seenOutside).toEqual([[1, 2], [1, 2]]);
    await watcher.close();
  });

  it('runs nothing before the turn ends, and later work in a new transaction', async () => {
    const commit = createGroupCommit(db);
    let ran = false;
    const first = commit(async () => {
      ran = true;
    });
    expect(ran).toBe(false);
    await first;
    await expect(commit(() => count(db))).resolves.toBe(0);
  });

  it('joins the transaction a caller is already in', async () => {
    const commit = createGroupCommit(db);
    await expect(db.transaction(async () => {
      await commit(() => insert(db, 1));
      throw new Error('the outer transaction fails');
    })).rejects.toThrow('the outer transaction fails');
    expect(await numbers(db)).toEqual([]);
  });
});
