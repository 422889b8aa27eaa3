// Settlement offers over HTTP (issue 15): the assessor's offer form, what the customer and the console
// read back, the customer's decision, and the public receipt anyone can check a code against.
import { z } from 'zod';
import { Currency } from './money.ts';
import { OfferConfirmation, OfferItem } from './settlement.ts';
import { text } from './text.ts';

/** The longest an offer may stay open. */
export const MAX_OFFER_DAYS = 30;

/** Amounts are compared to the cent: items must add up to the offer. */
const cents = (n: number) => Math.round(n * 100);

export const OfferBody = z
  .object({
    amount: z.number().min(0).max(1e9),
    currency: Currency,
    items: z.array(OfferItem).min(1).max(100),
    conditions: text().trim().max(4000).default(''),
    /** When the offer lapses (ISO 8601 with a time zone), in the future and at most MAX_OFFER_DAYS away. */
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .strict()
  .refine((o) => cents(o.items.reduce((sum, item) => sum + item.amount, 0)) === cents(o.amount), {
    message: 'the items must add up to the amount',
    path: ['items'],
  });
export type OfferBody = z.infer<typeof OfferBody>;

export const OfferState = z.enum(['open', 'accepted', 'declined', 'superseded', 'withdrawn', 'expired']);
export type OfferState = z.infer<typeof OfferState>;

export const OfferView = z.object({
  id: text(),
  caseId: text(),
  madeBy: text(),
  madeAt: text(),
  amount: z.number(),
  currency: text(),
  items: z.array(OfferItem),
  conditions: text(),
  expiresAt: text(),
  confirmWith: OfferConfirmation,
  /** 'expired': open in the table, but its expiry has passed (the server's clock). */
  state: OfferState,
  supersedes: text().nullable(),
  supersededBy: text().nullable(),
  decidedAt: text().nullable(),
  declineReason: text().nullable(),
  receiptCode: text().nullable(),
  /** When a code was last sent, and to whom (masked). */
  codeSentAt: text().nullable(),
  codeSentTo: text().nullable(),
});
export type OfferView = z.infer<typeof OfferView>;

export const OfferList = z.object({ offers: z.array(OfferView) });
export type OfferList = z.infer<typeof OfferList>;

/** What the offer form needs: whether an offer can be made now, and why not. */
/** Why no offer can be made now, as a code the console words in its own language. */
export const OfferBlocked = z.enum(['case_closed', 'not_a_damage_case', 'offer_already_accepted', 'identity_not_passed']);
export type OfferBlocked = z.infer<typeof OfferBlocked>;

export const OfferReadiness = z.object({
  canOffer: z.boolean(),
  /** In English, for API callers; the console words `blocked` instead. */
  reason: text().nullable(),
  blocked: OfferBlocked.nullable(),
  /** With `offer_already_accepted`: the accepted offer's receipt code. */
  receiptCode: text().nullable(),
  confirmWith: OfferConfirmation,
  offerRequiresIdentity: z.boolean(),
});
export type OfferReadiness = z.infer<typeof OfferReadiness>;

/** `GET /api/cases/:id/offers`: the case's offers, oldest first, and whether a new one can be made. */
export const CaseOffers = z.object({ offers: z.array(OfferView), readiness: OfferReadiness });
export type CaseOffers = z.infer<typeof CaseOffers>;

/** The customer's current offer: open, or the latest decided one; null when none was made. */
export const CustomerOffer = z.object({ offer: OfferView.nullable(), receiptUrl: text().nullable() });
export type CustomerOffer = z.infer<typeof CustomerOffer>;

export const OfferCodeSent = z.object({ channel: z.enum(['email', 'sms']), recipient: text(), expiresAt: text() });
export type OfferCodeSent = z.infer<typeof OfferCodeSent>;

export const AcceptOfferBody = z.object({ code: text().regex(/^\d{6}$/, 'six digits').optional() }).strict();
export type AcceptOfferBody = z.infer<typeof AcceptOfferBody>;

export const DeclineOfferBody = z.object({ reason: text().trim().min(1).max(2000) }).strict();
export type DeclineOfferBody = z.infer<typeof DeclineOfferBody>;

/** `receiptSentTo`: where the receipt was sent (masked); null when there is no contact on file or the send failed. */
export const OfferDecided = z.object({ offer: OfferView, receiptCode: text(), receiptUrl: text(), receiptSentTo: text().nullable() });
export type OfferDecided = z.infer<typeof OfferDecided>;

/** A receipt as anyone holding its code sees it: nothing that names the customer. */
export const ReceiptView = z.object({
  code: text(),
  organisation: text().nullable(),
  /** The operator's claim or policy number; null when the case has none (the case id is never shown). */
  caseReference: text().nullable(),
  offer: z.object({ amount: z.number(), currency: text(), items: z.array(OfferItem), conditions: text(), madeAt: text(), expiresAt: text() }),
  decision: z.enum(['accepted', 'declined']),
  decidedAt: text(),
  ledger: z.object({
    seq: z.number().int(),
    hash: text(),
    keyId: text().nullable(),
    /** Whether the entry's hash matches its content and its signature verifies with this server's keyring, now. */
    verified: z.boolean(),
    /** Why it does not verify; null when it does. */
    fault: text().nullable(),
  }),
});
export type ReceiptView = z.infer<typeof ReceiptView>;
