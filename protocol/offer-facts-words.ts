// An offer's routing facts (queue.ts OfferFacts) in words, for any surface with its own messages: the
// console (client routing.json) and the PDF report (the server's routing.json), the same keys in each.
// In English the words are exactly the sentence the ledger keeps (server routing-steps.ts describeFacts).
import type { OfferFacts } from './queue.ts';

/** A routing message by its key in routing.json (`matchedFirst`, `skill.claims`); `defaultValue` when the key is absent. */
export type RoutingSay = (key: string, values?: Record<string, string | number>) => string;

/** A skill name safe to use as a message key (no `:` or `.`, which i18next reads as separators). */
const PLAIN = /^[A-Za-z0-9_-]+$/;
const LANGUAGE_SKILL = /^lang:([A-Za-z0-9-]+)$/;

/** A skill's display name where the messages have one ("complaints" → 投诉), else the name as the operator wrote it. */
export function skillWords(skill: string, say: RoutingSay): string {
  const language = LANGUAGE_SKILL.exec(skill);
  if (language) return say('skillLanguage', { tag: language[1]! });
  return PLAIN.test(skill) ? say(`skill.${skill}`, { defaultValue: skill }) : skill;
}

const requirementWords = (need: { skill: string; minLevel: number }, say: RoutingSay): string =>
  say('requirement', { skill: skillWords(need.skill, say), level: need.minLevel });

/** The facts in words; `nameOf` gives a person's name for an id where the caller has one. */
export function offerFactsWords(facts: OfferFacts, say: RoutingSay, nameOf: (id: string) => string = (id) => id): string {
  if (facts.kind === 'pinned') return say('pinned', { name: nameOf(facts.to) });
  if (facts.kind === 'transfer') {
    const name = nameOf(facts.from);
    return facts.skill ? say('transferSkill', { name, requirement: requirementWords(facts.skill, say) }) : say('transfer', { name });
  }
  const parts: string[] = [];
  if (facts.pinLapsed) parts.push(say(facts.pinLapsed.why === 'offline' ? 'pinLapsedOffline' : 'pinLapsedPassedOver', { name: nameOf(facts.pinLapsed.to) }));
  const requires = facts.requires.length === 0 ? say('anyAssessor') : facts.requires.map((need) => requirementWords(need, say)).join(say('requirementSeparator'));
  parts.push(facts.stepIndex === 0 ? say('matchedFirst', { requires }) : say('matchedAfter', { requires, seconds: facts.afterSeconds }));
  if (facts.clearedPassedOver) parts.push(say('cleared'));
  return parts.join(say('partSeparator'));
}
