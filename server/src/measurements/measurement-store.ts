// Measurements: the queryable projection of `measurement.recorded` entries. The posted body is kept as
// canonical JSON, so a retried post is compared with what was stored exactly.
import { MeasurementBody } from '../../../protocol/spatial.ts';
import type { Db } from '../storage/database.ts';

export interface MeasurementRecord {
  caseId: string;
  body: MeasurementBody;
  /** Canonical JSON of `body`. */
  bodyJson: string;
  distanceM: number;
  uncertaintyM: number;
  createdBy: 'assessor' | 'customer';
  actorId: string;
  at: string;
  ledgerSeq: number;
}

interface Row {
  case_id: string;
  body: string;
  distance_m: number;
  uncertainty_m: number;
  created_by: 'assessor' | 'customer';
  actor_id: string;
  at: string;
  ledger_seq: number;
}

const toRecord = (row: Row): MeasurementRecord => ({
  caseId: row.case_id,
  body: MeasurementBody.parse(JSON.parse(row.body)),
  bodyJson: row.body,
  distanceM: row.distance_m,
  uncertaintyM: row.uncertainty_m,
  createdBy: row.created_by,
  actorId: row.actor_id,
  at: row.at,
  ledgerSeq: row.ledger_seq,
});

export interface MeasurementStore {
  insert(record: MeasurementRecord): void;
  byId(caseId: string, id: string): MeasurementRecord | null;
  /** The case's measurements in the order they were recorded. */
  list(caseId: string): MeasurementRecord[];
}

export function createMeasurementStore(db: Db): MeasurementStore {
  const insertStmt = db.prepare(
    `INSERT INTO measurements (case_id, id, body, distance_m, uncertainty_m, created_by, actor_id, at, ledger_seq)
     VALUES (@caseId, @id, @bodyJson, @distanceM, @uncertaintyM, @createdBy, @actorId, @at, @ledgerSeq)`,
  );
  const byIdStmt = db.prepare<[string, string], Row>('SELECT * FROM measurements WHERE case_id = ? AND id = ?');
  const listStmt = db.prepare<[string], Row>('SELECT * FROM measurements WHERE case_id = ? ORDER BY ledger_seq');
  return {
    insert: ({ body, ...r }) => insertStmt.run({ ...r, id: body.id }),
    byId(caseId, id) {
      const row = byIdStmt.get(caseId, id);
      return row ? toRecord(row) : null;
    },
    list: (caseId) => listStmt.all(caseId).map(toRecord),
  };
}
