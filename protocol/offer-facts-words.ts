// An offer's routing facts (queue.ts OfferFacts) in words, for any surface with its own messages: the
// console (client routing.json) and the PDF report (the server's routing.json), the same keys in each.
// The server's English words are exactly the sentence the ledger keeps (routing-steps.ts describeFacts);
// the console's are worded for a person (skills by display name, languages by their own name).
import type { OfferFacts } from './queue.ts';

/** A routing message by its key in routing.json (`matchedFirst`, `skill.claims`); `defaultValue` when the key is absent. */
export type RoutingSay = (key: string, values?: Record<string, string | number>) => string;

/** A skill name safe to use as a message key (no `:` or `.`, which i18next reads as separators). */
const PLAIN = /^[A-Za-z0-9_-]+$/;
const LANGUAGE_SKILL = /^lang:([A-Za-z0-9-]+)$/;

/** A language's name for a language skill's tag ("zh-CN" → 简体中文); the tag itself by default. */
export type LanguageName = (tag: string) => string;

/**
 * A skill's display name where the messages have one ("complaints" → 投诉), else the name as the operator
 * wrote it; a language skill ("lang:zh-CN") gives `skillLanguage` its tag and `languageName`'s name for it.
 */
export function skillWords(skill: string, say: RoutingSay, languageName: LanguageName = (tag) => tag): string {
  const language = LANGUAGE_SKILL.exec(skill);
  if (language) return say('skillLanguage', { tag: language[1]!, language: languageName(language[1]!) });
  return PLAIN.test(skill) ? say(`skill.${skill}`, { defaultValue: skill }) : skill;
}

const requirementWords = (need: { skill: string; minLevel: number }, say: RoutingSay, languageName?: LanguageName): string =>
  say('requirement', { skill: skillWords(need.skill, say, languageName), level: need.minLevel });

/** The facts in words; `nameOf` gives a person's name for an id where the caller has one. */
export function offerFactsWords(facts: OfferFacts, say: RoutingSay, nameOf: (id: string) => string = (id) => id, languageName?: LanguageName): string {
  if (facts.kind === 'pinned') return say('pinned', { name: nameOf(facts.to) });
  if (facts.kind === 'transfer') {
    const name = nameOf(facts.from);
    return facts.skill ? say('transferSkill', { name, requirement: requirementWords(facts.skill, say, languageName) }) : say('transfer', { name });
  }
  const parts: string[] = [];
  if (facts.pinLapsed) parts.push(say(facts.pinLapsed.why === 'offline' ? 'pinLapsedOffline' : 'pinLapsedPassedOver', { name: nameOf(facts.pinLapsed.to) }));
  const requires = facts.requires.length === 0 ? say('anyAssessor') : facts.requires.map((need) => requirementWords(need, say, languageName)).join(say('requirementSeparator'));
  parts.push(facts.stepIndex === 0 ? say('matchedFirst', { requires }) : say('matchedAfter', { requires, seconds: facts.afterSeconds }));
  if (facts.clearedPassedOver) parts.push(say('cleared'));
  return parts.join(say('partSeparator'));
}
