// Annotations: the queryable projection of `annotation.placed` and `annotation.cleared` entries. The
// posted body is kept as canonical JSON, so a retried post is compared with what was stored exactly.
import { AnnotationBody } from '../../../protocol/spatial.ts';
import type { Db } from '../storage/database.ts';

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

interface Row {
  case_id: string;
  id: string;
  body: string;
  created_by: 'assessor' | 'customer';
  actor_id: string;
  at: string;
  ledger_seq: number;
  cleared_at: string | null;
}

const toRecord = (row: Row): AnnotationRecord => ({
  caseId: row.case_id,
  body: AnnotationBody.parse(JSON.parse(row.body)),
  bodyJson: row.body,
  createdBy: row.created_by,
  actorId: row.actor_id,
  at: row.at,
  ledgerSeq: row.ledger_seq,
  clearedAt: row.cleared_at,
});

export interface AnnotationStore {
  insert(record: AnnotationRecord): void;
  byId(caseId: string, id: string): AnnotationRecord | null;
  /** The case's annotations in the order they were placed, cleared ones included. */
  list(caseId: string): AnnotationRecord[];
  markCleared(caseId: string, ids: readonly string[], at: string, ledgerSeq: number): void;
}

export function createAnnotationStore(db: Db): AnnotationStore {
  const insertStmt = db.prepare(
    `INSERT INTO annotations (case_id, id, body, created_by, actor_id, at, ledger_seq)
     VALUES (@caseId, @id, @bodyJson, @createdBy, @actorId, @at, @ledgerSeq)`,
  );
  const byIdStmt = db.prepare<[string, string], Row>('SELECT * FROM annotations WHERE case_id = ? AND id = ?');
  const listStmt = db.prepare<[string], Row>('SELECT * FROM annotations WHERE case_id = ? ORDER BY ledger_seq');
  const clearStmt = db.prepare('UPDATE annotations SET cleared_at = ?, cleared_seq = ? WHERE case_id = ? AND id = ? AND cleared_at IS NULL');
  return {
    insert: (r) => insertStmt.run({ caseId: r.caseId, id: r.body.id, bodyJson: r.bodyJson, createdBy: r.createdBy, actorId: r.actorId, at: r.at, ledgerSeq: r.ledgerSeq }),
    byId(caseId, id) {
      const row = byIdStmt.get(caseId, id);
      return row ? toRecord(row) : null;
    },
    list: (caseId) => listStmt.all(caseId).map(toRecord),
    markCleared(caseId, ids, at, ledgerSeq) {
      for (const id of ids) clearStmt.run(at, ledgerSeq, caseId, id);
    },
  };
}
