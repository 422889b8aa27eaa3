// Handing a session to a colleague: which stored entries are a warm transfer waiting for its answer, and
// who gets a warm transfer's offer. Pure; queue-service.ts applies it under the queue lock.
import type { StoredEntry } from './queue-store.ts';
import { routingPass } from './routing.ts';
import { hasRoom } from './assessor-capacity.ts';
import type { Assessor, QueueEntry, SkillRequirement } from './routing-types.ts';

/**
 * A warm transfer is an offer out on an entry that still has its assessor: the sender keeps the
 * customer (and the load) until the colleague answers.
 */
export const isWarmTransfer = (entry: Pick<StoredEntry, 'state' | 'assignedTo'>): boolean => entry.state === 'offered' && entry.assignedTo !== null;

/**
 * The colleague a warm transfer goes to now: `to` if they are available, have no offer open and have
 * room on the channel; else (or without `to`) the best free match for `skill` by the routing pass's own
 * rules, the sender excluded; null when nobody fits.
 */
export function warmColleague(entry: QueueEntry, from: string, assessors: readonly Assessor[], now: number, want: { to?: string; skill?: SkillRequirement }): string | null {
  if (want.to !== undefined) {
    const colleague = assessors.find((a) => a.id === want.to);
    const free = colleague !== undefined && colleague.status === 'available' && colleague.pendingOffer === undefined && hasRoom(colleague, entry.channel);
    if (free) return colleague.id;
    if (want.skill === undefined) return null;
  }
  const asked: QueueEntry = { id: entry.id, channel: entry.channel, priority: entry.priority, enqueuedAt: now, passedOver: [], steps: [{ afterSeconds: 0, requires: want.skill ? [want.skill] : [] }] };
  const [offer] = routingPass([asked], assessors.filter((a) => a.id !== from), now);
  return offer?.assessorId ?? null;
}
