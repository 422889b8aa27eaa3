// Annotations placed on the live view (anchored in the room when the customer's device tracks it):
// stored once per client-chosen id, cleared by a new entry (never deleted), each step ledgered and
// pushed to the case's assessor.
import type { AnnotationBody, AnnotationView, ClearAnnotationsBody } from '../../../protocol/spatial.ts';
import { actorOf, requireConsent, type Principal } from '../auth/principal.ts';
import type { CaseService } from '../cases/case-service.ts';
import { HttpError, text } from '../errors.ts';
import type { EventHub } from '../events/event-hub.ts';
import { canonicalJson } from '../ledger/canonical-json.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import { writeOnce } from '../ledger/ledger-write.ts';
import type { Db } from '../storage/database.ts';
import type { AnnotationRecord, AnnotationStore } from './annotation-store.ts';

export const ANNOTATION_PLACED = 'annotation.placed';
export const ANNOTATION_CLEARED = 'annotation.cleared';

export interface AnnotationServiceDeps {
  db: Db;
  store: AnnotationStore;
  ledger: LedgerStore;
  cases: CaseService;
  hub: EventHub;
}

const toView = (r: AnnotationRecord): AnnotationView => ({ ...r.body, caseId: r.caseId, createdBy: r.createdBy, at: r.at, clearedAt: r.clearedAt });

export type AnnotationService = ReturnType<typeof createAnnotationService>;

export function createAnnotationService(deps: AnnotationServiceDeps) {
  const { db, store, ledger, hub } = deps;

  const writer = async (principal: Principal, caseId: string) => {
    const record = await deps.cases.authorize(principal, caseId);
    requireConsent(principal);
    return record;
  };

  return {
    /** The case's annotations, cleared ones included; the caller has authorized the case. */
    listFor: async (caseId: string): Promise<AnnotationView[]> => (await store.list(caseId)).map(toView),

    async list(principal: Principal, caseId: string): Promise<AnnotationView[]> {
      await deps.cases.authorize(principal, caseId);
      return (await store.list(caseId)).map(toView);
    },

    /** Stores an annotation; `created` is false when the same id was posted before with the same body. */
    async place(principal: Principal, caseId: string, body: AnnotationBody): Promise<{ annotation: AnnotationView; created: boolean }> {
      const caseRecord = await writer(principal, caseId);
      const actor = actorOf(principal);
      const bodyJson = canonicalJson(body);
      const result = await writeOnce(db, {
        caseId,
        find: () => store.byId(caseId, body.id),
        same: (earlier) => earlier.bodyJson === bodyJson,
        conflict: () => new HttpError(409, 'annotation_conflict', text('annotation.conflict', { id: body.id })),
        write: async () => {
          const entry = await ledger.append({ caseId, actor, type: ANNOTATION_PLACED, payload: body });
          const record: AnnotationRecord = {
            caseId, body, bodyJson, createdBy: actor.type === 'customer' ? 'customer' : 'assessor', actorId: actor.id, at: entry.at, ledgerSeq: entry.seq, clearedAt: null,
          };
          await store.insert(record);
          return record;
        },
      });
      const annotation = toView(result.record);
      if (result.created) hub.publish(caseRecord.assessorId, { type: 'annotation', annotation });
      return { annotation, created: result.created };
    },

    /**
     * Clears the named annotations (or every visible one) with one `annotation.cleared` entry; returns
     * those cleared now. Already-cleared ids are skipped; an id the case never had is a 404.
     */
    async clear(principal: Principal, caseId: string, body: ClearAnnotationsBody): Promise<AnnotationView[]> {
      const caseRecord = await writer(principal, caseId);
      const cleared = await db.transaction(async () => {
        // The ledger's lock first: a concurrent clear of the same annotations waits and then finds them cleared.
        await db.lockInTransaction(`ledger:${caseId}`);
        const all = await store.list(caseId);
        if (body.ids) {
          const known = new Set(all.map((r) => r.body.id));
          const unknown = [...new Set(body.ids.filter((id) => !known.has(id)))];
          if (unknown.length > 0) throw new HttpError(404, 'not_found', text('annotation.unknown', { ids: unknown.join(', ') }));
        }
        const wanted = body.ids ? new Set(body.ids) : null;
        const targets = all.filter((r) => r.clearedAt === null && (wanted === null || wanted.has(r.body.id)));
        if (targets.length === 0) return [];
        const ids = targets.map((r) => r.body.id);
        const entry = await ledger.append({ caseId, actor: actorOf(principal), type: ANNOTATION_CLEARED, payload: { ids, all: wanted === null } });
        await store.markCleared(caseId, ids, entry.at, entry.seq);
        return targets.map((r) => toView({ ...r, clearedAt: entry.at }));
      });
      for (const annotation of cleared) hub.publish(caseRecord.assessorId, { type: 'annotation', annotation });
      return cleared;
    },
  };
}
