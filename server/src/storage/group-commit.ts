// Group commit for SQLite writes that are ready together: every piece of work queued in the same turn
// of the event loop runs in one transaction, so one commit (and with synchronous=FULL one WAL fsync)
// covers them all. Each piece runs in its own savepoint, so one that throws rolls back alone.
import type { Db } from './database.ts';

export type GroupCommit = <T>(work: () => T) => Promise<T>;

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** `commit(work)` resolves with work's result once the transaction holding it has committed. */
export function createGroupCommit(db: Db): GroupCommit {
  let queue: Array<{ work: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }> = [];

  const flush = (): void => {
    const batch = queue;
    queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = db.transaction(() => batch.map(({ work }): Outcome => {
        try {
          return { ok: true, value: db.transaction(work)() };
        } catch (error) {
          return { ok: false, error };
        }
      })).immediate();
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

  return <T>(work: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
}
