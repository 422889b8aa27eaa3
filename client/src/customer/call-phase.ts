// What the customer's call page shows, from the call's state: one word for the page (its data-state),
// the status line, and whether the photo checklist is the page's main content.
import type { CustomerCallState } from '../call/customer-call.ts';

/** The page's states; `ended` and `left` belong to the screen after the call (call-ended.tsx). */
export type CallPhase = 'waiting' | 'connecting' | 'in-call' | 'reconnecting' | 'ended' | 'left';

/** `incoming`: the assessor's call arrived and is not connected yet. */
export function callPhase(state: CustomerCallState, incoming: boolean): CallPhase {
  switch (state) {
    case 'registering':
      return 'connecting';
    case 'waiting':
      return incoming ? 'connecting' : 'waiting';
    case 'connected':
      return 'in-call';
    case 'reconnecting':
      return 'reconnecting';
    case 'expired':
    case 'closed':
      return 'ended';
  }
}

/** The short status on top of the page (the card on the stage says the rest). */
export function statusText(state: CustomerCallState, incoming: boolean): string {
  switch (state) {
    case 'registering':
      return 'Connecting…';
    case 'waiting':
      return incoming ? 'Joining…' : 'Waiting';
    case 'connected':
      return 'Live';
    case 'reconnecting':
      return 'Reconnecting…';
    case 'expired':
      return 'Link expired';
    case 'closed':
      return 'Case closed';
  }
}

/** With a checklist and no assessor on the call, the checklist is the page (guided capture on its own). */
export function checklistIsMain(hasChecklist: boolean, phase: CallPhase): boolean {
  return hasChecklist && (phase === 'waiting' || phase === 'connecting');
}
