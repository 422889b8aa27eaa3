// The one way a client-named record is written with its ledger entry, idempotently: the record is
// looked up under the case's ledger lock; the same body again returns it (created: false), another body
// under the same name is refused, and only a new name writes (the entry and the record in one
// transaction). Annotations, measurements, evidence, recordings and tour activity all write this way.
import type { Db } from '../storage/database.ts';

export interface WriteOnce<R> {
  caseId: string;
  /** The record already stored under the client's name, if any. */
  find: () => Promise<R | undefined | null>;
  /** Whether the stored record is the same write again; otherwise `conflict` is thrown. */
  same: (earlier: R) => boolean;
  conflict: (earlier: R) => Error;
  /** Appends the entry and stores the record; runs only when nothing is stored under the name. */
  write: () => Promise<R>;
}

export function writeOnce<R>(db: Db, spec: WriteOnce<R>): Promise<{ record: R; created: boolean }> {
  return db.transaction(async () => {
    // The same lock the ledger append takes: two instances writing the same name take turns, so the
    // second finds the first's record instead of colliding on the insert.
    await db.lockInTransaction(`ledger:${spec.caseId}`);
    const earlier = await spec.find();
    if (earlier) {
      if (!spec.same(earlier)) throw spec.conflict(earlier);
      return { record: earlier, created: false };
    }
    return { record: await spec.write(), created: true };
  });
}
