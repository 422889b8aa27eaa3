// Appends ledger entries (one immediate transaction per append, so concurrent writers cannot fork
// the chain) and reads a case's chain back in order.
import type { Db } from '../storage/database.ts';
import type { LedgerActor, LedgerEntry } from '../../../protocol/http.ts';
import { GENESIS_HASH, sealEntry } from './chain.ts';

export interface AppendInput {
  caseId: string;
  actor: LedgerActor;
  type: string;
  payload: Record<string, unknown>;
  blobs?: string[];
}

interface Row {
  case_id: string;
  seq: number;
  at: string;
  actor_type: LedgerActor['type'];
  actor_id: string;
  type: string;
  payload: string;
  blobs: string;
  prev_hash: string;
  hash: string;
  signature: string;
}

export interface LedgerStore {
  /** Appends inside the caller's transaction when there is one; returns the sealed entry. */
  append(input: AppendInput): LedgerEntry;
  list(caseId: string): LedgerEntry[];
  /** The case's entries of one type, in sequence order. */
  listOfType(caseId: string, type: string): LedgerEntry[];
  head(caseId: string): LedgerEntry | null;
}

export function createLedgerStore(db: Db, clock: () => Date, sign: (bytes: string) => string): LedgerStore {
  const headStmt = db.prepare<[string], Row>('SELECT * FROM ledger_entries WHERE case_id = ? ORDER BY seq DESC LIMIT 1');
  const listStmt = db.prepare<[string], Row>('SELECT * FROM ledger_entries WHERE case_id = ? ORDER BY seq');
  const listOfTypeStmt = db.prepare<[string, string], Row>('SELECT * FROM ledger_entries WHERE case_id = ? AND type = ? ORDER BY seq');
  const insertStmt = db.prepare(
    `INSERT INTO ledger_entries (case_id, seq, at, actor_type, actor_id, type, payload, blobs, prev_hash, hash, signature)
     VALUES (@caseId, @seq, @at, @actorType, @actorId, @type, @payload, @blobs, @prevHash, @hash, @signature)`,
  );

  const appendInTx = db.transaction((input: AppendInput): LedgerEntry => {
    const head = headStmt.get(input.caseId);
    const entry = sealEntry({
      caseId: input.caseId,
      seq: head ? head.seq + 1 : 1,
      at: clock().toISOString(),
      actor: input.actor,
      type: input.type,
      payload: input.payload,
      blobs: input.blobs ?? [],
      prevHash: head ? head.hash : GENESIS_HASH,
    }, sign);
    insertStmt.run({
      ...entry,
      actorType: entry.actor.type,
      actorId: entry.actor.id,
      payload: JSON.stringify(entry.payload),
      blobs: JSON.stringify(entry.blobs),
    });
    return entry;
  });

  return {
    append: (input) => (db.inTransaction ? appendInTx(input) : appendInTx.immediate(input)),
    list: (caseId) => listStmt.all(caseId).map(fromRow),
    listOfType: (caseId, type) => listOfTypeStmt.all(caseId, type).map(fromRow),
    head: (caseId) => {
      const row = headStmt.get(caseId);
      return row ? fromRow(row) : null;
    },
  };
}

function fromRow(row: Row): LedgerEntry {
  return {
    caseId: row.case_id,
    seq: row.seq,
    at: row.at,
    actor: { type: row.actor_type, id: row.actor_id },
    type: row.type,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    blobs: JSON.parse(row.blobs) as string[],
    prevHash: row.prev_hash,
    hash: row.hash,
    signature: row.signature,
  };
}
