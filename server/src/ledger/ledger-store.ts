// Appends ledger entries and reads a case's chain back in order. Writers of one case take turns (the
// database lock in `append`), and the schema refuses what a writer that skipped the turn would
// leave: a second entry at a seq (primary key) or one that does not name its predecessor's hash
// (foreign key), so a chain can neither fork nor gap across instances.
import type { LedgerActor, LedgerEntry } from '../../../protocol/http.ts';
import type { LedgerKind, LedgerPayload } from '../../../protocol/ledger.ts';
import type { Db } from '../storage/database.ts';
import type { LedgerEntriesTable } from '../storage/schema.ts';
import { GENESIS_HASH, sealEntry } from './chain.ts';
import type { LedgerSigner } from './signing-key.ts';

/**
 * One entry to append: a kind of the contract (protocol/ledger.ts) and a payload of that kind, so a
 * wrong payload fails to typecheck where it is written.
 */
export interface AppendInput<K extends LedgerKind> {
  caseId: string;
  actor: LedgerActor;
  type: K;
  payload: LedgerPayload<K>;
  blobs?: string[];
}

export interface LedgerStore {
  /** Appends inside the caller's transaction when there is one; returns the sealed entry. */
  append<K extends LedgerKind>(input: AppendInput<K>): Promise<LedgerEntry>;
  list(caseId: string): Promise<LedgerEntry[]>;
  /** The case's entries of one type, in sequence order. */
  listOfType(caseId: string, type: LedgerKind): Promise<LedgerEntry[]>;
  /** The case's entries after `seq`, in order (a live stream catching up). */
  listAfter(caseId: string, seq: number): Promise<LedgerEntry[]>;
  head(caseId: string): Promise<LedgerEntry | null>;
}

/**
 * `clock`: when entries are stamped. 'database' (PostgreSQL's clock, one for every instance) or a
 * function (the process clock on SQLite; a test's clock). Either way an entry is never stamped
 * earlier than the one before it. `signer`: the key every entry is signed with, and named by (its keyId).
 * `onAppended`: runs in the append's transaction right after the entry's row (the webhook outbox is
 * written there, so it commits or rolls back with the entry).
 */
export function createLedgerStore(db: Db, clock: (() => Date) | 'database', signer: LedgerSigner, onAppended?: (entry: LedgerEntry) => Promise<void>): LedgerStore {
  const head = async (caseId: string): Promise<LedgerEntriesTable | undefined> =>
    db.q().selectFrom('ledger_entries').selectAll().where('case_id', '=', caseId).orderBy('seq', 'desc').limit(1).executeTakeFirst();

  const append = <K extends LedgerKind>(input: AppendInput<K>): Promise<LedgerEntry> => db.transaction(async () => {
    // Lock first, then read the head: the head another writer left is then committed and seen.
    const lock = `ledger:${input.caseId}`;
    const stamp = clock === 'database' ? await db.lockAndNow(lock) : (await db.lockInTransaction(lock), clock());
    const previous = await head(input.caseId);
    const now = stamp.toISOString();
    const entry = sealEntry({
      caseId: input.caseId,
      seq: previous ? previous.seq + 1 : 1,
      at: previous && previous.at > now ? previous.at : now,
      actor: input.actor,
      type: input.type,
      payload: input.payload,
      blobs: input.blobs ?? [],
      prevHash: previous ? previous.hash : GENESIS_HASH,
      keyId: signer.key.keyId,
    }, signer.sign);
    await db.q().insertInto('ledger_entries').values({
      case_id: entry.caseId,
      seq: entry.seq,
      prev_seq: previous ? previous.seq : null,
      at: entry.at,
      actor_type: entry.actor.type,
      actor_id: entry.actor.id,
      type: entry.type,
      payload: JSON.stringify(entry.payload),
      blobs: JSON.stringify(entry.blobs),
      prev_hash: entry.prevHash,
      hash: entry.hash,
      signature: entry.signature,
      key_id: entry.keyId ?? null,
    }).execute();
    await onAppended?.(entry);
    return entry;
  });

  const entries = db.q;
  return {
    append,
    list: async (caseId) => (await entries().selectFrom('ledger_entries').selectAll().where('case_id', '=', caseId).orderBy('seq').execute()).map(fromRow),
    listOfType: async (caseId, type) =>
      (await entries().selectFrom('ledger_entries').selectAll().where('case_id', '=', caseId).where('type', '=', type).orderBy('seq').execute()).map(fromRow),
    listAfter: async (caseId, seq) =>
      (await entries().selectFrom('ledger_entries').selectAll().where('case_id', '=', caseId).where('seq', '>', seq).orderBy('seq').execute()).map(fromRow),
    head: async (caseId) => {
      const row = await head(caseId);
      return row ? fromRow(row) : null;
    },
  };
}

function fromRow(row: LedgerEntriesTable): LedgerEntry {
  return {
    caseId: row.case_id,
    seq: row.seq,
    at: row.at,
    actor: { type: row.actor_type as LedgerActor['type'], id: row.actor_id },
    type: row.type,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    blobs: JSON.parse(row.blobs) as string[],
    prevHash: row.prev_hash,
    ...(row.key_id === null ? {} : { keyId: row.key_id }),
    hash: row.hash,
    signature: row.signature,
  };
}
