// An entry's criteria over time: which step is in force, whether an assessor meets it, how well, and
// the words the ledger keeps for a match.
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

/** Why a pin no longer holds: its assessor passed the entry over, or is offline. */
export type PinLapse = 'passed over' | 'offline';

export interface MatchNotes {
  pinned?: boolean;
  pinLapsed?: PinLapse;
  clearedPassedOver?: boolean;
}

/**
 * The reason a ledger entry keeps for an offer: "matched auto≥3 (first step)", "matched auto≥2 after
 * relaxing at 30 s", "pinned to asr_7", with what else shaped the choice appended.
 */
export function describeMatch(entry: QueueEntry, stepIndex: number, notes: MatchNotes = {}): string {
  const parts: string[] = [];
  if (notes.pinLapsed) parts.push(`pin to ${entry.pinnedTo ?? 'an assessor'} lapsed (${notes.pinLapsed})`);
  if (notes.pinned) {
    parts.push(`pinned to ${entry.pinnedTo ?? 'an assessor'}`);
  } else {
    const steps = stepsOf(entry);
    const step = steps[stepIndex] ?? ANY_STEP;
    const when = stepIndex === 0 ? '(first step)' : `after relaxing at ${step.afterSeconds} s`;
    parts.push(`matched ${describeRequirements(step.requires)} ${when}`);
  }
  if (notes.clearedPassedOver) parts.push('every eligible assessor had passed it over, so the list was cleared');
  return parts.join('; ');
}
