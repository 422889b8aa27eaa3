// Tour activity of preview cases: each batch from the customer's page or the agent's console is
// checked against the case's tour, stored once per batch id and signed into the ledger as one
// `tour.activity` entry; what a case's customer was shown, and what all customers of a tour looked at,
// are added up from the stored batches.
import { TourEvent, type TourActivityBody, type TourActivityReceipt, type TourAnalytics, type TourExposure } from '../../../protocol/tour-activity.ts';
import { describeTourProblems, type TourManifest } from '../../../protocol/tour.ts';
import type { User } from '../../../protocol/http.ts';
import { actorOf, requireConsent, type Principal } from '../auth/principal.ts';
import type { CaseService } from '../cases/case-service.ts';
import { HttpError, notFound } from '../errors.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { Db } from '../storage/database.ts';
import { activityProblems, exposureOf, timelineOf, type TourMoment } from './tour-exposure.ts';

interface Row { case_id: string; batch_id: string; sender: 'customer' | 'assessor'; events: string; ledger_seq: number }

const eventsOf = (row: Row): TourEvent[] => TourEvent.array().parse(JSON.parse(row.events));

export type TourActivityService = ReturnType<typeof createTourActivityService>;

export function createTourActivityService(deps: { db: Db; ledger: LedgerStore; cases: CaseService; clock: () => Date; tour: (id: string) => TourManifest | null }) {
  const { db, ledger, clock } = deps;
  const byId = db.prepare<[string, string], Row>('SELECT * FROM tour_activity WHERE case_id = ? AND batch_id = ?');
  const ofCase = db.prepare<[string], Row>('SELECT * FROM tour_activity WHERE case_id = ? ORDER BY ledger_seq');
  const ofTour = db.prepare<[string], Row>('SELECT a.* FROM tour_activity a WHERE a.tour_id = ? ORDER BY a.case_id, a.ledger_seq');
  const ofTourFor = db.prepare<[string, string], Row>(
    'SELECT a.* FROM tour_activity a JOIN cases c ON c.id = a.case_id WHERE a.tour_id = ? AND c.assessor_id = ? ORDER BY a.case_id, a.ledger_seq',
  );
  const insert = db.prepare(
    'INSERT INTO tour_activity (case_id, batch_id, tour_id, sender, events, at, ledger_seq) VALUES (@caseId, @batchId, @tourId, @sender, @events, @at, @ledgerSeq)',
  );

  const tourOfCase = (caseId: string, tourId: string | null): { id: string; manifest: TourManifest } => {
    const manifest = tourId === null ? null : deps.tour(tourId);
    if (tourId === null || manifest === null) throw new HttpError(422, 'no_tour', `case ${caseId} shows no tour this server offers`);
    return { id: tourId, manifest };
  };

  return {
    record(principal: Principal, caseId: string, body: TourActivityBody): TourActivityReceipt {
      const record = deps.cases.authorize(principal, caseId);
      requireConsent(principal);
      const tour = tourOfCase(caseId, record.tour);
      const sender = principal.kind === 'customer' ? 'customer' : 'assessor';
      const problems = activityProblems(tour.manifest, body.events, sender);
      if (problems.length > 0) throw new HttpError(422, 'not_in_tour', describeTourProblems(problems));
      return db.transaction((): TourActivityReceipt => {
        const earlier = byId.get(caseId, body.batchId);
        if (earlier) return { batchId: body.batchId, ledgerSeq: earlier.ledger_seq, created: false };
        const entry = ledger.append({
          caseId,
          actor: actorOf(principal),
          type: 'tour.activity',
          payload: { batchId: body.batchId, tour: tour.id, from: sender, ...(body.view ? { view: body.view } : {}), events: body.events },
        });
        insert.run({ caseId, batchId: body.batchId, tourId: tour.id, sender, events: JSON.stringify(body.events), at: clock().toISOString(), ledgerSeq: entry.seq });
        return { batchId: body.batchId, ledgerSeq: entry.seq, created: true };
      }).immediate();
    },

    /** What the case's customer was shown; null for a case without a tour. */
    exposure(caseId: string, tourId: string | null): TourExposure | null {
      const manifest = tourId === null ? null : deps.tour(tourId);
      if (manifest === null) return null;
      return exposureOf(manifest, ofCase.all(caseId).map(eventsOf));
    },

    /** Everything shown and done on the case's tour, in order. */
    timeline(caseId: string): TourMoment[] {
      return timelineOf(ofCase.all(caseId).map((row) => ({ sender: row.sender, events: eventsOf(row) })));
    },

    /** What the customers of a tour looked at, over every case the user may see. */
    analytics(user: User, tourId: string): TourAnalytics {
      const manifest = deps.tour(tourId);
      if (!manifest) throw notFound('the tour');
      const rows = user.role === 'admin' ? ofTour.all(tourId) : ofTourFor.all(tourId, user.id);
      return { tour: tourId, cases: new Set(rows.map((r) => r.case_id)).size, exposure: exposureOf(manifest, rows.map(eventsOf)) };
    },
  };
}
