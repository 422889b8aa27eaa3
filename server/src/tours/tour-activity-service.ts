// Tour activity of preview cases: each batch from the customer's page or the agent's console is
// checked against the case's tour, stored once per batch id and signed into the ledger as one
// `tour.activity` entry; what a case's customer was shown, and what all customers of a tour looked at,
// are added up from the stored batches.
import type { TourActivityBody, TourActivityReceipt, TourAnalytics, TourExposure } from '../../../protocol/tour-activity.ts';
import { describeTourProblems, type TourManifest } from '../../../protocol/tour.ts';
import type { User } from '../../../protocol/http.ts';
import { actorOf, requireConsent, type Principal } from '../auth/principal.ts';
import type { CaseService } from '../cases/case-service.ts';
import { HttpError, notFound, text } from '../errors.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import { writeOnce } from '../ledger/ledger-write.ts';
import type { Db } from '../storage/database.ts';
import type { TourActivityBatch, TourActivityStore } from './tour-activity-store.ts';
import { activityProblems, exposureOf, timelineOf, type TourMoment } from './tour-exposure.ts';

export type TourActivityService = ReturnType<typeof createTourActivityService>;

export function createTourActivityService(deps: {
  db: Db; store: TourActivityStore; ledger: LedgerStore; cases: CaseService; clock: () => Date; tour: (id: string) => TourManifest | null;
}) {
  const { db, store, ledger, clock } = deps;

  const tourOfCase = (caseId: string, tourId: string | null): { id: string; manifest: TourManifest } => {
    const manifest = tourId === null ? null : deps.tour(tourId);
    if (tourId === null || manifest === null) throw new HttpError(422, 'no_tour', text('tour.none', { id: caseId }));
    return { id: tourId, manifest };
  };

  return {
    async record(principal: Principal, caseId: string, body: TourActivityBody): Promise<TourActivityReceipt> {
      const record = await deps.cases.authorize(principal, caseId);
      requireConsent(principal);
      const tour = tourOfCase(caseId, record.tour);
      const sender = principal.kind === 'customer' ? 'customer' : 'assessor';
      const problems = activityProblems(tour.manifest, body.events, sender);
      if (problems.length > 0) throw new HttpError(422, 'not_in_tour', describeTourProblems(problems));
      const { record: batch, created } = await writeOnce<TourActivityBatch>(db, {
        caseId,
        find: () => store.byId(caseId, body.batchId),
        // A batch sent again under its id is a retry: the stored batch stands.
        same: () => true,
        conflict: () => new Error('unreachable: every earlier batch is the same'),
        write: async () => {
          const entry = await ledger.append({
            caseId,
            actor: actorOf(principal),
            type: 'tour.activity',
            payload: { batchId: body.batchId, tour: tour.id, from: sender, ...(body.view ? { view: body.view } : {}), events: body.events },
          });
          const batch: TourActivityBatch = { caseId, batchId: body.batchId, tourId: tour.id, sender, events: body.events, at: clock().toISOString(), ledgerSeq: entry.seq };
          await store.insert(batch);
          return batch;
        },
      });
      return { batchId: body.batchId, ledgerSeq: batch.ledgerSeq, created };
    },

    /** What the case's customer was shown; null for a case without a tour. */
    async exposure(caseId: string, tourId: string | null): Promise<TourExposure | null> {
      const manifest = tourId === null ? null : deps.tour(tourId);
      if (manifest === null) return null;
      return exposureOf(manifest, (await store.ofCase(caseId)).map((b) => b.events));
    },

    /** Everything shown and done on the case's tour, in order. */
    async timeline(caseId: string): Promise<TourMoment[]> {
      return timelineOf((await store.ofCase(caseId)).map(({ sender, events }) => ({ sender, events })));
    },

    /** What the customers of a tour looked at, over every case the user may see. */
    async analytics(user: User, tourId: string): Promise<TourAnalytics> {
      const manifest = deps.tour(tourId);
      if (!manifest) throw notFound('tour');
      const batches = await store.ofTour(tourId, user.role === 'admin' ? undefined : user.id);
      return { tour: tourId, cases: new Set(batches.map((b) => b.caseId)).size, exposure: exposureOf(manifest, batches.map((b) => b.events)) };
    },
  };
}
