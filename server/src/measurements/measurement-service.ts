// Point-to-point measurements from two WebXR hit-tests. The server computes the distance and its
// uncertainty from the two points and the camera pose (the shared `measure`); a client's own figure is
// never taken. Stored once per client-chosen id, ledgered, and pushed to the case's assessor.
import { measure, type MeasurementBody, type MeasurementView } from '../../../protocol/spatial.ts';
import { actorOf, requireConsent, type Principal } from '../auth/principal.ts';
import type { CaseService } from '../cases/case-service.ts';
import { HttpError, text } from '../errors.ts';
import type { EventHub } from '../events/event-hub.ts';
import { canonicalJson } from '../ledger/canonical-json.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import { writeOnce } from '../ledger/ledger-write.ts';
import type { Db } from '../storage/database.ts';
import type { MeasurementRecord, MeasurementStore } from './measurement-store.ts';

export const MEASUREMENT_RECORDED = 'measurement.recorded';

export interface MeasurementServiceDeps {
  db: Db;
  store: MeasurementStore;
  ledger: LedgerStore;
  cases: CaseService;
  hub: EventHub;
}

const toView = (r: MeasurementRecord): MeasurementView => ({
  ...r.body, caseId: r.caseId, createdBy: r.createdBy, at: r.at, distanceM: r.distanceM, uncertaintyM: r.uncertaintyM,
});

export type MeasurementService = ReturnType<typeof createMeasurementService>;

export function createMeasurementService(deps: MeasurementServiceDeps) {
  const { db, store, ledger, hub } = deps;

  return {
    /** The case's measurements; the caller has authorized the case. */
    listFor: async (caseId: string): Promise<MeasurementView[]> => (await store.list(caseId)).map(toView),

    async list(principal: Principal, caseId: string): Promise<MeasurementView[]> {
      await deps.cases.authorize(principal, caseId);
      return (await store.list(caseId)).map(toView);
    },

    /** Records a measurement; `created` is false when the same id was posted before with the same body. */
    async record(principal: Principal, caseId: string, body: MeasurementBody): Promise<{ measurement: MeasurementView; created: boolean }> {
      const caseRecord = await deps.cases.authorize(principal, caseId);
      requireConsent(principal);
      const actor = actorOf(principal);
      const bodyJson = canonicalJson(body);
      const result = await writeOnce(db, {
        caseId,
        find: () => store.byId(caseId, body.id),
        same: (earlier) => earlier.bodyJson === bodyJson,
        conflict: () => new HttpError(409, 'measurement_conflict', text('measurement.conflict', { id: body.id })),
        write: async () => {
          const { distanceM, uncertaintyM } = measure(body.a, body.b, body.cameraPose.position);
          const entry = await ledger.append({ caseId, actor, type: MEASUREMENT_RECORDED, payload: { ...body, distanceM, uncertaintyM } });
          const record: MeasurementRecord = {
            caseId, body, bodyJson, distanceM, uncertaintyM,
            createdBy: actor.type === 'customer' ? 'customer' : 'assessor', actorId: actor.id, at: entry.at, ledgerSeq: entry.seq,
          };
          await store.insert(record);
          return record;
        },
      });
      const measurement = toView(result.record);
      if (result.created) hub.publish(caseRecord.assessorId, { type: 'measurement', measurement });
      return { measurement, created: result.created };
    },
  };
}
