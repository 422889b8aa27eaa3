// The ledger store on both engines: a chain that reads back as written, that concurrent writers (on
// PostgreSQL: through two instances' pools) extend without a gap or a fork, and that the database itself
// refuses to break when a writer skips the store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { findChainBreak } from '../../src/ledger/chain.ts';
import { oneKeyCheck } from '../../src/ledger/key-trust.ts';
import { createLedgerStore, type AppendInput, type LedgerStore } from '../../src/ledger/ledger-store.ts';
import { loadOrCreateSigner } from '../../src/ledger/signing-key.ts';
import { openDatabase, type Db } from '../../src/storage/database.ts';
import { engines, openFresh } from '../support/engines.ts';

const signer = loadOrCreateSigner(fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-key-')));
const check = oneKeyCheck(signer.key.publicKeyPem);
const actor = { type: 'system', id: 's' } as const;
/** A chat line: the smallest real kind. */
const line = (text: string): AppendInput<'chat.line'> => ({ caseId: 'c1', actor, type: 'chat.line', payload: { lineId: `line-${text}`, from: 'assessor', text } });

// Checked by `npm run typecheck`, never run: append takes only a kind of the contract, with its own payload.
export const refusedByTheTypecheck = (ledger: LedgerStore) => [
  // @ts-expect-error a chat line's text is a string
  ledger.append({ caseId: 'c1', actor, type: 'chat.line', payload: { lineId: 'l', from: 'assessor', text: 1 } }),
  // @ts-expect-error a closed case's entry carries no title
  ledger.append({ caseId: 'c1', actor, type: 'case.closed', payload: { reason: null, title: 'T' } }),
  // @ts-expect-error no such kind
  ledger.append({ caseId: 'c1', actor, type: 'test', payload: {} }),
];

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function seed(db: Db): Promise<void> {
  await db.q().insertInto('users').values({ id: 'u1', email: 'a@b.c', name: 'A', role: 'admin', password_hash: 'x', created_at: '2026-01-01' }).execute();
  await db.q().insertInto('cases').values({ id: 'c1', kind: 'damage', title: 'T', customer_name: null, assessor_id: 'u1', created_by: 'u1', created_at: '2026-01-01' }).execute();
}

describe.each(engines())('ledger store on $name', (engine) => {
  const fresh = async (): Promise<{ db: Db; open: () => Promise<Db> }> => {
    const made = await openFresh(engine);
    cleanup.push(made.close);
    await seed(made.db);
    // Another instance's handle on the same database.
    const open = async () => {
      const other = await openDatabase(made.location);
      cleanup.push(() => other.close());
      return other;
    };
    return { db: made.db, open };
  };

  it.skipIf(engine.skip)('appends gap-free sequences that chain and read back identically', async () => {
    const { db } = await fresh();
    const ledger = createLedgerStore(db, () => new Date('2026-01-01T00:00:00Z'), signer);
    const written = [];
    for (const n of [1, 2, 3]) written.push(await ledger.append({ caseId: 'c1', actor, type: 'case.updated', payload: { before: { title: 'T', reference: null }, after: { title: `T${n}`, reference: 'R' } } }));
    expect(written.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await ledger.list('c1')).toEqual(written);
    expect(findChainBreak('c1', await ledger.list('c1'), check)).toBeNull();
    expect((await ledger.head('c1'))?.hash).toBe(written[2]!.hash);
    expect((await ledger.listAfter('c1', 1)).map((e) => e.seq)).toEqual([2, 3]);
  });

  it.skipIf(engine.skip)('never stamps an entry earlier than the one before it', async () => {
    const { db } = await fresh();
    let now = new Date('2026-03-01T12:00:00Z');
    const ledger = createLedgerStore(db, () => now, signer);
    const first = await ledger.append(line('one'));
    now = new Date('2026-03-01T11:00:00Z');
    const second = await ledger.append(line('one'));
    expect(second.at).toBe(first.at);
  });

  it.skipIf(engine.skip)('8 writers appending 300 entries each to one case leave one unbroken chain', async () => {
    const { db, open } = await fresh();
    // On PostgreSQL the writers are split over two instances' pools. A second SQLite handle in this one
    // process would wait synchronously for the first's write lock and stall the first, so SQLite's
    // writers share one handle, as one process's requests do.
    const second = engine.name === 'postgres' ? await open() : db;
    const stores = [db, second].map((handle) => createLedgerStore(handle, engine.name === 'postgres' ? 'database' : () => new Date(), signer));
    await Promise.all(Array.from({ length: 8 }, async (_, writer) => {
      const ledger = stores[writer % 2]!;
      for (let i = 0; i < 300; i++) await ledger.append(line(`${writer}-${i}`));
    }));
    const entries = await stores[0]!.list('c1');
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 2400 }, (_, i) => i + 1));
    expect(findChainBreak('c1', entries, check)).toBeNull();
    const times = entries.map((e) => e.at);
    expect(times).toEqual([...times].sort());
  }, 120_000);

  it.skipIf(engine.skip)('refuses a hand-inserted gap, fork or wrong link', async () => {
    const { db } = await fresh();
    const ledger = createLedgerStore(db, () => new Date(), signer);
    const first = await ledger.append(line('one'));
    const row = (seq: number, prevSeq: number | null, prevHash: string) => ({
      case_id: 'c1', seq, prev_seq: prevSeq, at: first.at, actor_type: 'system', actor_id: 's', type: 'forged', payload: '{}', blobs: '[]',
      prev_hash: prevHash, hash: 'f'.repeat(64), signature: '',
    });
    const insert = (values: ReturnType<typeof row>) => db.q().insertInto('ledger_entries').values(values).execute();
    await expect(insert(row(3, 2, first.hash)), 'a gap').rejects.toThrow();
    await expect(insert(row(2, 1, 'e'.repeat(64))), 'a wrong link').rejects.toThrow();
    await expect(insert(row(2, null, first.hash)), 'no link').rejects.toThrow();
    await expect(insert(row(1, null, '0'.repeat(64))), 'a second genesis (a fork)').rejects.toThrow();
    await expect(insert(row(2, 1, first.hash)), 'the one right link').resolves.toBeDefined();
    await expect(insert({ ...row(2, 1, first.hash), hash: 'd'.repeat(64) }), 'a fork at 2').rejects.toThrow();
    // Nor can an entry be taken out from under its successor.
    await expect(db.q().deleteFrom('ledger_entries').where('seq', '=', 1).execute()).rejects.toThrow();
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ledger_entries`.execute(db.q());
    expect(Number(rows[0]!.n)).toBe(2);
  });

  it.skipIf(engine.skip)('rolls the entry back with the transaction that wrote it', async () => {
    const { db } = await fresh();
    const ledger = createLedgerStore(db, () => new Date(), signer);
    await expect(db.transaction(async () => {
      await ledger.append(line('one'));
      throw new Error('crash before commit');
    })).rejects.toThrow('crash before commit');
    expect(await ledger.list('c1')).toEqual([]);
  });
});

describe('ledger on SQLite across processes', () => {
  it('does not fork when two handles on the same file append in turn', async () => {
    const made = await openFresh(engines()[0]!);
    cleanup.push(made.close);
    await seed(made.db);
    const other = await openDatabase(made.location);
    cleanup.push(() => other.close());
    const a = createLedgerStore(made.db, () => new Date(), signer);
    const b = createLedgerStore(other, () => new Date(), signer);
    for (let i = 0; i < 20; i++) await (i % 2 ? a : b).append(line(`${i}`));
    const entries = await a.list('c1');
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(findChainBreak('c1', entries, check)).toBeNull();
  });

  it('keeps the signing key across restarts, readable by its owner only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-key-'));
    const first = loadOrCreateSigner(dir);
    expect(loadOrCreateSigner(dir).key).toEqual(first.key);
    expect(fs.statSync(path.join(dir, 'ledger-signing-key.pem')).mode & 0o777).toBe(0o600);
  });
});
