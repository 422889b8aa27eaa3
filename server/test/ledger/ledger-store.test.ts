import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findChainBreak } from '../../src/ledger/chain.ts';
import { createLedgerStore } from '../../src/ledger/ledger-store.ts';
import { loadOrCreateSigner, verifySignature } from '../../src/ledger/signing-key.ts';
import { openDatabase, type Db } from '../../src/storage/database.ts';

const signer = loadOrCreateSigner(fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-key-')));
const check = (bytes: string, signature: string) => verifySignature(signer.key.publicKeyPem, bytes, signature);

const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function fresh(): { file: string; db: Db } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-ledger-')), 'test.db');
  const db = openDatabase(file);
  opened.push(db);
  db.prepare("INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES ('u1', 'a@b.c', 'A', 'admin', 'x', '2026-01-01')").run();
  db.prepare("INSERT INTO cases (id, kind, title, customer_name, assessor_id, created_by, created_at) VALUES ('c1', 'damage', 'T', NULL, 'u1', 'u1', '2026-01-01')").run();
  return { file, db };
}

describe('ledger store', () => {
  it('appends gap-free sequences that chain and read back identically', () => {
    const { db } = fresh();
    const ledger = createLedgerStore(db, () => new Date('2026-01-01T00:00:00Z'), signer.sign);
    const written = [1, 2, 3].map((n) => ledger.append({ caseId: 'c1', actor: { type: 'system', id: 's' }, type: 'test', payload: { n, nested: { b: 2, a: 1 } } }));
    expect(written.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(ledger.list('c1')).toEqual(written);
    expect(findChainBreak('c1', ledger.list('c1'), check)).toBeNull();
    expect(ledger.head('c1')?.hash).toBe(written[2]!.hash);
  });

  it('does not fork when two connections to the same file append in turn', () => {
    const { file, db } = fresh();
    const other = openDatabase(file);
    opened.push(other);
    const a = createLedgerStore(db, () => new Date(), signer.sign);
    const b = createLedgerStore(other, () => new Date(), signer.sign);
    for (let i = 0; i < 20; i++) (i % 2 ? a : b).append({ caseId: 'c1', actor: { type: 'system', id: 's' }, type: 'test', payload: { i } });
    const entries = a.list('c1');
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(findChainBreak('c1', entries, check)).toBeNull();
  });

  it('keeps the signing key across restarts, readable by its owner only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-key-'));
    const first = loadOrCreateSigner(dir);
    expect(loadOrCreateSigner(dir).key).toEqual(first.key);
    expect(fs.statSync(path.join(dir, 'ledger-signing-key.pem')).mode & 0o777).toBe(0o600);
  });

  it('rolls the entry back with the transaction that wrote it', () => {
    const { db } = fresh();
    const ledger = createLedgerStore(db, () => new Date(), signer.sign);
    expect(() =>
      db.transaction(() => {
        ledger.append({ caseId: 'c1', actor: { type: 'system', id: 's' }, type: 'test', payload: {} });
        throw new Error('crash before commit');
      })(),
    ).toThrow('crash before commit');
    expect(ledger.list('c1')).toEqual([]);
  });
});
