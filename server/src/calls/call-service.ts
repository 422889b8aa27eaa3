// Call attempts as the console reports them, so failed calls (above all in their first 30 s) are on record.
import type { CallEventBody, CallView, User } from '../../../protocol/http.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { PresenceTracker } from '../cases/presence.ts';
import { HttpError, text } from '../errors.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { Db } from '../storage/database.ts';
import type { CallStore } from './call-store.ts';

export const EARLY_FAILURE_MS = 30_000;

/** The next state of a call given an event; pure, so the rules are testable. */
export function nextCallState(call: CallView | null, event: CallEventBody['event']): CallView['state'] | 'invalid' {
  if (event === 'started') return call ? 'invalid' : 'started';
  if (!call || call.state === 'ended' || call.state === 'failed') return 'invalid';
  switch (event) {
    case 'connected':
    case 'recovered':
      return 'connected';
    case 'reconnecting':
      return 'reconnecting';
    case 'failed':
      return 'failed';
    case 'ended':
      return 'ended';
  }
}

export type CallService = ReturnType<typeof createCallService>;

export function createCallService(deps: { db: Db; store: CallStore; ledger: LedgerStore; cases: CaseService; presence: PresenceTracker; hub: EventHub; clock: () => Date }) {
  const { db, store, ledger, hub, clock } = deps;
  return {
    list: (caseId: string): Promise<CallView[]> => store.list(caseId),

    async report(user: User, caseId: string, body: CallEventBody): Promise<CallView> {
      const caseRecord = await deps.cases.authorize({ kind: 'user', user }, caseId);
      const at = clock().toISOString();
      const call = await db.transaction(async (): Promise<CallView> => {
        // The ledger's lock before reading the call: two events of one call take turns.
        await db.lockInTransaction(`ledger:${caseId}`);
        const current = await store.byId(caseId, body.callId);
        const taken = () => new HttpError(409, 'call_id_taken', text('call.idTaken'));
        // Without this, the event would be ledgered under this case for another case's call.
        if (!current && (await store.caseOf(body.callId)) !== null) throw taken();
        const state = nextCallState(current, body.event);
        if (state === 'invalid') {
          throw new HttpError(409, 'call_state', text('call.state', { state: current?.state ?? 'unknown', event: body.event }));
        }
        const startedAt = current?.startedAt ?? at;
        const earlyFailure = state === 'failed' && Date.parse(at) - Date.parse(startedAt) <= EARLY_FAILURE_MS;
        const next: CallView = {
          id: body.callId,
          caseId,
          startedAt,
          connectedAt: current?.connectedAt ?? (state === 'connected' ? at : null),
          endedAt: state === 'ended' || state === 'failed' ? at : null,
          state,
          earlyFailure,
          detail: body.detail ?? current?.detail ?? null,
        };
        // Another case's call of the same id may have been stored since (another instance): the save refuses it.
        if (!(await store.save(next))) throw taken();
        await ledger.append({
          caseId,
          actor: { type: 'assessor', id: user.id },
          type: `call.${body.event}`,
          payload: { callId: body.callId, detail: body.detail ?? null, ...(earlyFailure ? { earlyFailure: true } : {}) },
        });
        return next;
      });
      deps.presence.callUp(caseId, call.state === 'connected' || call.state === 'reconnecting');
      hub.publish(caseRecord.assessorId, { type: 'call', call });
      await deps.cases.publish(caseId);
      return call;
    },
  };
}
