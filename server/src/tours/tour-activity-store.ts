// Tour activity as stored: one row per batch of a case's tour events, named by the sender's batch id.
import { TourEvent } from '../../../protocol/tour-activity.ts';
import type { Db } from '../storage/database.ts';
import type { TourActivityTable } from '../storage/schema.ts';

export interface TourActivityBatch {
  caseId: string;
  batchId: string;
  tourId: string;
  sender: 'customer' | 'assessor';
  events: TourEvent[];
  at: string;
  ledgerSeq: number;
}

const Events = TourEvent.array();

const toBatch = (row: TourActivityTable): TourActivityBatch => ({
  caseId: row.case_id,
  batchId: row.batch_id,
  tourId: row.tour_id,
  sender: row.sender as TourActivityBatch['sender'],
  events: Events.parse(JSON.parse(row.events)),
  at: row.at,
  ledgerSeq: row.ledger_seq,
});

export interface TourActivityStore {
  byId(caseId: string, batchId: string): Promise<TourActivityBatch | null>;
  /** The case's batches in ledger order. */
  ofCase(caseId: string): Promise<TourActivityBatch[]>;
  /** A tour's batches over every case, or over the cases of one assessor; by case, then ledger order. */
  ofTour(tourId: string, assessorId?: string): Promise<TourActivityBatch[]>;
  insert(batch: TourActivityBatch): Promise<void>;
}

export function createTourActivityStore(db: Db): TourActivityStore {
  return {
    async byId(caseId, batchId) {
      const row = await db.q().selectFrom('tour_activity').selectAll().where('case_id', '=', caseId).where('batch_id', '=', batchId).executeTakeFirst();
      return row ? toBatch(row) : null;
    },
    ofCase: async (caseId) =>
      (await db.q().selectFrom('tour_activity').selectAll().where('case_id', '=', caseId).orderBy('ledger_seq').execute()).map(toBatch),
    async ofTour(tourId, assessorId) {
      let query = db.q().selectFrom('tour_activity as a').selectAll('a').where('a.tour_id', '=', tourId);
      if (assessorId !== undefined) {
        query = query.where(({ exists, selectFrom }) =>
          exists(selectFrom('cases as c').select('c.id').whereRef('c.id', '=', 'a.case_id').where('c.assessor_id', '=', assessorId)));
      }
      return (await query.orderBy('a.case_id').orderBy('a.ledger_seq').execute()).map(toBatch);
    },
    async insert(b) {
      await db.q().insertInto('tour_activity').values({
        case_id: b.caseId, batch_id: b.batchId, tour_id: b.tourId, sender: b.sender, events: JSON.stringify(b.events), at: b.at, ledger_seq: b.ledgerSeq,
      }).execute();
    },
  };
}
