// Case outcomes. A changed decision is a new outcome that names the one it supersedes; none is edited.
// A damage case is approved, denied, referred or settled; a preview case is booked (an option of its
// tour, a seat of its cabin, at the option's price unless another is given), not booked, or followed up.
import { DAMAGE_DECISIONS, PREVIEW_DECISIONS, type LedgerActor, type OutcomeBody, type OutcomeView, type User } from '../../../protocol/http.ts';
import type { TourManifest } from '../../../protocol/tour.ts';
import { newId } from '../auth/tokens.ts';
import type { CaseRecord } from '../cases/case-store.ts';
import type { CaseService } from '../cases/case-service.ts';
import { HttpError, text, word } from '../errors.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { Db } from '../storage/database.ts';
import type { OutcomeStore } from './outcome-store.ts';

type Priced = Pick<OutcomeView, 'amount' | 'currency' | 'booking'>;

/** The booking as the case's tour knows it, priced; 422 naming the field when the tour has no such option or seat. */
function priceBooking(body: OutcomeBody, tour: TourManifest | null): Priced {
  const given = { amount: body.amount ?? null, currency: body.currency ?? null };
  if (!body.booking) return { ...given, booking: null };
  if (!tour) throw new HttpError(422, 'no_tour', text('outcome.noTour'));
  const option = tour.bookables.find((b) => b.id === body.booking!.option);
  if (!option) throw new HttpError(422, 'unknown_option', text('outcome.unknownOption', { option: body.booking.option, options: tour.bookables.map((b) => b.id).join(', ') || word('outcome.nothingBookable') }));
  const seat = body.booking.seat;
  if (seat !== undefined && !tour.plan?.seats.some((s) => s.id === seat)) throw new HttpError(422, 'unknown_seat', text('outcome.unknownSeat', { seat }));
  if (tour.plan?.kind === 'seats' && seat === undefined) throw new HttpError(422, 'seat_required', text('outcome.seatRequired'));
  const price = given.amount === null ? { amount: option.price.amount, currency: option.price.currency } : given;
  return { ...price, booking: { option: option.id, title: option.title, ...(seat !== undefined ? { seat } : {}) } };
}

function checkDecisionFits(record: CaseRecord, body: OutcomeBody): void {
  const allowed = record.kind === 'preview' ? PREVIEW_DECISIONS : DAMAGE_DECISIONS;
  if (!allowed.includes(body.decision)) {
    throw new HttpError(422, 'decision_not_for_case', text('outcome.decisionNotForCase', { kind: record.kind, allowed: allowed.join(', '), decision: body.decision }));
  }
}

export type OutcomeService = ReturnType<typeof createOutcomeService>;

export interface OutcomeServiceDeps {
  db: Db;
  store: OutcomeStore;
  ledger: LedgerStore;
  cases: CaseService;
  hub: EventHub;
  clock: () => Date;
  /** The manifest of a tour this server offers. */
  tour: (id: string) => TourManifest | null;
}

export function createOutcomeService(deps: OutcomeServiceDeps) {
  const { db, store, ledger, hub, clock } = deps;
  return {
    list: (caseId: string): Promise<OutcomeView[]> => store.list(caseId),

    /**
     * The outcome `settled` of an offer the customer accepted (settlement-service.ts): written in the
     * caller's transaction with its `outcome.recorded`, by the customer as the actor, decided by the
     * offer's assessor; the damage found stays as the outcome before it said. The caller publishes.
     */
    settled: (caseId: string, s: { amount: number; currency: string; reason: string; decidedBy: string; actor: LedgerActor }): Promise<OutcomeView> =>
      db.transaction(async () => {
        await db.lockInTransaction(`ledger:${caseId}`);
        const previous = await store.latest(caseId);
        const view: OutcomeView = {
          id: newId('out'), caseId, decision: 'settled', reason: s.reason, amount: s.amount, currency: s.currency,
          damageItems: previous?.damageItems ?? [], decidedBy: s.decidedBy, at: clock().toISOString(), supersedes: previous?.id ?? null,
          booking: null, followUpOn: null,
        };
        await store.insert(view);
        const { id, decision, reason, amount, currency, damageItems, supersedes } = view;
        await ledger.append({ caseId, actor: s.actor, type: 'outcome.recorded', payload: { outcomeId: id, decision, reason, amount, currency, damageItems, supersedes } });
        return view;
      }),

    async record(user: User, caseId: string, body: OutcomeBody): Promise<OutcomeView> {
      const caseRecord = await deps.cases.authorize({ kind: 'user', user }, caseId);
      checkDecisionFits(caseRecord, body);
      const priced = priceBooking(body, caseRecord.tour === null ? null : deps.tour(caseRecord.tour));
      const outcome = await db.transaction(async (): Promise<OutcomeView> => {
        // The ledger's lock before reading the latest: two decisions at once each name the one before.
        await db.lockInTransaction(`ledger:${caseId}`);
        const previous = await store.latest(caseId);
        const view: OutcomeView = {
          id: newId('out'),
          caseId,
          decision: body.decision,
          reason: body.reason,
          amount: priced.amount,
          currency: priced.currency,
          damageItems: body.damageItems,
          decidedBy: user.id,
          at: clock().toISOString(),
          supersedes: previous?.id ?? null,
          booking: priced.booking,
          followUpOn: body.followUpOn ?? null,
        };
        await store.insert(view);
        const { id, decision, reason, amount, currency, damageItems, supersedes, booking, followUpOn } = view;
        await ledger.append({
          caseId,
          actor: { type: 'assessor', id: user.id },
          type: 'outcome.recorded',
          // A damage outcome's entry keeps the fields it always had; a preview's adds what was booked or when to follow up.
          payload: { outcomeId: id, decision, reason, amount, currency, damageItems, supersedes, ...(booking ? { booking } : {}), ...(followUpOn ? { followUpOn } : {}) },
        });
        return view;
      });
      hub.publish(caseRecord.assessorId, { type: 'outcome', outcome });
      await deps.cases.publish(caseId);
      return outcome;
    },
  };
}
