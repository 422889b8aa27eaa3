// Group commit for SQLite writes that are ready together: every piece of work queued in the same turn
// of the event loop runs in one transaction, so one commit (and with synchronous=FULL one WAL fsync)
// covers them all. Each piece runs in its own savepoint, so one that throws rolls back alone.
import type { Db } from './database.ts';

export type GroupCommit = <T>(work: () => Promise<T>) => Promise<T>;

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Queued {
  work: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** `commit(work)` resolves with work's result once the transaction holding it has committed. */
export function createGroupCommit(db: Db): GroupCommit {
  // PostgreSQL gives each piece its own transaction: its server already shares one WAL flush between
  // commits that arrive together, and its transactions run side by side on the pool's connections.
  // One transaction for a batch would instead queue unrelated pieces on one connection and hold every
  // case's ledger lock (taken by each append) until the slowest piece of the batch is done.
  if (db.dialect === 'postgres') return (work) => db.transaction(work);

  let queue: Queued[] = [];

  const flush = async (): Promise<void> => {
    const batch = queue;
    queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = await db.transaction(async () => {
        const done: Outcome[] = [];
        // One after another: savepoints nest, so pieces of one transaction cannot interleave.
        for (const { work } of batch) {
          try {
            done.push({ ok: true, value: await db.savepoint(work) });
          } catch (error) {
            done.push({ ok: false, error });
          }
        }
        return done;
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    // Only now, committed and synced, does any caller hear back.
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  };

  return <T>(work: () => Promise<T>): Promise<T> => {
    // A caller already in a transaction commits with it: its work is a savepoint there.
    if (db.inTransaction()) return db.savepoint(work);
    return new Promise<T>((resolve, reject) => {
      if (queue.length === 0) setImmediate(() => void flush());
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
  };
}
