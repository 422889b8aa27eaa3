// Which queue entry a person holds in this case, read from the case's ledger (no route gives an
// assessor their case's entry): the latest one assigned to them and not since handed on, put back or
// wrapped up, and the colleague a warm transfer of it is waiting for.
import type { LedgerEntry } from '../../../../protocol/http.ts';
import { QueueAssignedPayload, QueueDeclinedPayload, QueueEnteredPayload, QueueOfferedPayload, QueueTransferredPayload, SessionWrappedUpPayload } from '../../../../protocol/ledger.ts';

export interface SessionEntry {
  entryId: string;
  /** The colleague a warm transfer is offered to and who has not answered yet; null when none. */
  pendingTo: string | null;
}

export function sessionEntryOf(entries: readonly LedgerEntry[], userId: string): SessionEntry | null {
  let held: SessionEntry | null = null;
  const ours = (entryId: string): boolean => held !== null && held.entryId === entryId;
  for (const entry of entries) {
    switch (entry.type) {
      case 'queue.assigned': {
        const p = QueueAssignedPayload.safeParse(entry.payload);
        if (!p.success) break;
        if (p.data.assessorId === userId) held = { entryId: p.data.entryId, pendingTo: null };
        else if (ours(p.data.entryId)) held = null;
        break;
      }
      case 'queue.offered': {
        // An offer of an entry still held is a warm transfer of it.
        const p = QueueOfferedPayload.safeParse(entry.payload);
        if (p.success && ours(p.data.entryId)) held = { entryId: p.data.entryId, pendingTo: p.data.assessorId };
        break;
      }
      case 'queue.declined': {
        const p = QueueDeclinedPayload.safeParse(entry.payload);
        if (p.success && ours(p.data.entryId)) held = { entryId: p.data.entryId, pendingTo: null };
        break;
      }
      case 'queue.transferred': {
        const p = QueueTransferredPayload.safeParse(entry.payload);
        if (p.success && ours(p.data.entryId) && p.data.to !== userId) held = null;
        break;
      }
      case 'queue.entered': {
        const p = QueueEnteredPayload.safeParse(entry.payload);
        if (p.success && ours(p.data.entryId) && p.data.requeuedFrom !== undefined) held = null;
        break;
      }
      case 'session.wrapped-up': {
        const p = SessionWrappedUpPayload.safeParse(entry.payload);
        if (p.success && p.data.entryId !== null && ours(p.data.entryId)) held = null;
        break;
      }
    }
  }
  return held;
}
