import { describe, expect, it } from 'vitest';
import { judgeSignal } from '../../src/signalling/signal-filter.ts';

const cases = new Map([
  ['peer-a', 'case-1'],
  ['peer-b', 'case-1'],
  ['peer-x', 'case-2'],
]);
const caseOf = (peerId: string): string | undefined => cases.get(peerId);
const judge = (message: unknown): ReturnType<typeof judgeSignal> =>
  judgeSignal(typeof message === 'string' ? message : JSON.stringify(message), 'case-1', caseOf);

describe('judgeSignal', () => {
  it('forwards heartbeats and messages to online peers of the same case', () => {
    expect(judge({ type: 'HEARTBEAT' })).toEqual({ forward: true });
    for (const type of ['OFFER', 'ANSWER', 'CANDIDATE', 'LEAVE']) {
      expect(judge({ type, dst: 'peer-b', payload: { sdp: 'x' } })).toEqual({ forward: true, dst: 'peer-b' });
    }
  });

  it('drops messages to a peer of another case', () => {
    expect(judge({ type: 'OFFER', dst: 'peer-x', payload: {} })).toEqual({ forward: false, reason: 'cross-case' });
  });

  it('drops messages to peers that are not online, without a dst, of unknown types, or not JSON', () => {
    for (const message of [
      { type: 'OFFER', dst: 'peer-gone' },
      { type: 'LEAVE' },
      { type: 'EXPIRE', dst: 'peer-b' },
      { type: 'OPEN', dst: 'peer-b' },
      { dst: 'peer-b' },
      { type: 'OFFER', dst: 42 },
      ['OFFER'],
      'not json',
      'null',
    ]) {
      expect(judge(message)).toEqual({ forward: false, reason: 'unroutable' });
    }
  });
});
