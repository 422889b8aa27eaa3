// Case outcomes. A changed decision is a new outcome that names the one it supersedes; none is edited.
// A damage case is approved, denied, referred or settled; a preview case is booked (an option of its
// tour, a seat of its cabin, at the option's price unless another is given), not booked, or followed up.
import { DAMAGE_DECISIONS, PREVIEW_DECISIONS, type OutcomeBody, type OutcomeView, type User } from '../../../protocol/http.ts';
import type { TourManifest } from '../../../protocol/tour.ts';
import { newId } from '../auth/tokens.ts';
import type { CaseRecord } from '../cases/case-store.ts';
import type { CaseService } from '../cases/case-service.ts';
import { HttpError } from '../errors.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { Db } from '../storage/database.ts';

interface Row {
  id: string; case_id: string; decision: OutcomeView['decision']; reason: string; amount: number | null;
  currency: string | null; damage_items: string; decided_by: string; at: string; supersedes: string | null;
  booking: string | null; follow_up_on: string | null;
}

const toView = (r: Row): OutcomeView => ({
  id: r.id, caseId: r.case_id, decision: r.decision, reason: r.reason, amount: r.amount, currency: r.currency,
  damageItems: JSON.parse(r.damage_items) as OutcomeView['damageItems'], decidedBy: r.decided_by, at: r.at, supersedes: r.supersedes,
  booking: r.booking === null ? null : (JSON.parse(r.booking) as OutcomeView['booking']), followUpOn: r.follow_up_on,
});

type Priced = Pick<OutcomeView, 'amount' | 'currency' | 'booking'>;

/** The booking as the case's tour knows it, priced; 422 naming the field when the tour has no such option or seat. */
function priceBooking(body: OutcomeBody, tour: TourManifest | null): Priced {
  const given = { amount: body.amount ?? null, currency: body.currency ?? null };
  if (!body.booking) return { ...given, booking: null };
  if (!tour) throw new HttpError(422, 'no_tour', 'booking: this case has no tour to book from');
  const option = tour.bookables.find((b) => b.id === body.booking!.option);
  if (!option) throw new HttpError(422, 'unknown_option', `booking.option: the tour offers no "${body.booking.option}" (${tour.bookables.map((b) => b.id).join(', ') || 'nothing bookable'})`);
  const seat = body.booking.seat;
  if (seat !== undefined && !tour.plan?.seats.some((s) => s.id === seat)) throw new HttpError(422, 'unknown_seat', `booking.seat: the tour has no seat ${seat}`);
  if (tour.plan?.kind === 'seats' && seat === undefined) throw new HttpError(422, 'seat_required', 'booking.seat: a cabin booking names the seat');
  const price = given.amount === null ? { amount: option.price.amount, currency: option.price.currency } : given;
  return { ...price, booking: { option: option.id, title: option.title, ...(seat !== undefined ? { seat } : {}) } };
}

function checkDecisionFits(record: CaseRecord, body: OutcomeBody): void {
  const allowed = record.kind === 'preview' ? PREVIEW_DECISIONS : DAMAGE_DECISIONS;
  if (!allowed.includes(body.decision)) {
    throw new HttpError(422, 'decision_not_for_case', `decision: a ${record.kind} case is ${allowed.join(', ')}; not ${body.decision}`);
  }
}

export type OutcomeService = ReturnType<typeof createOutcomeService>;

export interface OutcomeServiceDeps {
  db: Db;
  ledger: LedgerStore;
  cases: CaseService;
  hub: EventHub;
  clock: () => Date;
  /** The manifest of a tour this server offers. */
  tour: (id: string) => TourManifest | null;
}

export function createOutcomeService(deps: OutcomeServiceDeps) {
  const { db, ledger, hub, clock } = deps;
  const latest = db.prepare<[string], Row>('SELECT * FROM outcomes WHERE case_id = ? ORDER BY at DESC, rowid DESC LIMIT 1');
  const listStmt = db.prepare<[string], Row>('SELECT * FROM outcomes WHERE case_id = ? ORDER BY at, rowid');
  const insert = db.prepare(
    `INSERT INTO outcomes (id, case_id, decision, reason, amount, currency, damage_items, decided_by, at, supersedes, booking, follow_up_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    list: (caseId: string): OutcomeView[] => listStmt.all(caseId).map(toView),

    record(user: User, caseId: string, body: OutcomeBody): OutcomeView {
      const caseRecord = deps.cases.authorize({ kind: 'user', user }, caseId);
      checkDecisionFits(caseRecord, body);
      const priced = priceBooking(body, caseRecord.tour === null ? null : deps.tour(caseRecord.tour));
      const outcome = db.transaction((): OutcomeView => {
        const previous = latest.get(caseId);
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
        insert.run(
          view.id, caseId, view.decision, view.reason, view.amount, view.currency, JSON.stringify(view.damageItems), user.id, view.at, view.supersedes,
          view.booking ? JSON.stringify(view.booking) : null, view.followUpOn,
        );
        const { id, decision, reason, amount, currency, damageItems, supersedes, booking, followUpOn } = view;
        ledger.append({
          caseId,
          actor: { type: 'assessor', id: user.id },
          type: 'outcome.recorded',
          // A damage outcome's entry keeps the fields it always had; a preview's adds what was booked or when to follow up.
          payload: { outcomeId: id, decision, reason, amount, currency, damageItems, supersedes, ...(booking ? { booking } : {}), ...(followUpOn ? { followUpOn } : {}) },
        });
        return view;
      }).immediate();
      hub.publish(caseRecord.assessorId, { type: 'outcome', outcome });
      deps.cases.publish(caseId);
      return outcome;
    },
  };
}
