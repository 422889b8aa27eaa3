// Measurements: the queryable projection of `measurement.recorded` entries. The posted body is kept as
// canonical JSON, so a retried post is compared with what was stored exactly.
import { MeasurementBody } from '../../../protocol/spatial.ts';
import type { Db } from '../storage/database.ts';
import type { MeasurementsTable } from '../storage/schema.ts';

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

const toRecord = (row: MeasurementsTable): MeasurementRecord => ({
  caseId: row.case_id,
  body: MeasurementBody.parse(JSON.parse(row.body)),
  bodyJson: row.body,
  distanceM: row.distance_m,
  uncertaintyM: row.uncertainty_m,
  createdBy: row.created_by as MeasurementRecord['createdBy'],
  actorId: row.actor_id,
  at: row.at,
  ledgerSeq: row.ledger_seq,
});

export interface MeasurementStore {
  insert(record: MeasurementRecord): Promise<void>;
  byId(caseId: string, id: string): Promise<MeasurementRecord | null>;
  /** The case's measurements in the order they were recorded. */
  list(caseId: string): Promise<MeasurementRecord[]>;
}

export function createMeasurementStore(db: Db): MeasurementStore {
  return {
    async insert(r) {
      await db.q().insertInto('measurements').values({
        case_id: r.caseId, id: r.body.id, body: r.bodyJson, distance_m: r.distanceM, uncertainty_m: r.uncertaintyM,
        created_by: r.createdBy, actor_id: r.actorId, at: r.at, ledger_seq: r.ledgerSeq,
      }).execute();
    },
    async byId(caseId, id) {
      const row = await db.q().selectFrom('measurements').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    list: async (caseId) =>
      (await db.q().selectFrom('measurements').selectAll().where('case_id', '=', caseId).orderBy('ledger_seq').execute()).map(toRecord),
  };
}
