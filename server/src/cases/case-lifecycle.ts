// What happens to a case after creation: its details corrected, closed and reopened, archived and
// unarchived, assigned to another assessor. Each change is a ledger entry written in the same
// transaction as the row it describes, then published to the console.
import type { AssignCaseBody, CaseView, CloseCaseBody, UpdateCaseBody, User } from '../../../protocol/http.ts';
import { HttpError } from '../errors.ts';
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
  userEnabled: (id: string) => 'enabled' | 'disabled' | 'unknown';
}

export type CaseLifecycle = ReturnType<typeof createCaseLifecycle>;

const FIELDS = ['title', 'customerName', 'reference'] as const;

export function createCaseLifecycle(deps: CaseLifecycleDeps) {
  const { db, cases, service, ledger, hub } = deps;
  const closedListeners = new Set<(caseId: string) => void>();

  /** Writes the row change and its ledger entry together, then tells the console. */
  const change = (user: User, record: CaseRecord, type: string, payload: Record<string, unknown>, write: (at: string) => void): CaseView => {
    db.transaction(() => {
      const entry = ledger.append({ caseId: record.id, actor: { type: 'assessor', id: user.id }, type, payload });
      write(entry.at);
    }).immediate();
    service.publish(record.id);
    return service.view(cases.byId(record.id) ?? record);
  };

  const reach = (user: User, caseId: string): CaseRecord => service.authorize({ kind: 'user', user }, caseId);

  return {
    /** Corrects the title, customer name or reference; a body that changes nothing writes nothing. */
    update(user: User, caseId: string, body: UpdateCaseBody): CaseView {
      const record = reach(user, caseId);
      const before: Record<string, string | null> = {};
      const after: Record<string, string | null> = {};
      for (const field of FIELDS) {
        const next = body[field] === undefined ? undefined : body[field] || null;
        if (next === undefined || next === record[field]) continue;
        before[field] = record[field];
        after[field] = next;
      }
      if (Object.keys(after).length === 0) return service.view(record);
      return change(user, record, 'case.updated', { before, after }, () => cases.update(record.id, after));
    },

    close(user: User, caseId: string, body: CloseCaseBody): CaseView {
      const record = reach(user, caseId);
      if (record.closedAt !== null) throw new HttpError(409, 'already_closed', 'This case is closed already.');
      const view = change(user, record, 'case.closed', { reason: body.reason || null }, (at) => cases.setClosed(record.id, at));
      for (const listener of closedListeners) listener(record.id);
      return view;
    },

    reopen(user: User, caseId: string): CaseView {
      const record = reach(user, caseId);
      if (record.closedAt === null) throw new HttpError(409, 'not_closed', 'This case is open already.');
      if (record.archivedAt !== null) throw new HttpError(409, 'case_archived', 'This case is archived; unarchive it before reopening it.');
      return change(user, record, 'case.reopened', {}, () => cases.setClosed(record.id, null));
    },

    archive(user: User, caseId: string): CaseView {
      const record = reach(user, caseId);
      if (record.closedAt === null) throw new HttpError(409, 'case_open', 'Only a closed case can be archived; close it first.');
      if (record.archivedAt !== null) throw new HttpError(409, 'already_archived', 'This case is archived already.');
      return change(user, record, 'case.archived', {}, (at) => cases.setArchived(record.id, at));
    },

    unarchive(user: User, caseId: string): CaseView {
      const record = reach(user, caseId);
      if (record.archivedAt === null) throw new HttpError(409, 'not_archived', 'This case is not archived.');
      return change(user, record, 'case.unarchived', {}, () => cases.setArchived(record.id, null));
    },

    /** Moves a case to another enabled assessor (the caller is an admin); both assessors' lists update. */
    assign(admin: User, caseId: string, body: AssignCaseBody): CaseView {
      const record = reach(admin, caseId);
      const target = deps.userEnabled(body.assessorId);
      if (target === 'unknown') throw new HttpError(422, 'unknown_assessor', 'There is no user with this id to assign the case to.');
      if (target === 'disabled') throw new HttpError(422, 'assessor_disabled', 'This user is disabled; enable them before assigning them a case.');
      if (record.assessorId === body.assessorId) return service.view(record);
      const view = change(admin, record, 'case.assigned', { from: record.assessorId, to: body.assessorId }, () => cases.setAssessor(record.id, body.assessorId));
      // The new assessor heard of it through service.publish; the old one hears it too, to drop the case.
      hub.publish(record.assessorId, { type: 'case', case: view });
      return view;
    },

    /** How many open cases each assessor holds, for the users page. */
    openCounts: (): Map<string, number> => cases.openCounts(),

    /** Tells `listener` each time a case is closed; returns the unsubscribe. */
    onClosed(listener: (caseId: string) => void): () => void {
      closedListeners.add(listener);
      return () => closedListeners.delete(listener);
    },
  };
}
