// Position and estimated wait for each waiting entry, recomputed each pass. A deliberately simple model a
// customer can be told in one sentence (Erlang-C would need arrival rates the queue does not yet know):
// the assessors who could take you serve the line ahead of you at the pace of the recent handle time.
//   servers S = session slots on your channel among available assessors who meet your step in force
//               (a pinned entry: its one assessor); if none do, the first later step that has any, and
//               you wait at least until that step takes over;
//   free F    = those slots free now on assessors with no offer pending;
//   eta       = max(time until that step, max(0, n − F) × h / S), n = 1 + entries ahead on your channel
//               with no offer out yet, h = the mean recent handle time of your channel.
// Position is 1-based among the entries on the same channel, in routing order. An entry with an offer
// out waits 0 s; a held callback keeps its place but does not count against anyone, and has no eta;
// nobody available who could ever take the entry gives a null eta ("we cannot estimate").
import { freeSlots, slots } from './assessor-capacity.ts';
import { pinLapse, compareEntries } from './routing.ts';
import { activeStep, criteriaKey, meetsStep, stepsOf } from './routing-steps.ts';
import type { Assessor, Channel, QueueEntry, RoutingStep } from './routing-types.ts';

/** Used when no session on any channel has ended recently: a typical remote assessment. */
export const DEFAULT_HANDLE_SECONDS = 300;

export type RecentHandleTimes = Readonly<Partial<Record<Channel, readonly number[]>>>;

export interface WaitEstimate {
  entryId: string;
  position: number;
  /** Whole seconds; null when held, or when no available assessor could ever take the entry. */
  etaSeconds: number | null;
}

const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

function handleSeconds(channel: Channel, recent: RecentHandleTimes): number {
  const own = recent[channel] ?? [];
  if (own.length > 0) return mean(own);
  const all = Object.values(recent).flat();
  return all.length > 0 ? mean(all) : DEFAULT_HANDLE_SECONDS;
}

interface Servers {
  total: number;
  free: number;
  /** Seconds until the step these servers belong to takes over (0 if in force). */
  notBefore: number;
}

type Capacity = Omit<Servers, 'notBefore'>;

function capacityOf(channel: Channel, fitting: readonly Assessor[]): Capacity {
  return {
    total: fitting.reduce((sum, a) => sum + slots(a, channel), 0),
    free: fitting.reduce((sum, a) => sum + (a.pendingOffer === undefined ? freeSlots(a, channel) : 0), 0),
  };
}

/** `capacityFor` is memoised per channel and step: a long queue holds few distinct criteria. */
function serversFor(entry: QueueEntry, byId: ReadonlyMap<string, Assessor>, capacityFor: (channel: Channel, step: RoutingStep) => Capacity, now: number): Servers | null {
  if (entry.pinnedTo !== undefined && pinLapse(entry, byId) === undefined) {
    const owner = byId.get(entry.pinnedTo)!;
    const pinned = capacityOf(entry.channel, owner.status === 'available' ? [owner] : []);
    return pinned.total > 0 ? { ...pinned, notBefore: 0 } : null;
  }
  const steps = stepsOf(entry);
  for (let i = activeStep(entry, now).index; i < steps.length; i++) {
    const step = steps[i]!;
    const servers = capacityFor(entry.channel, step);
    if (servers.total > 0) {
      return { ...servers, notBefore: Math.max(0, (entry.enqueuedAt + step.afterSeconds * 1000 - now) / 1000) };
    }
  }
  return null;
}

export function estimateWait(queue: readonly QueueEntry[], assessors: readonly Assessor[], recentHandleTimes: RecentHandleTimes, now: number): WaitEstimate[] {
  const offeredOut = new Set(assessors.flatMap((a) => (a.pendingOffer === undefined ? [] : [a.pendingOffer])));
  const byId = new Map(assessors.map((a) => [a.id, a]));
  const available = assessors.filter((a) => a.status === 'available');
  const capacities = new Map<string, Capacity>();
  const capacityFor = (channel: Channel, step: RoutingStep): Capacity => {
    const key = criteriaKey(channel, step);
    let capacity = capacities.get(key);
    if (capacity === undefined) {
      capacity = capacityOf(channel, available.filter((a) => meetsStep(a.skills, step)));
      capacities.set(key, capacity);
    }
    return capacity;
  };
  const estimates: WaitEstimate[] = [];
  const ahead = new Map<Channel, { all: number; notOffered: number }>();

  for (const entry of [...queue].sort(compareEntries)) {
    const line = ahead.get(entry.channel) ?? { all: 0, notOffered: 0 };
    ahead.set(entry.channel, line);
    const position = line.all + 1;
    if (entry.held) {
      estimates.push({ entryId: entry.id, position, etaSeconds: null });
      continue;
    }
    line.all += 1;
    if (offeredOut.has(entry.id)) {
      estimates.push({ entryId: entry.id, position, etaSeconds: 0 });
      continue;
    }
    line.notOffered += 1;
    const servers = serversFor(entry, byId, capacityFor, now);
    if (servers === null) {
      estimates.push({ entryId: entry.id, position, etaSeconds: null });
      continue;
    }
    const queued = Math.max(0, line.notOffered - servers.free) * handleSeconds(entry.channel, recentHandleTimes) / servers.total;
    estimates.push({ entryId: entry.id, position, etaSeconds: Math.ceil(Math.max(servers.notBefore, queued)) });
  }
  return estimates;
}
