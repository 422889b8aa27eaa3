import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../../protocol/http.ts';
import { wrapUpSession } from './wrap-up-session.ts';

let seq = 0;
const entry = (type: string, payload: Record<string, unknown> = {}): LedgerEntry => {
  seq += 1;
  return { caseId: 'case_1', seq, at: '2026-12-05T10:00:00.000Z', actor: { type: 'system', id: 'queue' }, type, payload, blobs: [], prevHash: '0', hash: String(seq), signature: 'sig' };
};
const assigned = (entryId: string) => entry('queue.assigned', { entryId, assessorId: 'u_1', waitedMs: 1200 });
const wrapped = (entryId: string | null) => entry('session.wrapped-up', { wrapUpId: `wu_${seq}`, entryId, disposition: 'resolved', notes: null });

describe('wrapUpSession', () => {
  it('a case never called nor queued has no session', () => {
    expect(wrapUpSession([entry('case.created', { title: 'x' })])).toEqual({ hadSession: false, entryId: null });
  });

  it('a call that connected is a session with no queue entry', () => {
    expect(wrapUpSession([entry('call.started'), entry('call.connected'), entry('call.ended')])).toEqual({ hadSession: true, entryId: null });
  });

  it('names the latest assigned entry until a wrap-up names it', () => {
    const entries = [assigned('qe_1'), wrapped('qe_1'), assigned('qe_2')];
    expect(wrapUpSession(entries)).toEqual({ hadSession: true, entryId: 'qe_2' });
    expect(wrapUpSession([...entries, wrapped('qe_2')])).toEqual({ hadSession: true, entryId: null });
  });

  it('a wrap-up without an entry leaves the entry open', () => {
    expect(wrapUpSession([assigned('qe_1'), wrapped(null)]).entryId).toBe('qe_1');
  });

  it('an entry put back in the queue is no longer the session’s', () => {
    // A requeue puts the same entry back (requeuedFrom names the assessor who lost it).
    const requeued = entry('queue.entered', { entryId: 'qe_1', channel: 'video', priority: 0, steps: [], requeuedFrom: 'usr_a' });
    expect(wrapUpSession([assigned('qe_1'), requeued]).entryId).toBeNull();
    expect(wrapUpSession([assigned('qe_1'), requeued, assigned('qe_1')]).entryId).toBe('qe_1');
    // Another entry of the case entering the queue does not end this one's session.
    const other = entry('queue.entered', { entryId: 'qe_2', channel: 'video', priority: 0, steps: [], requeuedFrom: 'usr_a' });
    expect(wrapUpSession([assigned('qe_1'), other]).entryId).toBe('qe_1');
  });

  it('an entry handed on cold is no longer the session’s; a warm hand-on keeps it', () => {
    const transferred = (mode: 'warm' | 'cold') => entry('queue.transferred', { entryId: 'qe_1', from: 'usr_a', to: null, mode, note: null });
    expect(wrapUpSession([assigned('qe_1'), transferred('cold')]).entryId).toBeNull();
    expect(wrapUpSession([assigned('qe_1'), transferred('warm')]).entryId).toBe('qe_1');
  });

  it('ignores a payload that does not parse', () => {
    expect(wrapUpSession([entry('queue.assigned', { entryId: 7 })])).toEqual({ hadSession: false, entryId: null });
  });
});
