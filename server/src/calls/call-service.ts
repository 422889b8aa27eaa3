// Call attempts as the console reports them, so failed calls (above all in their first 30 s) are on record.
import type { CallEventBody, CallView, User } from '../../../protocol/http.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { PresenceTracker } from '../cases/presence.ts';
import { HttpError } from '../errors.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { Db } from '../storage/database.ts';

export const EARLY_FAILURE_MS = 30_000;

interface Row {
  id: string; case_id: string; started_at: string; connected_at: string | null; ended_at: string | null;
  state: CallView['state']; early_failure: number; detail: string | null;
}

const toView = (r: Row): CallView => ({
  id: r.id, caseId: r.case_id, startedAt: r.started_at, connectedAt: r.connected_at, endedAt: r.ended_at,
  state: r.state, earlyFailure: r.early_failure === 1, detail: r.detail,
});

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

export function createCallService(deps: { db: Db; ledger: LedgerStore; cases: CaseService; presence: PresenceTracker; hub: EventHub; clock: () => Date }) {
  const { db, ledger, hub, clock } = deps;
  const byId = db.prepare<[string, string], Row>('SELECT * FROM calls WHERE case_id = ? AND id = ?');
  // Call ids are chosen by the console but unique across all cases (the table's primary key).
  const caseOfCall = db.prepare<[string], { case_id: string }>('SELECT case_id FROM calls WHERE id = ?');
  const listStmt = db.prepare<[string], Row>('SELECT * FROM calls WHERE case_id = ? ORDER BY started_at, rowid');
  return {
    list: (caseId: string): CallView[] => listStmt.all(caseId).map(toView),

    report(user: User, caseId: string, body: CallEventBody): CallView {
      const caseRecord = deps.cases.authorize({ kind: 'user', user }, caseId);
      const at = clock().toISOString();
      const call = db.transaction((): CallView => {
        const row = byId.get(caseId, body.callId);
        if (!row && caseOfCall.get(body.callId)) {
          // Without this, the upsert below would rewrite another case's call under this case's ledger.
          throw new HttpError(409, 'call_id_taken', 'this call id is already used by another case; choose a new one');
        }
        const current = row ? toView(row) : null;
        const state = nextCallState(current, body.event);
        if (state === 'invalid') {
          throw new HttpError(409, 'call_state', `a call in state ${current?.state ?? 'unknown'} cannot take the event "${body.event}"`);
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
        db.prepare(
          `INSERT INTO calls (id, case_id, started_at, connected_at, ended_at, state, early_failure, detail)
           VALUES (@id, @caseId, @startedAt, @connectedAt, @endedAt, @state, @early, @detail)
           ON CONFLICT(id) DO UPDATE SET connected_at = @connectedAt, ended_at = @endedAt, state = @state, early_failure = @early, detail = @detail`,
        ).run({ ...next, early: earlyFailure ? 1 : 0 });
        ledger.append({
          caseId,
          actor: { type: 'assessor', id: user.id },
          type: `call.${body.event}`,
          payload: { callId: body.callId, detail: body.detail ?? null, ...(earlyFailure ? { earlyFailure: true } : {}) },
        });
        return next;
      }).immediate();
      deps.presence.callUp(caseId, call.state === 'connected' || call.state === 'reconnecting');
      hub.publish(caseRecord.assessorId, { type: 'call', call });
      deps.cases.publish(caseId);
      return call;
    },
  };
}
