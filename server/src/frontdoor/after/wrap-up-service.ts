// The assessor's wrap-up of a session: how it ended and notes. Naming the queue entry the session came
// from finishes it when it is still assigned, so the wrap-up ends the session's hold on capacity.
import type { WrapUpBody, WrapUpView } from '../../../../protocol/after-session.ts';
import type { User } from '../../../../protocol/http.ts';
import { newId } from '../../auth/tokens.ts';
import type { CaseService } from '../../cases/case-service.ts';
import type { CaseStore } from '../../cases/case-store.ts';
import { authorizeLead } from '../../cases/participants-service.ts';
import { HttpError, text } from '../../errors.ts';
import type { LedgerStore } from '../../ledger/ledger-store.ts';
import type { Db } from '../../storage/database.ts';
import type { QueueService } from '../queue-service.ts';
import type { AfterStore } from './after-store.ts';

export type WrapUpService = ReturnType<typeof createWrapUpService>;

export function createWrapUpService(deps: { db: Db; store: AfterStore; ledger: LedgerStore; cases: CaseService; caseStore: Pick<CaseStore, 'byId'>; queue: Pick<QueueService, 'finish'>; clock: () => Date }) {
  const { db, store, ledger } = deps;

  /** The entry named, if it is the case's and its session is over or under way; why not otherwise. */
  const checkEntry = async (caseId: string, entryId: string) => {
    const entry = await store.entryFacts(entryId);
    if (!entry || entry.caseId !== caseId) throw new HttpError(422, 'unknown_entry', text('wrapUp.unknownEntry'));
    if (entry.state === 'waiting' || entry.state === 'offered') throw new HttpError(409, 'not_in_session', text('wrapUp.stillWaiting'));
    if (await store.wrapUpOfEntry(entryId)) throw new HttpError(409, 'already_wrapped_up', text('wrapUp.already'));
    return entry;
  };

  return {
    async wrapUp(user: User, caseId: string, body: WrapUpBody): Promise<WrapUpView> {
      await authorizeLead(deps, user, caseId);
      const entryId = body.entryId ?? null;
      if (entryId !== null) {
        const entry = await checkEntry(caseId, entryId);
        // Authorised for the case above; the finish is done as the entry's assessor, whoever wraps it up.
        if (entry.state === 'assigned') await deps.queue.finish(entryId, { id: entry.assignedTo!, role: 'assessor' });
      }
      const wrapUp: WrapUpView = { id: newId('wu'), caseId, userId: user.id, userName: user.name, entryId, disposition: body.disposition, notes: body.notes || null, wrappedAt: deps.clock().toISOString() };
      await db.transaction(async () => {
        // Two wrap-ups of one entry at once take turns: the second finds the first.
        await db.lockInTransaction(`wrap-up:${caseId}`);
        if (entryId !== null && (await store.wrapUpOfEntry(entryId))) throw new HttpError(409, 'already_wrapped_up', text('wrapUp.already'));
        await store.insertWrapUp(wrapUp);
        await ledger.append({ caseId, actor: { type: 'assessor', id: user.id }, type: 'session.wrapped-up', payload: { wrapUpId: wrapUp.id, entryId, disposition: wrapUp.disposition, notes: wrapUp.notes } });
      });
      return wrapUp;
    },

    async list(user: User, caseId: string): Promise<WrapUpView[]> {
      await authorizeLead(deps, user, caseId);
      return store.wrapUps(caseId);
    },
  };
}
