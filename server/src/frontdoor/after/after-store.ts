// The rows written after a session: the customer's survey answers and the assessor's wrap-ups.
import type { Selectable } from 'kysely';
import type { Disposition, SurveyView, WrapUpView } from '../../../../protocol/after-session.ts';
import type { Db } from '../../storage/database.ts';
import type { WrapUpsTable } from '../../storage/schema.ts';

const toWrapUp = (row: Selectable<WrapUpsTable> & { user_name: string }): WrapUpView => ({
  id: row.id, caseId: row.case_id, userId: row.user_id, userName: row.user_name, entryId: row.entry_id, disposition: row.disposition as Disposition, notes: row.notes, wrappedAt: row.wrapped_at,
});

export function createAfterStore(db: Db) {
  const wrapUpsWithNames = () => db.q().selectFrom('wrap_ups').innerJoin('users', 'users.id', 'wrap_ups.user_id').selectAll('wrap_ups').select('users.name as user_name');
  return {
    async survey(id: string): Promise<SurveyView | null> {
      const row = await db.q().selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? { id: row.id, caseId: row.case_id, score: Number(row.score), comment: row.comment, answeredAt: row.answered_at } : null;
    },

    async insertSurvey(survey: SurveyView): Promise<void> {
      await db.q().insertInto('surveys').values({ id: survey.id, case_id: survey.caseId, score: survey.score, comment: survey.comment, answered_at: survey.answeredAt }).execute();
    },

    async insertWrapUp(wrapUp: WrapUpView): Promise<void> {
      await db.q().insertInto('wrap_ups').values({
        id: wrapUp.id, case_id: wrapUp.caseId, user_id: wrapUp.userId, entry_id: wrapUp.entryId, disposition: wrapUp.disposition, notes: wrapUp.notes, wrapped_at: wrapUp.wrappedAt,
      }).execute();
    },

    /** The case's wrap-ups, oldest first. */
    async wrapUps(caseId: string): Promise<WrapUpView[]> {
      const rows = await wrapUpsWithNames().where('wrap_ups.case_id', '=', caseId).orderBy('wrap_ups.wrapped_at').orderBy('wrap_ups.id').execute();
      return rows.map(toWrapUp);
    },

    async wrapUpOfEntry(entryId: string): Promise<WrapUpView | null> {
      const row = await wrapUpsWithNames().where('wrap_ups.entry_id', '=', entryId).executeTakeFirst();
      return row ? toWrapUp(row) : null;
    },

    /** The queue entry's case and state, for checking a wrap-up's `entryId`. */
    async entryFacts(entryId: string): Promise<{ caseId: string; state: string; assignedTo: string | null } | null> {
      const row = await db.q().selectFrom('queue_entries').select(['case_id', 'state', 'assigned_to']).where('id', '=', entryId).executeTakeFirst();
      return row ? { caseId: row.case_id, state: row.state, assignedTo: row.assigned_to } : null;
    },
  };
}

export type AfterStore = ReturnType<typeof createAfterStore>;
