// The queue's rows as routing and the wire see them: a stored entry as routing's QueueEntry, a routing
// row as an Assessor with the status routing acts on, and an entry as the offer an assessor reads.
import { HandOffSummaryView, ServiceType } from '../../../protocol/agent.ts';
import type { QueueOffer } from '../../../protocol/queue.ts';
import type { StoredEntry, StoredRouting } from './queue-store.ts';
import type { Assessor, AssessorStatus, QueueEntry } from './routing-types.ts';
import { isWarmTransfer } from './transfer.ts';

/** Routing's view of a stored entry. */
export function toQueueEntry(entry: StoredEntry): QueueEntry {
  return {
    id: entry.id, channel: entry.channel, priority: entry.priority, enqueuedAt: Date.parse(entry.enqueuedAt), steps: entry.steps, passedOver: entry.passedOver,
    ...(entry.pinnedTo !== null ? { pinnedTo: entry.pinnedTo } : {}), ...(entry.held ? { held: true as const } : {}),
  };
}

/** The status routing acts on: a disabled user is offline, an available one whose console went quiet is away. */
export const quiet = (row: StoredRouting, now: number, awayAfterMs: number): boolean => row.lastSeenAt === null || now - Date.parse(row.lastSeenAt) > awayAfterMs;

export function effectiveStatus(row: StoredRouting, now: number, awayAfterMs: number): AssessorStatus {
  if (row.disabled) return 'offline';
  if (row.status === 'available' && quiet(row, now, awayAfterMs)) return 'away';
  return row.status;
}

/** Each assessor's open offer (their id → the entry's), from the entries as read. */
export function openOffers(entries: readonly StoredEntry[]): Map<string, string> {
  return new Map(entries.filter((e) => e.state === 'offered').map((e) => [e.offeredTo!, e.id]));
}

/** `inCall`: the assessors in a live call the queue did not give them. */
export function toAssessor(row: StoredRouting, now: number, offers: ReadonlyMap<string, string>, awayAfterMs: number, inCall: ReadonlySet<string> = new Set()): Assessor {
  const pending = offers.get(row.userId);
  return {
    id: row.userId, status: effectiveStatus(row, now, awayAfterMs), skills: row.skills, capacity: row.capacity, load: row.load,
    ...(inCall.has(row.userId) ? { inCall: true } : {}),
    ...(pending !== undefined ? { pendingOffer: pending } : {}),
    ...(row.lastAssignedAt !== null ? { lastAssignedAt: Date.parse(row.lastAssignedAt) } : {}),
  };
}

/** What the front door stored on the entry, read back through its schemas (a row that does not parse shows as none). */
export const frontDoorOf = (entry: StoredEntry): Pick<QueueOffer, 'service' | 'summary' | 'callback'> => {
  const summary = entry.summary === null ? null : HandOffSummaryView.safeParse(JSON.parse(entry.summary));
  const service = ServiceType.safeParse(entry.service);
  return { service: service.success ? service.data : null, summary: summary?.success ? summary.data : null, callback: entry.callback };
};

export const offerView = (entry: StoredEntry, caseTitle: string, fromName: string | null): QueueOffer => ({
  entryId: entry.id, caseId: entry.caseId, channel: entry.channel, priority: entry.priority, enqueuedAt: entry.enqueuedAt, expiresAt: entry.offerExpiresAt!, reason: entry.offerReason ?? '', facts: entry.offerFacts,
  caseTitle, ...frontDoorOf(entry),
  transfer: isWarmTransfer(entry) ? { fromId: entry.assignedTo!, fromName: fromName ?? entry.assignedTo!, note: entry.transfer?.note ?? null } : null,
});

/** What the sender of a warm transfer is told when it ends; sent after the change commits. */
export interface TransferEnded {
  entry: StoredEntry;
  from: string;
  colleague: string;
  outcome: 'accepted' | 'declined' | 'timed out' | 'withdrawn';
}
