// Case outcomes as stored: one row per decision, never edited; the latest is the one in force.
import type { Selectable } from 'kysely';
import type { OutcomeView } from '../../../protocol/http.ts';
import type { Db } from '../storage/database.ts';
import type { OutcomesTable } from '../storage/schema.ts';

type Row = Omit<Selectable<OutcomesTable>, 'rowid'>;

const toView = (r: Row): OutcomeView => ({
  id: r.id, caseId: r.case_id, decision: r.decision as OutcomeView['decision'], reason: r.reason, amount: r.amount, currency: r.currency,
  damageItems: JSON.parse(r.damage_items) as OutcomeView['damageItems'], decidedBy: r.decided_by, at: r.at, supersedes: r.supersedes,
  booking: r.booking === null ? null : (JSON.parse(r.booking) as OutcomeView['booking']), followUpOn: r.follow_up_on,
});

const COLUMNS = ['id', 'case_id', 'decision', 'reason', 'amount', 'currency', 'damage_items', 'decided_by', 'at', 'supersedes', 'booking', 'follow_up_on'] as const;

export interface OutcomeStore {
  /** The case's outcomes, oldest first (ties in the order they were stored). */
  list(caseId: string): Promise<OutcomeView[]>;
  /** The outcome in force: the latest, ties broken by the order they were stored. */
  latest(caseId: string): Promise<OutcomeView | null>;
  insert(outcome: OutcomeView): Promise<void>;
}

export function createOutcomeStore(db: Db): OutcomeStore {
  return {
    list: async (caseId) =>
      (await db.q().selectFrom('outcomes').select(COLUMNS).where('case_id', '=', caseId).orderBy('at').orderBy('rowid').execute()).map(toView),
    async latest(caseId) {
      const row = await db.q().selectFrom('outcomes').select(COLUMNS).where('case_id', '=', caseId)
        .orderBy('at', 'desc').orderBy('rowid', 'desc').limit(1).executeTakeFirst();
      return row ? toView(row) : null;
    },
    async insert(o) {
      await db.q().insertInto('outcomes').values({
        id: o.id, case_id: o.caseId, decision: o.decision, reason: o.reason, amount: o.amount, currency: o.currency,
        damage_items: JSON.stringify(o.damageItems), decided_by: o.decidedBy, at: o.at, supersedes: o.supersedes,
        booking: o.booking ? JSON.stringify(o.booking) : null, follow_up_on: o.followUpOn,
      }).execute();
    },
  };
}
