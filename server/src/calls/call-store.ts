// Call attempts as stored: one row per call, moved along by the console's events.
import type { Selectable } from 'kysely';
import type { CallView } from '../../../protocol/http.ts';
import type { Db } from '../storage/database.ts';
import type { CallsTable } from '../storage/schema.ts';

type Row = Omit<Selectable<CallsTable>, 'rowid'>;

const toView = (r: Row): CallView => ({
  id: r.id, caseId: r.case_id, startedAt: r.started_at, connectedAt: r.connected_at, endedAt: r.ended_at,
  state: r.state as CallView['state'], earlyFailure: r.early_failure === 1, detail: r.detail,
});

const COLUMNS = ['id', 'case_id', 'started_at', 'connected_at', 'ended_at', 'state', 'early_failure', 'detail'] as const;

export interface CallStore {
  byId(caseId: string, id: string): Promise<CallView | null>;
  /** The case a call id belongs to: call ids are chosen by the console but unique across all cases. */
  caseOf(id: string): Promise<string | null>;
  /** The case's calls by start, ties in the order they were stored. */
  list(caseId: string): Promise<CallView[]>;
  /**
   * Stores a new call, or the next state of a stored one of the same case (its start stays); false,
   * storing nothing, when the id is another case's call.
   */
  save(call: CallView): Promise<boolean>;
  /** The calls not ended on open cases of these assessors: each case with its assessor. */
  openOf(assessorIds: readonly string[]): Promise<Array<{ caseId: string; assessorId: string }>>;
}

export function createCallStore(db: Db): CallStore {
  return {
    async byId(caseId, id) {
      const row = await db.q().selectFrom('calls').select(COLUMNS).where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
      return row ? toView(row) : null;
    },
    async caseOf(id) {
      const row = await db.q().selectFrom('calls').select('case_id').where('id', '=', id).executeTakeFirst();
      return row?.case_id ?? null;
    },
    list: async (caseId) =>
      (await db.q().selectFrom('calls').select(COLUMNS).where('case_id', '=', caseId).orderBy('started_at').orderBy('rowid').execute()).map(toView),
    async save(call) {
      const next = { connected_at: call.connectedAt, ended_at: call.endedAt, state: call.state, early_failure: call.earlyFailure ? 1 : 0, detail: call.detail };
      const result = await db.q().insertInto('calls').values({ id: call.id, case_id: call.caseId, started_at: call.startedAt, ...next })
        .onConflict((oc) => oc.column('id').doUpdateSet(next).where('calls.case_id', '=', call.caseId)).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async openOf(assessorIds) {
      if (assessorIds.length === 0) return [];
      const rows = await db.q().selectFrom('calls').innerJoin('cases', 'cases.id', 'calls.case_id')
        .select(['calls.case_id', 'cases.assessor_id'])
        .where('calls.ended_at', 'is', null).where('cases.closed_at', 'is', null).where('cases.assessor_id', 'in', [...assessorIds])
        .execute();
      return rows.map((r) => ({ caseId: r.case_id, assessorId: r.assessor_id! }));
    },
  };
}
