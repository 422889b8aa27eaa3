// Why an offer came to this assessor, in the console's language: the server sends the reason as facts
// (protocol/queue.ts OfferFacts) beside its English sentence; the facts are worded here, the same as the
// sentence in English. An offer stored before facts were kept shows its sentence as written.
import type { OfferFacts, QueueOffer } from '../../../../protocol/queue.ts';
import { i18next } from '../../i18n/i18n.ts';

type Requirement = { skill: string; minLevel: number };

/** A key-safe skill name (no i18next separators); others are shown as named. */
const PLAIN = /^[A-Za-z0-9_-]+$/;
const LANGUAGE_SKILL = /^lang:([A-Za-z0-9-]+)$/;

/** A skill's display name where the console has one ("complaints" → 投诉), else the name as the operator wrote it. */
export function skillWords(skill: string): string {
  const language = LANGUAGE_SKILL.exec(skill);
  if (language) return i18next.t('routing:skillLanguage', { tag: language[1] });
  const key = `routing:skill.${skill}`;
  return PLAIN.test(skill) && i18next.exists(key) ? i18next.t(key) : skill;
}

const requirementWords = (need: Requirement): string => i18next.t('routing:requirement', { skill: skillWords(need.skill), level: need.minLevel });

function requirementsWords(requires: readonly Requirement[]): string {
  if (requires.length === 0) return i18next.t('routing:anyAssessor');
  return requires.map(requirementWords).join(i18next.t('routing:requirementSeparator'));
}

/** The facts in words; `nameOf` gives a person's name for an id where the offer carries one. */
export function factsWords(facts: OfferFacts, nameOf: (id: string) => string = (id) => id): string {
  if (facts.kind === 'pinned') return i18next.t('routing:pinned', { name: nameOf(facts.to) });
  if (facts.kind === 'transfer') {
    const name = nameOf(facts.from);
    return facts.skill ? i18next.t('routing:transferSkill', { name, requirement: requirementWords(facts.skill) }) : i18next.t('routing:transfer', { name });
  }
  const parts: string[] = [];
  if (facts.pinLapsed) parts.push(i18next.t(facts.pinLapsed.why === 'offline' ? 'routing:pinLapsedOffline' : 'routing:pinLapsedPassedOver', { name: nameOf(facts.pinLapsed.to) }));
  const requires = requirementsWords(facts.requires);
  parts.push(facts.stepIndex === 0 ? i18next.t('routing:matchedFirst', { requires }) : i18next.t('routing:matchedAfter', { requires, seconds: facts.afterSeconds }));
  if (facts.clearedPassedOver) parts.push(i18next.t('routing:cleared'));
  return parts.join(i18next.t('routing:partSeparator'));
}

/** The offer's reason in the reader's language; its stored sentence when it has no facts. */
export function offerReasonWords(offer: Pick<QueueOffer, 'reason' | 'facts' | 'transfer'>): string {
  if (!offer.facts) return offer.reason;
  const transfer = offer.transfer;
  return factsWords(offer.facts, (id) => (transfer && transfer.fromId === id ? transfer.fromName : id));
}
