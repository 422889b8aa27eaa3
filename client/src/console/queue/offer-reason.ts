// Why an offer came to this assessor, in the console's language: the server sends the reason as facts
// (protocol/queue.ts OfferFacts) beside its English sentence; the facts are worded here for a person
// (routing.json: "Matched: Motor claims, level 2 or more"), skills by their display names where the
// console has one (else as configured), language skills by the language's own name. An offer stored
// before facts were kept shows its sentence as written.
import { offerFactsWords, type RoutingSay } from '../../../../protocol/offer-facts-words.ts';
import type { OfferFacts, QueueOffer } from '../../../../protocol/queue.ts';
import { i18next, LANGUAGES } from '../../i18n/i18n.ts';
import { languageName } from '../../ui/language-name.ts';

const say: RoutingSay = (key, values) => i18next.t(`routing:${key}`, values ?? {});

/** A language in its own words: the pages' own name for one they speak ("简体中文"), else Intl's ("français"), else the tag. */
export function ownLanguageName(tag: string): string {
  if (LANGUAGES.includes(tag)) return languageName(tag);
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language', fallback: 'none' }).of(tag);
    return name ?? tag;
  } catch {
    return tag; // not a well-formed language tag
  }
}

/** The facts in the page's language; `nameOf` gives a person's name for an id where the offer carries one. */
export const factsWords = (facts: OfferFacts, nameOf?: (id: string) => string): string => offerFactsWords(facts, say, nameOf, ownLanguageName);

/** The offer's reason in the reader's language; its stored sentence when it has no facts. */
export function offerReasonWords(offer: Pick<QueueOffer, 'reason' | 'facts' | 'transfer'>): string {
  if (!offer.facts) return offer.reason;
  const transfer = offer.transfer;
  return factsWords(offer.facts, (id) => (transfer && transfer.fromId === id ? transfer.fromName : id));
}
