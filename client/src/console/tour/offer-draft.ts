// The agent's offer as the form holds it: each field follows a default until the agent types over it
// — the option of the seat the customer sits in (else the tour's first), the customer's seat on a
// cabin, the option's price and currency — and becomes a tour-offer message only if it parses.
import { PeerMessage } from '../../../../protocol/messages.ts';
import type { Bookable, TourManifest } from '../../../../protocol/tour.ts';
import { i18next } from '../../i18n/i18n.ts';
import type { TourOfferMessage } from '../../xr/tour/tour-sync.ts';

/** What the agent typed; null follows the default. */
export interface OfferEdits {
  option: string | null;
  seat: string | null;
  amount: string | null;
  currency: string | null;
}

export const NO_EDITS: OfferEdits = { option: null, seat: null, amount: null, currency: null };

export interface OfferFields {
  option: string;
  seat: string;
  amount: string;
  currency: string;
}

export function offerFields(tour: TourManifest, edits: OfferEdits, customerSeat: string | null): OfferFields {
  const seats = tour.plan?.kind === 'seats' ? tour.plan.seats : [];
  const seat = seats.length === 0 ? '' : (edits.seat ?? customerSeat ?? '');
  const seatOption = seats.find((s) => s.id === seat)?.option;
  const option = edits.option ?? (tour.bookables.some((b) => b.id === seatOption) ? seatOption! : (tour.bookables[0]?.id ?? ''));
  const bookable: Bookable | undefined = tour.bookables.find((b) => b.id === option);
  return {
    option,
    seat,
    amount: edits.amount ?? (bookable ? String(bookable.price.amount) : ''),
    currency: edits.currency ?? bookable?.price.currency ?? '',
  };
}

export type OfferReading = { ok: true; message: TourOfferMessage } | { ok: false; problem: string };

/** The fields a problem can be in: its name and what it takes (guide:offer.field.* and guide:offer.needs.*). */
const FIELDS = new Set(['option', 'seat', 'amount', 'currency']);

export function readOffer(fields: OfferFields): OfferReading {
  const amount = fields.amount.trim() === '' ? Number.NaN : Number(fields.amount);
  const parsed = PeerMessage.safeParse({
    v: 1,
    type: 'tour-offer',
    option: fields.option,
    ...(fields.seat.trim() ? { seat: fields.seat.trim().toUpperCase() } : {}),
    amount,
    currency: fields.currency.trim().toUpperCase(),
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    return { ok: false, problem: problemText(FIELDS.has(field) ? field : 'offer') };
  }
  return parsed.data.type === 'tour-offer' ? { ok: true, message: parsed.data } : { ok: false, problem: problemText('offer') };
}

/** "Amount: a number, 0 or more": the field and what it takes. */
function problemText(field: string): string {
  return i18next.t('guide:offer.problem', { field: i18next.t(`guide:offer.field.${field}`), needs: i18next.t(`guide:offer.needs.${field}`) });
}
