// A virtual-time run of the routing core: customers arrive, each pass's offers are accepted, declined
// or left to time out, sessions end, and the run reports whether everyone was served exactly once and
// how long they waited. No wall clock: the same options and seed give the same report.
import { hasRoom, liveLoad, totalLoad } from './assessor-capacity.ts';
import { EventQueue } from './event-queue.ts';
import { routingPass } from './routing.ts';
import { activeStep, meetsStep } from './routing-steps.ts';
import type { Assessor, Offer, QueueEntry } from './routing-types.ts';
import { seededRandom } from './seeded-random.ts';
import { makeAssessors, makeCustomers, type SimulatedCustomer } from './simulation-population.ts';

export interface SimulationOptions {
  customers: number;
  assessors: number;
  arrivalsOverSeconds: number;
  /** Mean session length; each session lasts between half and one and a half times it. */
  handleSeconds: number;
  offerTimeoutSeconds: number;
  /** Share of offers not taken: half declined (after 1 s, before the timeout), half left to time out. */
  declineRate: number;
  /**
   * Share of sessions cut off partway (the assessor's connection drops): the customer goes back to the
   * queue with their original enqueue time, so at the head, and is served again from the start.
   * @default 0
   */
  disconnectRate?: number;
  seed: number;
}

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export interface SimulationReport {
  customers: number;
  /** Customers whose session ran to its end exactly once. */
  servedOnce: number;
  /** Customers never served to the end (still waiting when nothing more could happen). */
  lost: number;
  /** Customers served to the end more than once. */
  servedTwice: number;
  /** Sessions cut off and their customers put back in the queue. */
  disconnects: number;
  /** Every broken rule the run saw (an offer to a full or ineligible assessor, a second offer...). */
  violations: string[];
  passes: number;
  offers: { made: number; accepted: number; declined: number; timedOut: number; clearedPassedOver: number };
  waitSeconds: { p50: number; p99: number; max: number };
  /** Per priority: max/median wait, the fairness figure (null when the median wait is 0). */
  fairness: Array<{ priority: number; customers: number; medianWaitSeconds: number; maxWaitSeconds: number; maxOverMedian: number | null }>;
  /** Sessions handled per assessor. */
  sessionsPerAssessor: Spread;
  /** Virtual seconds from the first arrival window's start to the last session's end. */
  finishedAtSeconds: number;
}

type SimEntry = Omit<QueueEntry, 'passedOver'> & { passedOver: string[] };
type Answer = 'accept' | 'decline' | 'timeout';
type SimEvent =
  | { kind: 'arrive'; customer: SimulatedCustomer }
  | { kind: 'relax' }
  | { kind: 'answer'; offer: Offer; answer: Answer }
  | { kind: 'end'; assessor: Assessor; entry: SimEntry; cutOff: boolean };

/** Nearest-rank quantile of sorted values. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const spread = (values: readonly number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? 0, median: quantile(sorted, 0.5), max: sorted[sorted.length - 1] ?? 0 };
};

function checkOptions(o: SimulationOptions): void {
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  if (!whole(o.customers) || !whole(o.assessors)) throw new RangeError('customers and assessors must be whole numbers ≥ 0');
  if (!(o.arrivalsOverSeconds >= 0) || !(o.handleSeconds > 0) || !(o.offerTimeoutSeconds >= 2)) {
    throw new RangeError('arrivalsOverSeconds must be ≥ 0, handleSeconds > 0, offerTimeoutSeconds ≥ 2');
  }
  // A rate of 1 would offer for ever: nobody would ever accept.
  if (!(o.declineRate >= 0 && o.declineRate < 1)) throw new RangeError('declineRate must be in [0, 1)');
  // Likewise: with every session cut off, nobody would ever be served to the end.
  const cut = o.disconnectRate ?? 0;
  if (!(cut >= 0 && cut < 1)) throw new RangeError('disconnectRate must be in [0, 1)');
}

export function simulate(options: SimulationOptions): SimulationReport {
  checkOptions(options);
  const random = seededRandom(options.seed);
  const assessors = makeAssessors(options.assessors, random);
  const byId = new Map(assessors.map((a) => [a.id, a]));
  const customers = makeCustomers(options.customers, options.arrivalsOverSeconds, random);
  const events = new EventQueue<SimEvent>();
  for (const customer of customers) {
    events.push(customer.arrivesAt, { kind: 'arrive', customer });
    // A step taking over can make an offer possible with nothing else happening: the pass must run then.
    for (const step of customer.steps.slice(1)) events.push(customer.arrivesAt + step.afterSeconds * 1000, { kind: 'relax' });
  }

  const queue = new Map<string, SimEntry>();
  const offeredTo = new Map<string, string>();
  const completed = new Map<string, number>();
  const inSession = new Set<string>();
  let disconnects = 0;
  const waits: Array<{ priority: number; seconds: number }> = [];
  const everAccepted = new Set<string>();
  const sessions = new Map(assessors.map((a) => [a.id, 0]));
  const violations: string[] = [];
  const offers = { made: 0, accepted: 0, declined: 0, timedOut: 0, clearedPassedOver: 0 };
  let passes = 0;
  let finishedAt = 0;

  const makeOffer = (offer: Offer, now: number): void => {
    const entry = queue.get(offer.entryId);
    const assessor = byId.get(offer.assessorId);
    if (!entry || !assessor) return void violations.push(`offer of ${offer.entryId} to ${offer.assessorId}: not waiting or unknown`);
    if (offeredTo.has(entry.id)) violations.push(`second offer of ${entry.id}`);
    if (assessor.pendingOffer !== undefined) violations.push(`second pending offer for ${assessor.id}`);
    if (assessor.status !== 'available' || !hasRoom(assessor, entry.channel)) violations.push(`offer of ${entry.id} to ${assessor.id} who has no room`);
    const eligible = entry.pinnedTo === assessor.id || meetsStep(assessor.skills, activeStep(entry, now).step);
    if (!eligible) violations.push(`offer of ${entry.id} to ${assessor.id} who does not meet its step`);
    if (!offer.clearedPassedOver && entry.passedOver.includes(assessor.id)) violations.push(`offer of ${entry.id} to ${assessor.id} who passed it over`);
    if (offer.clearedPassedOver) {
      entry.passedOver = [];
      offers.clearedPassedOver += 1;
    }
    offers.made += 1;
    assessor.pendingOffer = entry.id;
    offeredTo.set(entry.id, assessor.id);
    const timeoutMs = options.offerTimeoutSeconds * 1000;
    const r = random.next();
    if (r < options.declineRate / 2) {
      events.push(now + 1000 + Math.floor(random.next() * (timeoutMs - 1000)), { kind: 'answer', offer, answer: 'decline' });
    } else if (r < options.declineRate) {
      events.push(now + timeoutMs, { kind: 'answer', offer, answer: 'timeout' });
    } else {
      events.push(now + Math.min(timeoutMs - 1, 1000 + Math.floor(random.next() * 4000)), { kind: 'answer', offer, answer: 'accept' });
    }
  };

  const answer = (offer: Offer, reply: Answer, now: number): void => {
    const assessor = byId.get(offer.assessorId)!;
    assessor.pendingOffer = undefined;
    offeredTo.delete(offer.entryId);
    const entry = queue.get(offer.entryId);
    if (reply !== 'accept') {
      offers[reply === 'decline' ? 'declined' : 'timedOut'] += 1;
      entry?.passedOver.push(assessor.id);
      return;
    }
    offers.accepted += 1;
    if (!entry) return void violations.push(`${offer.entryId} accepted when not waiting`);
    if (inSession.has(entry.id)) violations.push(`${entry.id} accepted while in a session`);
    queue.delete(entry.id);
    inSession.add(entry.id);
    assessor.load = { ...assessor.load, [entry.channel]: (assessor.load[entry.channel] ?? 0) + 1 };
    const overText = (assessor.load.text ?? 0) > (assessor.capacity.text ?? 0);
    const overLive = liveLoad(assessor) > 0 && totalLoad(assessor) > 1;
    if (overText || overLive) violations.push(`${assessor.id} over capacity after taking ${entry.id}`);
    assessor.lastAssignedAt = now;
    sessions.set(assessor.id, (sessions.get(assessor.id) ?? 0) + 1);
    // A customer put back after a cut-off keeps the enqueue time; their wait is counted once, to the first answer.
    if (!everAccepted.has(entry.id)) waits.push({ priority: entry.priority, seconds: (now - entry.enqueuedAt) / 1000 });
    everAccepted.add(entry.id);
    const length = options.handleSeconds * 1000 * (0.5 + random.next());
    const cutOff = random.next() < (options.disconnectRate ?? 0);
    events.push(now + Math.round(cutOff ? length * random.next() : length), { kind: 'end', assessor, entry, cutOff });
  };

  while (events.size > 0) {
    const now = events.peekTime()!;
    while (events.peekTime() === now) {
      const { event } = events.pop()!;
      if (event.kind === 'arrive') {
        const c = event.customer;
        queue.set(c.id, { id: c.id, channel: c.channel, priority: c.priority, enqueuedAt: c.arrivesAt, steps: c.steps, passedOver: [] });
      } else if (event.kind === 'answer') {
        answer(event.offer, event.answer, now);
      } else if (event.kind === 'end') {
        const { assessor, entry, cutOff } = event;
        assessor.load = { ...assessor.load, [entry.channel]: (assessor.load[entry.channel] ?? 0) - 1 };
        inSession.delete(entry.id);
        if (cutOff) {
          disconnects += 1;
          queue.set(entry.id, { ...entry, passedOver: [] });
        } else {
          completed.set(entry.id, (completed.get(entry.id) ?? 0) + 1);
          finishedAt = now;
        }
      }
    }
    if (queue.size === 0) continue;
    passes += 1;
    for (const offer of routingPass([...queue.values()], assessors, now)) makeOffer(offer, now);
  }

  const counts = customers.map((c) => completed.get(c.id) ?? 0);
  const sortedWaits = waits.map((w) => w.seconds).sort((a, b) => a - b);
  const priorities = [...new Set(waits.map((w) => w.priority))].sort((a, b) => b - a);
  return {
    customers: customers.length,
    servedOnce: counts.filter((n) => n === 1).length,
    lost: counts.filter((n) => n === 0).length,
    servedTwice: counts.filter((n) => n > 1).length,
    disconnects,
    violations,
    passes,
    offers,
    waitSeconds: { p50: quantile(sortedWaits, 0.5), p99: quantile(sortedWaits, 0.99), max: sortedWaits[sortedWaits.length - 1] ?? 0 },
    fairness: priorities.map((priority) => {
      const mine = waits.filter((w) => w.priority === priority).map((w) => w.seconds).sort((a, b) => a - b);
      const median = quantile(mine, 0.5);
      const max = mine[mine.length - 1]!;
      return { priority, customers: mine.length, medianWaitSeconds: median, maxWaitSeconds: max, maxOverMedian: median > 0 ? max / median : null };
    }),
    sessionsPerAssessor: spread([...sessions.values()]),
    finishedAtSeconds: finishedAt / 1000,
  };
}
