// The experts and supervisors invited to a case (case_participants).
import type { ParticipantView } from '../../../protocol/after-session.ts';
import type { Role } from '../../../protocol/http.ts';
import type { Db } from '../storage/database.ts';

export function createParticipantsStore(db: Db) {
  return {
    async roleOf(caseId: string, userId: string): Promise<Role | null> {
      const row = await db.q().selectFrom('case_participants').select('role').where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst();
      return row ? (row.role as Role) : null;
    },

    /** False when the user was already invited (the row stands as it was). */
    async insert(row: { caseId: string; userId: string; role: 'expert' | 'supervisor'; invitedBy: string; invitedAt: string }): Promise<boolean> {
      const result = await db.q().insertInto('case_participants')
        .values({ case_id: row.caseId, user_id: row.userId, role: row.role, invited_by: row.invitedBy, invited_at: row.invitedAt })
        .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },

    /** False when the user was not invited. */
    async remove(caseId: string, userId: string): Promise<boolean> {
      const result = await db.q().deleteFrom('case_participants').where('case_id', '=', caseId).where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Everyone invited to the case, in the order they were invited. */
    async list(caseId: string): Promise<ParticipantView[]> {
      const rows = await db.q().selectFrom('case_participants').innerJoin('users', 'users.id', 'case_participants.user_id')
        .select(['case_participants.user_id', 'users.name', 'case_participants.role', 'case_participants.invited_by', 'case_participants.invited_at'])
        .where('case_participants.case_id', '=', caseId).orderBy('case_participants.invited_at').orderBy('case_participants.user_id').execute();
      return rows.map((r) => ({ userId: r.user_id, name: r.name, role: r.role as Role, invitedBy: r.invited_by, invitedAt: r.invited_at }));
    },
  };
}

export type ParticipantsStore = ReturnType<typeof createParticipantsStore>;
