import { describe, expect, it } from 'vitest';
import { judgeSignal, readSignal, relayedSignal } from '../../src/signalling/signal-filter.ts';

const cases = new Map([
  ['peer-a', 'case-1'],
  ['peer-b', 'case-1'],
  ['peer-x', 'case-2'],
]);
const judge = (message: unknown): ReturnType<typeof judgeSignal> => {
  const signal = readSignal(typeof message === 'string' ? message : JSON.stringify(message));
  return judgeSignal(signal, 'case-1', signal?.dst === undefined ? undefined : cases.get(signal.dst));
};

describe('judgeSignal', () => {
  it('forwards heartbeats and messages to online peers of the same case', () => {
    expect(judge({ type: 'HEARTBEAT' })).toEqual({ forward: true });
    for (const type of ['OFFER', 'ANSWER', 'CANDIDATE', 'LEAVE']) {
      expect(judge({ type, dst: 'peer-b', payload: { sdp: 'x' } })).toEqual({ forward: true, dst: 'peer-b' });
    }
  });

  it('keeps a third participant to the star: they and the assessor’s console signal each other, and nobody else', () => {
    const offer = readSignal(JSON.stringify({ type: 'OFFER', dst: 'peer-b', payload: {} }));
    const between = (sender: 'customer' | 'assessor' | 'participant', dst: 'customer' | 'assessor' | 'participant') => judgeSignal(offer, 'case-1', 'case-1', { sender, dst });
    expect(between('assessor', 'participant')).toEqual({ forward: true, dst: 'peer-b' });
    expect(between('participant', 'assessor')).toEqual({ forward: true, dst: 'peer-b' });
    expect(between('assessor', 'customer')).toEqual({ forward: true, dst: 'peer-b' });
    expect(between('customer', 'assessor')).toEqual({ forward: true, dst: 'peer-b' });
    for (const [sender, dst] of [['participant', 'customer'], ['customer', 'participant'], ['participant', 'participant']] as const) {
      expect(between(sender, dst), `${sender} → ${dst}`).toEqual({ forward: false, reason: 'off-star' });
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

describe('relayedSignal', () => {
  it("is the message as `peer` relays it: type, the sender's real id as src, dst, payload, nothing else", () => {
    const signal = readSignal(JSON.stringify({ type: 'OFFER', src: 'forged', dst: 'peer-b', payload: { sdp: 'v=0' }, extra: 1 }));
    if (!signal) throw new Error('not read');
    expect(relayedSignal(signal, 'peer-a')).toBe('{"type":"OFFER","src":"peer-a","dst":"peer-b","payload":{"sdp":"v=0"}}');
    const leave = readSignal(JSON.stringify({ type: 'LEAVE', dst: 'peer-b' }));
    if (!leave) throw new Error('not read');
    expect(relayedSignal(leave, 'peer-a')).toBe('{"type":"LEAVE","src":"peer-a","dst":"peer-b"}');
  });
});
