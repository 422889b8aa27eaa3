// What happens to a case after creation: its details corrected, closed and reopened, archived and
// unarchived, assigned to another assessor. Each change is a ledger entry written in the same
// transaction as the row it describes, then published to the console.
import type { AssignCaseBody, CaseView, CloseCaseBody, UpdateCaseBody, User } from '../../../protocol/http.ts';
import type { LedgerPayload } from '../../../protocol/ledger.ts';
import { HttpError, notFound, text } from '../errors.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { Db } from '../storage/database.ts';
import type { CaseService } from './case-service.ts';
import type { CaseRecord, CaseStore } from './case-store.ts';

export interface CaseLifecycleDeps {
  db: Db;
  cases: CaseStore;
  service: CaseService;
  ledger: LedgerStore;
  hub: EventHub;
  /** Whether a user exists and is enabled: only such a user may be assigned a case. */
  userEnabled: (id: string) => Promise<'enabled' | 'disabled' | 'unknown'>;
}

export type CaseLifecycle = ReturnType<typeof createCaseLifecycle>;

const FIELDS = ['title', 'customerName', 'reference'] as const;

export function createCaseLifecycle(deps: CaseLifecycleDeps) {
  const { db, cases, service, ledger, hub } = deps;
  const closedListeners = new Set<(caseId: string) => Promise<void>>();

  /** A change to make to the case as it stands now; null when there is nothing to change. */
  type Change = 'case.updated' | 'case.closed' | 'case.reopened' | 'case.archived' | 'case.unarchived' | 'case.assigned';
  type Plan = { type: Change; payload: LedgerPayload<Change>; write: (at: string) => Promise<void> } | null;

  /**
   * Reaches the case, then, under the case's ledger lock, reads it again and lets `plan` decide on that
   * fresh record (two instances closing one case at once: the second is told it is closed already);
   * writes the row change and its ledger entry together, then tells the console.
   */
  const change = async (user: User, caseId: string, plan: (record: CaseRecord) => Plan): Promise<{ view: CaseView; before: CaseRecord; changed: boolean }> => {
    await service.authorize({ kind: 'user', user }, caseId);
    const { before, step } = await db.transaction(async () => {
      await db.lockInTransaction(`ledger:${caseId}`);
      const record = await cases.byId(caseId);
      if (!record) throw notFound('case');
      const next = plan(record);
      if (next) {
        const entry = await ledger.append({ caseId, actor: { type: 'assessor', id: user.id }, type: next.type, payload: next.payload });
        await next.write(entry.at);
      }
      return { before: record, step: next };
    });
    if (step) await service.publish(caseId);
    return { view: await service.view((await cases.byId(caseId)) ?? before), before, changed: step !== null };
  };

  return {
    /** Corrects the title, customer name or reference; a body that changes nothing writes nothing. */
    async update(user: User, caseId: string, body: UpdateCaseBody): Promise<CaseView> {
      const { view } = await change(user, caseId, (record) => {
        const before: Record<string, string | null> = {};
        const after: Record<string, string | null> = {};
        for (const field of FIELDS) {
          const next = body[field] === undefined ? undefined : body[field] || null;
          if (next === undefined || next === record[field]) continue;
          before[field] = record[field];
          after[field] = next;
        }
        if (Object.keys(after).length === 0) return null;
        return { type: 'case.updated', payload: { before, after }, write: () => cases.update(record.id, after) };
      });
      return view;
    },

    async close(user: User, caseId: string, body: CloseCaseBody): Promise<CaseView> {
      const { view } = await change(user, caseId, (record) => {
        if (record.closedAt !== null) throw new HttpError(409, 'already_closed', text('case.alreadyClosed'));
        return { type: 'case.closed', payload: { reason: body.reason || null }, write: (at) => cases.setClosed(record.id, at) };
      });
      await Promise.all([...closedListeners].map((listener) => listener(caseId)));
      return view;
    },

    async reopen(user: User, caseId: string): Promise<CaseView> {
      return (await change(user, caseId, (record) => {
        if (record.closedAt === null) throw new HttpError(409, 'not_closed', text('case.alreadyOpen'));
        if (record.archivedAt !== null) throw new HttpError(409, 'case_archived', text('case.archivedReopen'));
        return { type: 'case.reopened', payload: {}, write: () => cases.setClosed(record.id, null) };
      })).view;
    },

    async archive(user: User, caseId: string): Promise<CaseView> {
      return (await change(user, caseId, (record) => {
        if (record.closedAt === null) throw new HttpError(409, 'case_open', text('case.closeBeforeArchive'));
        if (record.archivedAt !== null) throw new HttpError(409, 'already_archived', text('case.alreadyArchived'));
        return { type: 'case.archived', payload: {}, write: (at) => cases.setArchived(record.id, at) };
      })).view;
    },

    async unarchive(user: User, caseId: string): Promise<CaseView> {
      return (await change(user, caseId, (record) => {
        if (record.archivedAt === null) throw new HttpError(409, 'not_archived', text('case.notArchived'));
        return { type: 'case.unarchived', payload: {}, write: () => cases.setArchived(record.id, null) };
      })).view;
    },

    /** Moves a case to another enabled assessor (the caller is an admin); both assessors' lists update. */
    async assign(admin: User, caseId: string, body: AssignCaseBody): Promise<CaseView> {
      await service.authorize({ kind: 'user', user: admin }, caseId);
      const target = await deps.userEnabled(body.assessorId);
      if (target === 'unknown') throw new HttpError(422, 'unknown_assessor', text('case.noSuchAssignee'));
      if (target === 'disabled') throw new HttpError(422, 'assessor_disabled', text('case.assigneeDisabled'));
      const { view, before, changed } = await change(admin, caseId, (record) =>
        record.assessorId === body.assessorId ? null
          : { type: 'case.assigned', payload: { from: record.assessorId, to: body.assessorId }, write: () => cases.setAssessor(record.id, body.assessorId) });
      // The new assessor heard of it through service.publish; the old one hears it too, to drop the case.
      if (changed) hub.publish(before.assessorId, { type: 'case', case: view });
      return view;
    },

    /** How many open cases each assessor holds, for the users page. */
    openCounts: (): Promise<Map<string, number>> => cases.openCounts(),

    /** Tells `listener` each time a case is closed; returns the unsubscribe. */
    onClosed(listener: (caseId: string) => Promise<void>): () => void {
      closedListeners.add(listener);
      return () => closedListeners.delete(listener);
    },
  };
}
