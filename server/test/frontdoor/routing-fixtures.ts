// Small builders for routing tests: an entry or an assessor with only what a test cares about spelled out.
import type { Assessor, QueueEntry, RoutingStep } from '../../src/frontdoor/routing-types.ts';

export const T0 = Date.UTC(2026, 4, 1, 9, 0, 0);
export const at = (seconds: number): number => T0 + seconds * 1000;

/** auto≥3 at 0 s, auto≥2 at 30 s, anyone at 120 s: the brief's example. */
export const AUTO_STEPS: RoutingStep[] = [
  { afterSeconds: 0, requires: [{ skill: 'auto', minLevel: 3 }] },
  { afterSeconds: 30, requires: [{ skill: 'auto', minLevel: 2 }] },
  { afterSeconds: 120, requires: [] },
];

export function entry(id: string, over: Partial<QueueEntry> = {}): QueueEntry {
  return { id, channel: 'text', priority: 0, enqueuedAt: T0, steps: [], passedOver: [], ...over };
}

export function assessor(id: string, over: Partial<Assessor> = {}): Assessor {
  return { id, status: 'available', skills: {}, capacity: { text: 3, voice: 1, video: 1, xr: 1 }, load: {}, ...over };
}
