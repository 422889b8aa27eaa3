// Group commit: work queued together commits in one transaction, each piece in its own savepoint, and
// no caller hears back before the commit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import { createGroupCommit } from '../../src/storage/group-commit.ts';

let dir = '';
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-group-commit-'));
  db = openDatabase(path.join(dir, 'test.db'));
  db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Counts commits with SQLite's own counter of changes to the database file. */
const dataVersion = (other: Db): number => other.pragma('data_version', { simple: true }) as number;

describe('createGroupCommit', () => {
  it('commits work queued in the same turn once, and answers each piece with its own result', async () => {
    const commit = createGroupCommit(db);
    const watcher = openDatabase(path.join(dir, 'test.db'));
    const before = dataVersion(watcher);
    const results = await Promise.all([1, 2, 3].map((n) => commit(() => db.prepare('INSERT INTO t (n) VALUES (?)').run(n).changes)));
    expect(results).toEqual([1, 1, 1]);
    expect(dataVersion(watcher) - before, 'one commit for all three').toBe(1);
    expect(watcher.prepare('SELECT n FROM t ORDER BY n').pluck().all()).toEqual([1, 2, 3]);
    watcher.close();
  });

  it('rolls back only the piece that throws', async () => {
    const commit = createGroupCommit(db);
    const insert = (n: number) => () => {
      db.prepare('INSERT INTO t (n) VALUES (?)').run(n);
      if (n === 2) throw new Error('refused');
      return n;
    };
    const [a, b, c] = await Promise.allSettled([commit(insert(1)), commit(insert(2)), commit(insert(3))]);
    expect(a).toEqual({ status: 'fulfilled', value: 1 });
    expect(b).toMatchObject({ status: 'rejected', reason: new Error('refused') });
    expect(c).toEqual({ status: 'fulfilled', value: 3 });
    expect(db.prepare('SELECT n FROM t ORDER BY n').pluck().all()).toEqual([1, 3]);
  });

  it('sees the pieces before it in the same group', async () => {
    const commit = createGroupCommit(db);
    const count = () => db.prepare('SELECT count(*) FROM t').pluck().get() as number;
    const seen = await Promise.all([0, 1, 2].map((n) => commit(() => {
      db.prepare('INSERT INTO t (n) VALUES (?)').run(n);
      return count();
    })));
    expect(seen).toEqual([1, 2, 3]);
  });

  it('runs nothing before the turn ends, and later work in a new transaction', async () => {
    const commit = createGroupCommit(db);
    let ran = false;
    const first = commit(() => {
      ran = true;
    });
    expect(ran).toBe(false);
    await first;
    await expect(commit(() => db.prepare('SELECT count(*) FROM t').pluck().get())).resolves.toBe(0);
  });
});
