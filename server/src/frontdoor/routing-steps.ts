// An entry's criteria over time: which step is in force, whether an assessor meets it, how well, and
// the facts and the English words the ledger keeps for a match.
import type { OfferFacts, PinLapse } from '../../../protocol/queue.ts';
import type { Channel, QueueEntry, RoutingStep, SkillLevels, SkillRequirement } from './routing-types.ts';

/** The step an entry with no steps has: any assessor, from the start. */
export const ANY_STEP: RoutingStep = { afterSeconds: 0, requires: [] };

export interface ActiveStep {
  index: number;
  step: RoutingStep;
  /** Epoch ms at which this step took over (the enqueue time for the first step). */
  since: number;
}

export function stepsOf(entry: QueueEntry): readonly RoutingStep[] {
  return entry.steps.length > 0 ? entry.steps : [ANY_STEP];
}

/**
 * The step in force at `now`: the last one whose `afterSeconds` has been reached, a step taking over at
 * its exact boundary. The first step applies from the enqueue time even if its `afterSeconds` is later,
 * and a `now` before `enqueuedAt` (another instance's clock running behind) counts as no wait at all.
 */
export function activeStep(entry: QueueEntry, now: number): ActiveStep {
  const steps = stepsOf(entry);
  const waitedMs = Math.max(0, now - entry.enqueuedAt);
  let index = 0;
  for (let i = 1; i < steps.length; i++) {
    // Compared in ms so a boundary of 30 s is reached at exactly 30,000 ms, free of float rounding.
    if (steps[i]!.afterSeconds * 1000 <= waitedMs) index = i;
  }
  const step = steps[index]!;
  return { index, step, since: index === 0 ? entry.enqueuedAt : entry.enqueuedAt + step.afterSeconds * 1000 };
}

const levelOf = (skills: SkillLevels, skill: string): number => {
  // Own properties only: a skill named "constructor" must not read Object.prototype.
  return Object.hasOwn(skills, skill) ? (skills[skill] ?? 0) : 0;
};

export function meetsStep(skills: SkillLevels, step: RoutingStep): boolean {
  return step.requires.every((need) => levelOf(skills, need.skill) >= need.minLevel);
}

/** How well an assessor fits a step: the sum of their levels in the skills it names (higher is better). */
export function skillScore(skills: SkillLevels, step: RoutingStep): number {
  return step.requires.reduce((sum, need) => sum + levelOf(skills, need.skill), 0);
}

export function describeRequirements(requires: readonly SkillRequirement[]): string {
  if (requires.length === 0) return 'any assessor';
  return requires.map((need) => `${need.skill}≥${need.minLevel}`).join(' and ');
}

/** Entries with equal keys compete for exactly the same assessors (what a pass and an estimate memoise on). */
export function criteriaKey(channel: Channel, step: RoutingStep): string {
  return JSON.stringify([channel, step.requires.map((need) => [need.skill, need.minLevel])]);
}

export type { PinLapse } from '../../../protocol/queue.ts';

export interface MatchNotes {
  pinned?: boolean;
  pinLapsed?: PinLapse;
  clearedPassedOver?: boolean;
}

/**
 * Why an offer of `entry` went where it did, as language-neutral facts (protocol/queue.ts OfferFacts):
 * pinned to its assessor, or the step it matched, with a pin that lapsed and a cleared passed-over list.
 */
export function matchFacts(entry: QueueEntry, stepIndex: number, notes: MatchNotes = {}): OfferFacts {
  if (notes.pinned && entry.pinnedTo !== undefined) return { kind: 'pinned', to: entry.pinnedTo };
  const index = Math.max(0, stepIndex);
  const step = stepsOf(entry)[index] ?? ANY_STEP;
  return {
    kind: 'matched', stepIndex: index, afterSeconds: step.afterSeconds, requires: step.requires.map((need) => ({ skill: need.skill, minLevel: need.minLevel })),
    ...(notes.pinLapsed && entry.pinnedTo !== undefined ? { pinLapsed: { to: entry.pinnedTo, why: notes.pinLapsed } } : {}),
    ...(notes.clearedPassedOver ? { clearedPassedOver: true as const } : {}),
  };
}

/**
 * The reason the ledger and the offer keep in English for `facts`: "matched auto≥3 (first step)",
 * "matched auto≥2 after relaxing at 30 s", "pinned to asr_7", "warm transfer from asr_2 (auto≥2)", with
 * what else shaped the choice. The console words the facts in its reader's language (offer-reason.ts).
 */
export function describeFacts(facts: OfferFacts): string {
  if (facts.kind === 'pinned') return `pinned to ${facts.to}`;
  if (facts.kind === 'transfer') return `warm transfer from ${facts.from}${facts.skill ? ` (${facts.skill.skill}≥${facts.skill.minLevel})` : ''}`;
  const parts: string[] = [];
  if (facts.pinLapsed) parts.push(`pin to ${facts.pinLapsed.to} lapsed (${facts.pinLapsed.why})`);
  const when = facts.stepIndex === 0 ? '(first step)' : `after relaxing at ${facts.afterSeconds} s`;
  parts.push(`matched ${describeRequirements(facts.requires)} ${when}`);
  if (facts.clearedPassedOver) parts.push('every eligible assessor had passed it over, so the list was cleared');
  return parts.join('; ');
}

/** The English reason for a match (describeFacts of matchFacts). */
export function describeMatch(entry: QueueEntry, stepIndex: number, notes: MatchNotes = {}): string {
  return describeFacts(matchFacts(entry, stepIndex, notes));
}
