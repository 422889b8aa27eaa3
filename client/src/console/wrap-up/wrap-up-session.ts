// What the case's ledger says about wrapping up: whether a session took place, and the queue entry the
// latest session came from when it is still to be wrapped up (no route gives an assessor their case's
// entry, and the ledger already holds every assignment, requeue and wrap-up).
import { QueueAssignedPayload, QueueEnteredPayload, QueueTransferredPayload, SessionWrappedUpPayload } from '../../../../protocol/ledger.ts';
import type { LedgerEntry } from '../../../../protocol/http.ts';

export interface WrapUpSession {
  /** A call connected or the queue assigned the case: there is a session to wrap up. */
  hadSession: boolean;
  /** The entry to name in the wrap-up (it is finished, freeing the assessor); null when none is open. */
  entryId: string | null;
}

export function wrapUpSession(entries: readonly LedgerEntry[]): WrapUpSession {
  let hadSession = false;
  let entryId: string | null = null;
  for (const entry of entries) {
    if (entry.type === 'call.connected') hadSession = true;
    if (entry.type === 'queue.assigned') {
      const assigned = QueueAssignedPayload.safeParse(entry.payload);
      if (assigned.success) {
        hadSession = true;
        entryId = assigned.data.entryId;
      }
    }
    // Put back in the queue (the assessor dropped): that entry's session is over; a new one may follow.
    if (entry.type === 'queue.entered') {
      const entered = QueueEnteredPayload.safeParse(entry.payload);
      if (entered.success && entered.data.requeuedFrom !== undefined && entered.data.entryId === entryId) entryId = null;
    }
    // Handed on cold: back in the queue, so this session is over too.
    if (entry.type === 'queue.transferred') {
      const transferred = QueueTransferredPayload.safeParse(entry.payload);
      if (transferred.success && transferred.data.mode === 'cold' && transferred.data.entryId === entryId) entryId = null;
    }
    if (entry.type === 'session.wrapped-up') {
      const wrapped = SessionWrappedUpPayload.safeParse(entry.payload);
      if (wrapped.success && wrapped.data.entryId === entryId) entryId = null;
    }
  }
  return { hadSession, entryId };
}
