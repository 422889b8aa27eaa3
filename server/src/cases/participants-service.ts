// Inviting an expert (or a supervisor) to a case: the case's assessor, a supervisor or an admin invites,
// removes and lists. An invited expert reads the case and chats in it (CaseService.authorize, 'participants').
import type { ParticipantView } from '../../../protocol/after-session.ts';
import type { User } from '../../../protocol/http.ts';
import type { UserStore } from '../auth/user-store.ts';
import { HttpError, notFound, text } from '../errors.ts';
import type { CaseService } from './case-service.ts';
import type { CaseRecord, CaseStore } from './case-store.ts';
import type { ParticipantsStore } from './participants-store.ts';

/**
 * The case, if the user leads it: an admin or a supervisor, or the case's assessor. Anyone else gets
 * what CaseService.authorize says (403 not theirs, 404 an expert not invited), and an invited expert 403.
 */
export async function authorizeLead(deps: { cases: CaseService; caseStore: Pick<CaseStore, 'byId'> }, user: User, caseId: string): Promise<CaseRecord> {
  if (user.role !== 'admin' && user.role !== 'supervisor') return deps.cases.authorize({ kind: 'user', user }, caseId);
  const record = await deps.caseStore.byId(caseId);
  if (!record) throw notFound('case');
  return record;
}

export type ParticipantsService = ReturnType<typeof createParticipantsService>;

export function createParticipantsService(deps: { cases: CaseService; caseStore: Pick<CaseStore, 'byId'>; store: ParticipantsStore; users: Pick<UserStore, 'byId'>; clock: () => Date }) {
  const { store } = deps;
  return {
    async invite(user: User, caseId: string, userId: string): Promise<ParticipantView> {
      const record = await authorizeLead(deps, user, caseId);
      if (record.closedAt !== null) throw new HttpError(409, 'case_closed', text('case.closedForInvite'));
      const invitee = await deps.users.byId(userId);
      if (!invitee) throw new HttpError(422, 'unknown_user', text('case.unknownUser'));
      if (invitee.role !== 'expert' && invitee.role !== 'supervisor') {
        throw new HttpError(422, 'not_invitable', text(invitee.role === 'admin' ? 'case.notInvitableAdmin' : 'case.notInvitableAssessor'));
      }
      const added = await store.insert({ caseId, userId, role: invitee.role, invitedBy: user.id, invitedAt: deps.clock().toISOString() });
      if (!added) throw new HttpError(409, 'already_invited', text('case.alreadyInvited', { name: invitee.name }));
      return (await store.list(caseId)).find((p) => p.userId === userId)!;
    },

    async remove(user: User, caseId: string, userId: string): Promise<void> {
      await authorizeLead(deps, user, caseId);
      if (!(await store.remove(caseId, userId))) throw notFound('invitation');
    },

    /** Who is invited: for the case's own people and for those invited. */
    async list(user: User, caseId: string): Promise<ParticipantView[]> {
      if (user.role === 'admin' || user.role === 'supervisor') await authorizeLead(deps, user, caseId);
      else await deps.cases.authorize({ kind: 'user', user }, caseId, 'participants');
      return store.list(caseId);
    },
  };
}
