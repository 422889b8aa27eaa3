import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../../protocol/http.ts';
import { sessionEntryOf } from './session-entry.ts';

let seq = 0;
const entry = (type: string, payload: Record<string, unknown>): LedgerEntry => {
  seq += 1;
  return { caseId: 'case_1', seq, at: '2026-12-05T10:00:00.000Z', actor: { type: 'system', id: 'frontdoor' }, type, payload, blobs: [], prevHash: '0', hash: String(seq), signature: 'sig' };
};
const assigned = (assessorId: string) => entry('queue.assigned', { entryId: 'qe_1', assessorId, waitedMs: 1000 });
const offered = (assessorId: string) => entry('queue.offered', { entryId: 'qe_1', assessorId, stepIndex: -1, reason: 'warm transfer from u_me' });
const declined = (assessorId: string, why = 'declined') => entry('queue.declined', { entryId: 'qe_1', assessorId, why });
const transferred = (mode: 'warm' | 'cold', to: string | null) => entry('queue.transferred', { entryId: 'qe_1', from: 'u_me', to, mode, note: null });

describe('sessionEntryOf', () => {
  it('is the entry assigned to the person, with a warm transfer pending until answered', () => {
    expect(sessionEntryOf([offered('u_me')], 'u_me')).toBeNull();
    expect(sessionEntryOf([offered('u_me'), assigned('u_me')], 'u_me')).toEqual({ entryId: 'qe_1', pendingTo: null });
    expect(sessionEntryOf([assigned('u_me'), offered('u_b')], 'u_me')).toEqual({ entryId: 'qe_1', pendingTo: 'u_b' });
    for (const why of ['declined', 'timed out', 'withdrawn']) {
      expect(sessionEntryOf([assigned('u_me'), offered('u_b'), declined('u_b', why)], 'u_me')).toEqual({ entryId: 'qe_1', pendingTo: null });
    }
  });

  it('ends when the colleague takes it, a cold transfer sends it back, it is put back or wrapped up', () => {
    expect(sessionEntryOf([assigned('u_me'), offered('u_b'), transferred('warm', 'u_b'), assigned('u_b')], 'u_me')).toBeNull();
    expect(sessionEntryOf([assigned('u_me'), offered('u_b'), transferred('warm', 'u_b'), assigned('u_b')], 'u_b')).toEqual({ entryId: 'qe_1', pendingTo: null });
    expect(sessionEntryOf([assigned('u_me'), transferred('cold', null)], 'u_me')).toBeNull();
    expect(sessionEntryOf([assigned('u_me'), entry('queue.entered', { entryId: 'qe_1', channel: 'video', priority: 0, steps: [], requeuedFrom: 'u_me' })], 'u_me')).toBeNull();
    expect(sessionEntryOf([assigned('u_me'), entry('session.wrapped-up', { wrapUpId: 'wu_1', entryId: 'qe_1', disposition: 'resolved', notes: null })], 'u_me')).toBeNull();
    // Cold back to the queue and taken again by the same person: theirs again.
    expect(sessionEntryOf([assigned('u_me'), transferred('cold', null), assigned('u_me')], 'u_me')).toEqual({ entryId: 'qe_1', pendingTo: null });
  });
});
