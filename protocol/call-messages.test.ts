import { describe, expect, it } from 'vitest';
import { parsePeerMessage } from './messages.ts';

describe('call messages', () => {
  it('parses a hang-up from either side and refuses an unknown side', () => {
    expect(parsePeerMessage({ v: 1, type: 'call-end', by: 'customer' })).toEqual({ v: 1, type: 'call-end', by: 'customer' });
    expect(parsePeerMessage(JSON.stringify({ v: 1, type: 'call-end', by: 'assessor' }))?.type).toBe('call-end');
    expect(parsePeerMessage({ v: 1, type: 'call-end', by: 'someone' })).toBeNull();
  });

  it('parses the assessor’s microphone state and refuses one without it', () => {
    expect(parsePeerMessage({ v: 1, type: 'assessor-microphone', on: false })).toEqual({ v: 1, type: 'assessor-microphone', on: false });
    expect(parsePeerMessage({ v: 1, type: 'assessor-microphone' })).toBeNull();
    expect(parsePeerMessage({ v: 1, type: 'assessor-microphone', on: 'off' })).toBeNull();
  });

  it('parses the customer media state and refuses a partial one', () => {
    const state = { v: 1, type: 'media-state', microphone: false, camera: true, facing: 'environment', torch: false };
    expect(parsePeerMessage(state)).toEqual(state);
    expect(parsePeerMessage({ v: 1, type: 'media-state', microphone: false })).toBeNull();
    expect(parsePeerMessage({ ...state, facing: 'sideways' })).toBeNull();
  });
});
