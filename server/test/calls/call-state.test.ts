import { describe, expect, it } from 'vitest';
import type { CallView } from '../../../protocol/http.ts';
import { nextCallState } from '../../src/calls/call-service.ts';

const call = (state: CallView['state']): CallView => ({
  id: 'call-1', caseId: 'c', startedAt: '2026-01-01T00:00:00Z', connectedAt: null, endedAt: null, state, earlyFailure: false, detail: null,
});

describe('nextCallState', () => {
  it('follows a call from start to end, through a recovery', () => {
    expect(nextCallState(null, 'started')).toBe('started');
    expect(nextCallState(call('started'), 'connected')).toBe('connected');
    expect(nextCallState(call('connected'), 'reconnecting')).toBe('reconnecting');
    expect(nextCallState(call('reconnecting'), 'recovered')).toBe('connected');
    expect(nextCallState(call('connected'), 'ended')).toBe('ended');
  });

  it('refuses events that make no sense', () => {
    expect(nextCallState(null, 'connected')).toBe('invalid');
    expect(nextCallState(call('started'), 'started')).toBe('invalid');
    expect(nextCallState(call('ended'), 'connected')).toBe('invalid');
    expect(nextCallState(call('failed'), 'recovered')).toBe('invalid');
  });
});
