// What the customer's call page shows, from the call's state: one word for the page (its data-state),
// the status line, and whether the photo checklist is the page's main content.
import type { CustomerCallState } from '../call/customer-call.ts';
import { i18next } from '../i18n/i18n.ts';

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
      return i18next.t('customer:call.statusConnecting');
    case 'waiting':
      return i18next.t(incoming ? 'customer:call.statusJoining' : 'customer:call.statusWaiting');
    case 'connected':
      return i18next.t('customer:call.statusLive');
    case 'reconnecting':
      return i18next.t('customer:call.statusReconnecting');
    case 'expired':
      return i18next.t('customer:call.statusExpired');
    case 'closed':
      return i18next.t('customer:call.statusClosed');
  }
}

/** With a checklist and no assessor on the call, the checklist is the page (guided capture on its own). */
export function checklistIsMain(hasChecklist: boolean, phase: CallPhase): boolean {
  return hasChecklist && (phase === 'waiting' || phase === 'connecting');
}
