// Annotations: the queryable projection of `annotation.placed` and `annotation.cleared` entries. The
// posted body is kept as canonical JSON, so a retried post is compared with what was stored exactly.
import { AnnotationBody } from '../../../protocol/spatial.ts';
import type { Db } from '../storage/database.ts';
import type { AnnotationsTable } from '../storage/schema.ts';

export interface AnnotationRecord {
  caseId: string;
  body: AnnotationBody;
  /** Canonical JSON of `body`. */
  bodyJson: string;
  createdBy: 'assessor' | 'customer';
  actorId: string;
  at: string;
  ledgerSeq: number;
  clearedAt: string | null;
}

const toRecord = (row: AnnotationsTable): AnnotationRecord => ({
  caseId: row.case_id,
  body: AnnotationBody.parse(JSON.parse(row.body)),
  bodyJson: row.body,
  createdBy: row.created_by as AnnotationRecord['createdBy'],
  actorId: row.actor_id,
  at: row.at,
  ledgerSeq: row.ledger_seq,
  clearedAt: row.cleared_at,
});

export interface AnnotationStore {
  insert(record: AnnotationRecord): Promise<void>;
  byId(caseId: string, id: string): Promise<AnnotationRecord | null>;
  /** The case's annotations in the order they were placed, cleared ones included. */
  list(caseId: string): Promise<AnnotationRecord[]>;
  markCleared(caseId: string, ids: readonly string[], at: string, ledgerSeq: number): Promise<void>;
}

export function createAnnotationStore(db: Db): AnnotationStore {
  return {
    async insert(r) {
      await db.q().insertInto('annotations').values({
        case_id: r.caseId, id: r.body.id, body: r.bodyJson, created_by: r.createdBy, actor_id: r.actorId, at: r.at, ledger_seq: r.ledgerSeq,
      }).execute();
    },
    async byId(caseId, id) {
      const row = await db.q().selectFrom('annotations').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    list: async (caseId) =>
      (await db.q().selectFrom('annotations').selectAll().where('case_id', '=', caseId).orderBy('ledger_seq').execute()).map(toRecord),
    async markCleared(caseId, ids, at, ledgerSeq) {
      if (ids.length === 0) return;
      await db.q().updateTable('annotations').set({ cleared_at: at, cleared_seq: ledgerSeq })
        .where('case_id', '=', caseId).where('id', 'in', ids).where('cleared_at', 'is', null).execute();
    },
  };
}
