// Properties of the routing core over random queues and rosters, checked against a plain restatement of
// the rules written here (not the module's own helpers), and random simulations end to end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routingPass } from '../../src/frontdoor/routing.ts';
import { simulate } from '../../src/frontdoor/routing-simulation.ts';
import type { Assessor, Channel, QueueEntry, RoutingStep } from '../../src/frontdoor/routing-types.ts';
import { estimateWait } from '../../src/frontdoor/wait-estimate.ts';
import { T0 } from './routing-fixtures.ts';

const SKILLS = ['auto', 'property', 'travel', 'lang:zh-CN'];
const CHANNELS: Channel[] = ['text', 'voice', 'video', 'xr'];
const LIVE = ['voice', 'video', 'xr'];

const stepsArb: fc.Arbitrary<RoutingStep[]> = fc
  .uniqueArray(fc.constantFrom(0, 10, 30, 60, 120), { maxLength: 3 })
  .chain((times) => fc.tuple(...[...times].sort((a, b) => a - b).map((afterSeconds) =>
    fc.uniqueArray(fc.record({ skill: fc.constantFrom(...SKILLS), minLevel: fc.integer({ min: 1, max: 5 }) }), { maxLength: 2, selector: (r) => r.skill })
      .map((requires) => ({ afterSeconds, requires })))));

/** Steps as an operator writes them: each later step keeps a subset of the skills at a level no higher. */
const relaxingStepsArb: fc.Arbitrary<RoutingStep[]> = fc.tuple(stepsArb, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 })).map(([steps, drops]) => {
  let last = steps[0]?.requires ?? [];
  return steps.map((step, i) => {
    if (i > 0) last = last.filter((_, k) => !drops[(i * 2 + k) % drops.length]).map((r) => ({ ...r, minLevel: Math.max(1, r.minLevel - 1) }));
    return { afterSeconds: step.afterSeconds, requires: last };
  });
});

/** Absent most of the time, `value` one time in `oneIn`. */
const sometimes = <T>(value: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: oneIn - 1 }, { arbitrary: value, weight: 1 });

const assessorArb = fc.record({
  status: fc.constantFrom('available', 'available', 'available', 'busy', 'away', 'offline') as fc.Arbitrary<Assessor['status']>,
  skills: fc.dictionary(fc.constantFrom(...SKILLS), fc.integer({ min: 1, max: 5 })),
  capacity: fc.record({ text: fc.integer({ min: 0, max: 3 }), voice: fc.integer({ min: 0, max: 1 }), video: fc.integer({ min: 0, max: 1 }), xr: fc.integer({ min: 0, max: 1 }) }),
  // A load the capacity rule allows: some chats, or one live session.
  load: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 3 }).map((text) => ({ text })), weight: 3 }, { arbitrary: fc.constantFrom(...LIVE).map((c) => ({ [c]: 1 })), weight: 1 }),
  pendingOffer: sometimes(fc.integer({ min: 0, max: 11 }), 5),
  lastAssignedAt: fc.option(fc.integer({ min: -600, max: 0 }).map((s) => T0 + s * 1000), { nil: undefined }),
});

const entryArb = fc.record({
  channel: fc.constantFrom(...CHANNELS),
  priority: fc.integer({ min: 0, max: 2 }),
  enqueuedAt: fc.integer({ min: -300, max: 0 }).map((s) => T0 + s * 1000),
  steps: stepsArb,
  passedOver: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 4 }),
  pinnedTo: sometimes(fc.integer({ min: 0, max: 8 }), 6),
  held: sometimes(fc.constant(true as const), 8),
});

const scene = fc.record({
  assessors: fc.array(assessorArb, { minLength: 1, maxLength: 8 }),
  entries: fc.array(entryArb, { maxLength: 12 }),
  nowSeconds: fc.integer({ min: 0, max: 200 }),
}).map(({ assessors, entries, nowSeconds }) => {
  const aid = (i: number) => `asr_${i}`;
  return {
    now: T0 + nowSeconds * 1000,
    assessors: assessors.map((a, i): Assessor => ({
      ...a, id: aid(i),
      load: Object.fromEntries(Object.entries(a.load).map(([c, n]) => [c, Math.min(n, a.capacity[c as Channel])])),
      pendingOffer: a.pendingOffer === undefined ? undefined : `e${a.pendingOffer}`,
    })),
    entries: entries.map((e, i): QueueEntry => ({ ...e, id: `e${i}`, passedOver: e.passedOver.map(aid), pinnedTo: e.pinnedTo === undefined ? undefined : aid(e.pinnedTo) })),
  };
});

// The rules, restated.
const n = (v: number | undefined) => v ?? 0;
const liveLoad = (a: Assessor) => LIVE.reduce((s, c) => s + n(a.load[c as Channel]), 0);
const room = (a: Assessor, ch: Channel) => (LIVE.includes(ch)
  ? n(a.capacity[ch]) >= 1 && liveLoad(a) + n(a.load.text) === 0
  : liveLoad(a) === 0 && n(a.load.text) < n(a.capacity.text));
const free = (a: Assessor, ch: Channel) => a.status === 'available' && a.pendingOffer === undefined && room(a, ch);
const stepAt = (e: QueueEntry, now: number): RoutingStep => {
  const waited = Math.max(0, now - e.enqueuedAt);
  return [...e.steps].reverse().find((s) => s.afterSeconds * 1000 <= waited) ?? e.steps[0] ?? { afterSeconds: 0, requires: [] };
};
const meets = (a: Assessor, step: RoutingStep) => step.requires.every((r) => (Object.hasOwn(a.skills, r.skill) ? n(a.skills[r.skill]) : 0) >= r.minLevel);
const pinHolds = (e: QueueEntry, assessors: Assessor[]) => {
  const owner = assessors.find((a) => a.id === e.pinnedTo);
  return owner !== undefined && owner.status !== 'offline' && !e.passedOver.includes(owner.id);
};
const allPassedOver = (e: QueueEntry, assessors: Assessor[], now: number) => {
  const roster = assessors.filter((a) => a.status === 'available' && meets(a, stepAt(e, now)) && n(a.capacity[e.channel]) >= 1);
  return e.passedOver.length > 0 && roster.length > 0 && roster.every((a) => e.passedOver.includes(a.id));
};
const mayTake = (e: QueueEntry, a: Assessor, assessors: Assessor[], now: number) => {
  if (pinHolds(e, assessors)) return a.id === e.pinnedTo;
  return meets(a, stepAt(e, now)) && (!e.passedOver.includes(a.id) || allPassedOver(e, assessors, now));
};
const order = (a: QueueEntry, b: QueueEntry) => b.priority - a.priority || a.enqueuedAt - b.enqueuedAt || (a.id < b.id ? -1 : 1);

describe('routingPass properties', () => {
  it('offers only waiting entries, only to free assessors who may take them, one offer per entry and per assessor', () => {
    fc.assert(fc.property(scene, ({ entries, assessors, now }) => {
      const offers = routingPass(entries, assessors, now);
      expect(new Set(offers.map((o) => o.entryId)).size).toBe(offers.length);
      expect(new Set(offers.map((o) => o.assessorId)).size).toBe(offers.length);
      for (const offer of offers) {
        const e = entries.find((x) => x.id === offer.entryId)!;
        const a = assessors.find((x) => x.id === offer.assessorId)!;
        expect(e.held).toBeUndefined();
        expect(assessors.some((x) => x.pendingOffer === e.id)).toBe(false);
        expect(free(a, e.channel)).toBe(true);
        expect(mayTake(e, a, assessors, now)).toBe(true);
        expect(offer.clearedPassedOver).toBe(!pinHolds(e, assessors) && allPassedOver(e, assessors, now));
      }
    }), { numRuns: 500 });
  });

  it('leaves no assessor over capacity once its offer is taken', () => {
    fc.assert(fc.property(scene, ({ entries, assessors, now }) => {
      for (const offer of routingPass(entries, assessors, now)) {
        const a = assessors.find((x) => x.id === offer.assessorId)!;
        const ch = entries.find((x) => x.id === offer.entryId)!.channel;
        const after: Assessor = { ...a, load: { ...a.load, [ch]: n(a.load[ch]) + 1 } };
        expect(n(after.load.text)).toBeLessThanOrEqual(n(after.capacity.text));
        for (const c of CHANNELS) expect(n(after.load[c])).toBeLessThanOrEqual(n(after.capacity[c]));
        if (liveLoad(after) > 0) expect(liveLoad(after) + n(after.load.text)).toBe(1);
      }
    }), { numRuns: 500 });
  });

  it('never lets a lower entry take an assessor a higher one left without an offer could have had', () => {
    fc.assert(fc.property(scene, ({ entries, assessors, now }) => {
      const offers = routingPass(entries, assessors, now);
      const got = new Map(offers.map((o) => [o.entryId, o.assessorId]));
      const waiting = entries.filter((e) => !e.held && !assessors.some((a) => a.pendingOffer === e.id)).sort(order);
      waiting.forEach((high, i) => {
        if (got.has(high.id)) return;
        for (const low of waiting.slice(i + 1)) {
          const taken = assessors.find((a) => a.id === got.get(low.id));
          if (taken) expect(free(taken, high.channel) && mayTake(high, taken, assessors, now)).toBe(false);
        }
      });
    }), { numRuns: 500 });
  });

  it('does not depend on the order of the rows', () => {
    fc.assert(fc.property(scene, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), ({ entries, assessors, now }, keys) => {
      const shuffle = <T>(items: T[]) => items.map((item) => [keys.next().value as number, item] as const).sort((a, b) => a[0] - b[0]).map(([, item]) => item);
      expect(routingPass(shuffle(entries), shuffle(assessors), now)).toEqual(routingPass(entries, assessors, now));
    }), { numRuns: 200 });
  });
});

describe('estimateWait properties', () => {
  it('never promises someone further back a shorter wait than someone ahead with the same criteria', () => {
    fc.assert(fc.property(scene, fc.constantFrom(...CHANNELS), relaxingStepsArb, fc.integer({ min: 1, max: 15 }),
      fc.dictionary(fc.constantFrom(...CHANNELS), fc.array(fc.integer({ min: 1, max: 900 }), { maxLength: 4 })),
      ({ assessors, now }, channel, steps, count, recent) => {
        const line = Array.from({ length: count }, (_, i): QueueEntry => ({ id: `w${i}`, channel, priority: 0, enqueuedAt: now - (count - i) * 7000, steps, passedOver: [] }));
        const estimates = estimateWait(line, assessors, recent, now);
        expect(estimates.map((w) => w.position)).toEqual(line.map((_, i) => i + 1));
        for (let i = 1; i < estimates.length; i++) {
          const [before, mine] = [estimates[i - 1]!.etaSeconds, estimates[i]!.etaSeconds];
          if (before === null) expect(mine).toBeNull();
          else if (mine !== null) expect(mine).toBeGreaterThanOrEqual(before);
        }
      }), { numRuns: 300 });
  });
});

describe('simulations', () => {
  it('serve every customer exactly once, with declines, timeouts and cut-off sessions, and break no rule', () => {
    fc.assert(fc.property(fc.record({
      customers: fc.integer({ min: 0, max: 60 }),
      assessors: fc.integer({ min: 1, max: 8 }),
      arrivalsOverSeconds: fc.integer({ min: 0, max: 120 }),
      handleSeconds: fc.integer({ min: 5, max: 300 }),
      offerTimeoutSeconds: fc.integer({ min: 2, max: 30 }),
      declineRate: fc.double({ min: 0, max: 0.7, noNaN: true }),
      disconnectRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
      seed: fc.integer(),
    }), (options) => {
      const report = simulate(options);
      expect(report.violations).toEqual([]);
      expect({ servedOnce: report.servedOnce, lost: report.lost, servedTwice: report.servedTwice })
        .toEqual({ servedOnce: options.customers, lost: 0, servedTwice: 0 });
      expect(report.offers.accepted).toBe(options.customers + report.disconnects);
    }), { numRuns: 60 });
  });
});
