// Settlement offers (issue 15): what the assessor offers, and how the customer confirms their decision.
import { z } from 'zod';
import { Currency } from './money.ts';
import { text } from './text.ts';

export const OfferItem = z.object({
  description: text().trim().min(1).max(300),
  amount: z.number().min(0).max(1e9),
});
export type OfferItem = z.infer<typeof OfferItem>;

/** How the customer confirms before their tap counts: a one-time code sent to them, or the passed identity check. */
export const OfferConfirmation = z.enum(['code', 'identity']);
export type OfferConfirmation = z.infer<typeof OfferConfirmation>;

export { Currency };
