// Why an offer came to this assessor, in the console's language: the server sends the reason as facts
// (protocol/queue.ts OfferFacts) beside its English sentence; the facts are worded here (routing.json),
// the same as the sentence in English. An offer stored before facts were kept shows its sentence as written.
import { offerFactsWords, type RoutingSay } from '../../../../protocol/offer-facts-words.ts';
import type { OfferFacts, QueueOffer } from '../../../../protocol/queue.ts';
import { i18next } from '../../i18n/i18n.ts';

const say: RoutingSay = (key, values) => i18next.t(`routing:${key}`, values ?? {});

/** The facts in the page's language; `nameOf` gives a person's name for an id where the offer carries one. */
export const factsWords = (facts: OfferFacts, nameOf?: (id: string) => string): string => offerFactsWords(facts, say, nameOf);

/** The offer's reason in the reader's language; its stored sentence when it has no facts. */
export function offerReasonWords(offer: Pick<QueueOffer, 'reason' | 'facts' | 'transfer'>): string {
  if (!offer.facts) return offer.reason;
  const transfer = offer.transfer;
  return factsWords(offer.facts, (id) => (transfer && transfer.fromId === id ? transfer.fromName : id));
}
