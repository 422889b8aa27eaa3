// One routing pass: given the waiting entries and the assessors as they are at `now`, which offers to
// make. Pure and deterministic, so one instance at a time can run it under an advisory lock and the
// result depends only on the rows it read.
import { hasRoom, hasRoomAfterChats, isLive } from './assessor-capacity.ts';
import { activeStep, criteriaKey, describeFacts, matchFacts, meetsStep, skillScore, type PinLapse } from './routing-steps.ts';
import { CHANNELS, type Assessor, type Channel, type Offer, type QueueEntry, type RoutingStep } from './routing-types.ts';

const chats = (a: Assessor): number => a.load.text ?? 0;

/** Routing order: priority first, then the longest waiting, then id so equal rows never swap. */
export function compareEntries(a: QueueEntry, b: QueueEntry): number {
  return b.priority - a.priority || a.enqueuedAt - b.enqueuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Best skill match for the step, then idle longest (never assigned counts as longest), then id. */
function better(step: RoutingStep, a: Assessor, b: Assessor): boolean {
  const score = skillScore(a.skills, step) - skillScore(b.skills, step);
  if (score !== 0) return score > 0;
  const idleA = a.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
  const idleB = b.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
  if (idleA !== idleB) return idleA < idleB;
  return a.id < b.id;
}

/**
 * Whether the entry's passed-over list is to be ignored: every available assessor who meets the step and
 * takes the channel has passed it over, so offers start again rather than the entry waiting for ever.
 */
export function passedOverExhausted(entry: QueueEntry, step: RoutingStep, assessors: readonly Assessor[]): boolean {
  if (entry.passedOver.length === 0) return false;
  const roster = assessors.filter((a) => a.status === 'available' && meetsStep(a.skills, step) && (a.capacity[entry.channel] ?? 0) >= 1);
  return roster.length > 0 && roster.every((a) => entry.passedOver.includes(a.id));
}

/**
 * Whether a pin still holds: its assessor exists, is not offline, and has not passed the entry over.
 * A lapsed pin sends the entry to the general queue, so a declined transfer or an owner who logged off
 * does not leave the customer waiting for one person.
 */
export function pinLapse(entry: QueueEntry, byId: ReadonlyMap<string, Assessor>): PinLapse | undefined {
  if (entry.pinnedTo === undefined) return undefined;
  const owner = byId.get(entry.pinnedTo);
  if (!owner || owner.status === 'offline') return 'offline';
  return entry.passedOver.includes(owner.id) ? 'passed over' : undefined;
}

/**
 * The offers to make now. Entries go in routing order; held entries and entries with an offer out are
 * skipped; an assessor gets one offer at most, only when available, with no offer pending and room on
 * the channel. Because entries ahead choose first, a lower entry never takes an assessor a higher one
 * could have had. A waiting call that fits an assessor held only by text chats reserves that assessor
 * (the one with fewest chats) for this pass: no new chat goes to them, so a steady stream of chats
 * cannot keep every fitting assessor from ever being free for the call.
 */
export function routingPass(entries: readonly QueueEntry[], assessors: readonly Assessor[], now: number): Offer[] {
  const free = assessors.filter((a) => a.status === 'available' && a.pendingOffer === undefined && CHANNELS.some((c) => hasRoom(a, c)));
  if (free.length === 0) return [];
  // Per channel, how many free assessors are still unused and could take (or be reserved for) it: a
  // queue of thousands is skipped cheaply once nobody is left for its channel.
  const takers = (a: Assessor): Channel[] => CHANNELS.filter((c) => hasRoom(a, c) || hasRoomAfterChats(a, c));
  const open = new Map(CHANNELS.map((c) => [c, 0]));
  for (const a of free) for (const c of takers(a)) open.set(c, open.get(c)! + 1);
  const used = new Set<string>(); // offered this pass, or reserved for a waiting call
  const use = (a: Assessor): void => {
    used.add(a.id);
    for (const c of takers(a)) open.set(c, open.get(c)! - 1);
  };

  const offeredOut = new Set(assessors.flatMap((a) => (a.pendingOffer === undefined ? [] : [a.pendingOffer])));
  const byId = new Map(assessors.map((a) => [a.id, a]));
  const offers: Offer[] = [];
  const nobodyFor = new Set<string>();
  const waiting = entries.filter((e) => !e.held && !offeredOut.has(e.id)).sort(compareEntries);
  for (const entry of waiting) {
    if (used.size === free.length) break;
    if (open.get(entry.channel) === 0) continue;
    const lapse = pinLapse(entry, byId);
    if (entry.pinnedTo !== undefined && lapse === undefined) {
      const owner = byId.get(entry.pinnedTo)!;
      if (!free.includes(owner) || used.has(owner.id)) continue;
      if (hasRoom(owner, entry.channel)) {
        const facts = matchFacts(entry, -1, { pinned: true });
        offers.push({ entryId: entry.id, assessorId: owner.id, stepIndex: -1, reason: describeFacts(facts), facts, clearedPassedOver: false });
      }
      // A call transferred to someone still in chats waits for them, so no new chat goes to them meanwhile.
      if (hasRoom(owner, entry.channel) || hasRoomAfterChats(owner, entry.channel)) use(owner);
      continue;
    }

    const { index, step } = activeStep(entry, now);
    // Within a pass the unused assessors only dwindle, so once an entry with no one passed over found
    // nobody, every later entry with the same channel and step finds nobody too: skip it. Queues hold
    // few distinct criteria, which keeps a pass over thousands of waiting entries cheap.
    const unplaceable = entry.passedOver.length === 0 ? criteriaKey(entry.channel, step) : undefined;
    if (unplaceable !== undefined && nobodyFor.has(unplaceable)) continue;
    const cleared = passedOverExhausted(entry, step, assessors);
    const fits = (a: Assessor): boolean =>
      !used.has(a.id) && meetsStep(a.skills, step) && (cleared || !entry.passedOver.includes(a.id));
    let best: Assessor | undefined;
    for (const a of free) {
      if (hasRoom(a, entry.channel) && fits(a) && (best === undefined || better(step, a, best))) best = a;
    }
    if (best) {
      use(best);
      const facts = matchFacts(entry, index, { pinLapsed: lapse, clearedPassedOver: cleared });
      offers.push({ entryId: entry.id, assessorId: best.id, stepIndex: index, clearedPassedOver: cleared, reason: describeFacts(facts), facts });
      continue;
    }
    let drain: Assessor | undefined;
    if (isLive(entry.channel)) {
      for (const a of free) {
        if (!hasRoomAfterChats(a, entry.channel) || !fits(a)) continue;
        const fewer = drain === undefined ? -1 : chats(a) - chats(drain);
        if (fewer < 0 || (fewer === 0 && better(step, a, drain!))) drain = a;
      }
    }
    if (drain) use(drain);
    else if (unplaceable !== undefined) nobodyFor.add(unplaceable);
  }
  return offers;
}
