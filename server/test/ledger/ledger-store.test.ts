import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findChainBreak } from '../../src/ledger/chain.ts';
import { createLedgerStore } from '../../src/ledger/ledger-store.ts';
import { openDatabase, type Db } from '../../src/storage/database.ts';

const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function fresh(): { file: string; db: Db } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-ledger-')), 'test.db');
  const db = openDatabase(file);
  opened.push(db);
  db.prepare("INSERT INTO users VALUES ('u1', 'a@b.c', 'A', 'admin', 'x', '2026-01-01')").run();
  db.prepare("INSERT INTO cases VALUES ('c1', 'damage', 'T', NULL, 'u1', 'u1', '2026-01-01')").run();
  return { file, db };
}

describe('ledger store', () => {
  it('appends gap-free sequences that chain and read back identically', () => {
    const { db } = fresh();
    const ledger = createLedgerStore(db, () => new Date('2026-01-01T00:00:00Z'));
    const written = [1, 2, 3].map((n) => ledger.append({ caseId: 'c1', actor: { type: 'system', id: 's' }, type: 'test', payload: { n, nested: { b: 2, a: 1 } } }));
    expect(written.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(ledger.list('c1')).toEqual(written);
    expect(findChainBreak('c1', ledger.list('c1'))).toBeNull();
    expect(ledger.head('c1')?.hash).toBe(written[2]!.hash);
  });

  it('does not fork when two connections to the same file append in turn', () => {
    const { file, db } = fresh();
    const other = openDatabase(file);
    opened.push(other);
    const a = createLedgerStore(db, () => new Date());
    const b = createLedgerStore(other, () => new Date());
    for (let i = 0; i < 20; i++) (i % 2 ? a : b).append({ caseId: 'c1', actor: { type: 'system', id: 's' }, type: 'test', payload: { i } });
    const entries = a.list('c1');
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(findChainBreak('c1', entries)).toBeNull();
  });

  it('rolls the entry back with the transaction that wrote it', () => {
    const { db } = fresh();
    const ledger = createLedgerStore(db, () => new Date());
    expect(() =>
      db.transaction(() => {
        ledger.append({ caseId: 'c1', actor: { type: 'system', id: 's' }, type: 'test', payload: {} });
        throw new Error('crash before commit');
      })(),
    ).toThrow('crash before commit');
    expect(ledger.list('c1')).toEqual([]);
  });
});
