import { describe, expect, it } from 'vitest';
import type { PeerMessage } from '../../../../protocol/messages.ts';
import type { CallState } from '../../call/call-types.ts';
import { callReducer, initialCall, isInCall, type CallInput, type ConsoleCall } from './call-state.ts';

const call = (state: CallState, extra: Partial<Extract<CallInput, { type: 'call' }>> = {}): CallInput => ({ type: 'call', state, detail: null, endedBy: null, ...extra });
const message = (m: PeerMessage): CallInput => ({ type: 'message', message: m });
const mediaState = (microphone: boolean, camera: boolean): CallInput => message({ v: 1, type: 'media-state', microphone, camera, facing: 'environment', torch: false });
const run = (inputs: CallInput[], from: ConsoleCall = initialCall('waiting')): ConsoleCall => inputs.reduce(callReducer, from);
const connected = (): ConsoleCall => run([call('connecting'), call('connected'), { type: 'channel', open: true }, { type: 'presence', presence: 'live' }]);

describe('the console call state', () => {
  it('starts idle, following the customer’s presence', () => {
    expect(initialCall('offline')).toMatchObject({ phase: 'idle', presence: 'offline' });
    expect(run([{ type: 'presence', presence: 'waiting' }], initialCall('offline'))).toMatchObject({ phase: 'idle', presence: 'waiting' });
    expect(run([{ type: 'presence', presence: 'offline' }])).toMatchObject({ phase: 'idle', presence: 'offline' });
  });

  it('idle → connecting → connected', () => {
    const connecting = run([call('connecting')]);
    expect(connecting.phase).toBe('connecting');
    expect(isInCall(connecting)).toBe(true);
    const up = callReducer(connecting, call('connected'));
    expect(up).toMatchObject({ phase: 'connected', recovered: false, measured: false });
  });

  it('connecting clears what an earlier call reported', () => {
    const earlier = run([mediaState(false, false), message({ v: 1, type: 'quality', level: 'audio-only' }), call('ended', { endedBy: 'assessor' })], connected());
    const next = callReducer(earlier, call('connecting'));
    expect(next).toMatchObject({ phase: 'connecting', media: null, quality: null, mode: null, endedBy: null, failure: null, channel: false });
  });

  it('connecting → failed keeps the reason', () => {
    expect(run([call('connecting'), call('failed', { detail: 'The customer’s device did not connect in time.' })])).toMatchObject({
      phase: 'failed',
      failure: 'The customer’s device did not connect in time.',
    });
    expect(run([call('connecting'), call('failed')]).failure).toBe('The call could not be placed.');
  });

  it('stats count only while connected', () => {
    expect(run([call('connecting'), { type: 'stats', flowing: true }]).measured).toBe(false);
    expect(run([{ type: 'stats', flowing: true }], connected())).toMatchObject({ measured: true, flowing: true });
    expect(run([{ type: 'stats', flowing: true }, { type: 'stats', flowing: false }], connected())).toMatchObject({ phase: 'connected', flowing: false });
  });

  it('a customer page that leaves the server while its media still flows has not dropped (it is registering again)', () => {
    const flowing = run([{ type: 'stats', flowing: true }, { type: 'presence', presence: 'offline' }], connected());
    expect(flowing.phase).toBe('connected');
    // …until its media stops too.
    expect(callReducer(flowing, { type: 'stats', flowing: false }).phase).toBe('dropped');
    expect(callReducer(flowing, { type: 'presence', presence: 'waiting' }).phase).toBe('connected');
  });

  it('dropped → connected (recovered) when media arrives again', () => {
    const dropped = run([{ type: 'presence', presence: 'offline' }], connected());
    expect(callReducer(dropped, { type: 'stats', flowing: false }).phase).toBe('dropped');
    expect(callReducer(dropped, { type: 'stats', flowing: true })).toMatchObject({ phase: 'connected', recovered: true, flowing: true });
  });

  it('connected: the customer’s camera, microphone, mode and quality come from their page', () => {
    const state = run([mediaState(false, true), message({ v: 1, type: 'mode', mode: 'camera', available: ['camera', 'voice'] }), message({ v: 1, type: 'quality', level: 'low', reason: 'packet loss 9 %' })], connected());
    expect(state).toMatchObject({ phase: 'connected', media: { microphone: false, camera: true }, mode: 'camera', quality: { level: 'low', reason: 'packet loss 9 %' } });
    expect(run([mediaState(true, false)], state).media).toEqual({ microphone: true, camera: false });
  });

  it('messages outside a call change nothing', () => {
    const idle = initialCall('waiting');
    expect(run([mediaState(false, false), message({ v: 1, type: 'call-end', by: 'customer' })], idle)).toEqual(idle);
  });

  it('connected → dropped when the customer’s page leaves → connected (recovered) when it is back', () => {
    const dropped = run([{ type: 'presence', presence: 'offline' }], connected());
    expect(dropped.phase).toBe('dropped');
    expect(isInCall(dropped)).toBe(true);
    const back = callReducer(dropped, { type: 'presence', presence: 'waiting' });
    expect(back).toMatchObject({ phase: 'connected', recovered: true });
  });

  it('dropped → reconnecting → connected (recovered)', () => {
    const reconnecting = run([{ type: 'presence', presence: 'offline' }, call('reconnecting', { detail: 'The connection to the customer was lost.' })], connected());
    expect(reconnecting).toMatchObject({ phase: 'reconnecting', measured: false, flowing: false });
    expect(callReducer(reconnecting, { type: 'stats', flowing: true }).phase).toBe('reconnecting');
    // The customer's page is still away while the link is repaired: presence does not end the repair.
    expect(callReducer(reconnecting, { type: 'presence', presence: 'offline' }).phase).toBe('reconnecting');
    expect(callReducer(reconnecting, call('connected'))).toMatchObject({ phase: 'connected', recovered: true });
  });

  it('connected → reconnecting → failed', () => {
    const failed = run([call('reconnecting'), call('failed', { detail: 'The customer’s device did not connect in time.' })], connected());
    expect(failed).toMatchObject({ phase: 'failed', channel: false, failure: 'The customer’s device did not connect in time.' });
    expect(isInCall(failed)).toBe(false);
  });

  it('the assessor hangs up: ended by the assessor', () => {
    expect(run([call('ended', { endedBy: 'assessor' })], connected())).toMatchObject({ phase: 'ended', endedBy: 'assessor', channel: false });
    expect(run([call('ended')], connected()).endedBy).toBe('assessor');
  });

  it('the customer hangs up: ended by the customer, whichever of their message and the call’s end comes first', () => {
    const byMessage = run([message({ v: 1, type: 'call-end', by: 'customer' })], connected());
    expect(byMessage).toMatchObject({ phase: 'ended', endedBy: 'customer' });
    expect(callReducer(byMessage, call('ended', { endedBy: 'customer' }))).toMatchObject({ phase: 'ended', endedBy: 'customer' });
    expect(run([call('ended', { endedBy: 'customer' })], connected())).toMatchObject({ phase: 'ended', endedBy: 'customer' });
    // A late "reconnecting" from the closing link does not reopen an ended call.
    expect(callReducer(byMessage, call('reconnecting')).phase).toBe('ended');
  });

  it('a call-end from the assessor’s side (an echo) is not the customer hanging up', () => {
    expect(run([message({ v: 1, type: 'call-end', by: 'assessor' })], connected()).phase).toBe('connected');
  });

  it('the customer hangs up while dropped or reconnecting', () => {
    const dropped = run([{ type: 'presence', presence: 'offline' }], connected());
    expect(run([message({ v: 1, type: 'call-end', by: 'customer' })], dropped)).toMatchObject({ phase: 'ended', endedBy: 'customer' });
  });

  it('ended and failed stay while the customer comes and goes; presence is kept for the next call', () => {
    const ended = run([call('ended', { endedBy: 'customer' }), { type: 'presence', presence: 'offline' }], connected());
    expect(ended).toMatchObject({ phase: 'ended', presence: 'offline' });
    const failed = run([call('failed'), { type: 'presence', presence: 'waiting' }], connected());
    expect(failed).toMatchObject({ phase: 'failed', presence: 'waiting' });
  });

  it('ended → connecting → connected starts afresh', () => {
    const again = run([call('ended', { endedBy: 'customer' }), call('connecting'), call('connected')], connected());
    expect(again).toMatchObject({ phase: 'connected', endedBy: null, recovered: false });
  });

  it('idle from the call resets to no call', () => {
    expect(run([call('idle')], connected())).toMatchObject({ phase: 'idle', presence: 'live', media: null });
  });

  it('the data channel opens and closes independently of the phase', () => {
    const closed = run([{ type: 'channel', open: false }], connected());
    expect(closed).toMatchObject({ phase: 'connected', channel: false });
  });
});
