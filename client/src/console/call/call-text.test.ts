import { describe, expect, it } from 'vitest';
import type { PeerMessage } from '../../../../protocol/messages.ts';
import { callReducer, initialCall, type CallInput, type CallPhase, type ConsoleCall } from './call-state.ts';
import { callAction, cameraOffText, toolsDownText, connectionWord, customerQualityText, expectsPicture, isLive, mutedText, recordingNote, statusText, videoBadge, videoCaption } from './call-text.ts';

const at = (phase: CallPhase, extra: Partial<ConsoleCall> = {}): ConsoleCall => ({ ...initialCall('live'), phase, ...extra });
const message = (m: PeerMessage): CallInput => ({ type: 'message', message: m });
const phases: CallPhase[] = ['idle', 'connecting', 'connected', 'dropped', 'reconnecting', 'ended', 'failed'];

describe('what the console says about the call', () => {
  it('every phase has a sentence-case status, badge, connection word and caption', () => {
    for (const phase of phases) {
      const call = at(phase);
      for (const text of [statusText(call).text, videoBadge(call), connectionWord(call, 3), videoCaption(call, false)]) {
        expect(text, phase).toMatch(/^[A-Z]/);
      }
    }
  });

  it('idle follows presence', () => {
    expect(statusText(at('idle', { presence: 'offline' })).text).toBe('Customer not connected');
    expect(statusText(at('idle', { presence: 'offline' }), 'not-opened').text).toBe('Link not opened');
    expect(statusText(at('idle', { presence: 'offline' }), 'opened').text).toBe('Link opened');
    expect(statusText(at('idle', { presence: 'offline' }), 'expired')).toEqual({ text: 'Link expired', tone: 'bad' });
    expect(statusText(at('idle', { presence: 'waiting' }), 'opened').text).toBe('Customer waiting');
    expect(videoCaption(at('idle', { presence: 'offline' }), false)).toBe('Waiting for the customer to open the link…');
    expect(videoCaption(at('idle', { presence: 'offline' }), false, 'opened')).toBe('The customer has opened the link. Waiting for them to agree and join…');
    expect(videoCaption(at('idle', { presence: 'offline' }), false, 'declined')).toBe('The customer declined. They can start again from their link while it works.');
    expect(videoCaption(at('idle', { presence: 'offline' }), false, 'expired')).toBe('The join link has expired. Make a new one to invite the customer.');
    expect(videoCaption(at('idle', { presence: 'waiting' }), false, 'waiting')).toBe('The customer is ready. Connect to start the call.');
    expect(statusText(at('idle', { presence: 'waiting' })).text).toBe('Customer waiting');
    expect(callAction(at('idle', { presence: 'offline' }))).toEqual({ kind: 'connect', label: 'Connect', disabled: true });
    expect(callAction(at('idle', { presence: 'waiting' }), 'Connect (voice)')).toEqual({ kind: 'connect', label: 'Connect (voice)', disabled: false });
    expect(connectionWord(at('idle'), null)).toBe('No call');
  });

  it('connected: in call everywhere; measuring until stats arrive; waiting for the picture until frames show', () => {
    const call = at('connected');
    expect(statusText(call)).toEqual({ text: 'In call', tone: 'ok' });
    expect(videoBadge(call)).toBe('Live');
    expect(connectionWord(call, null)).toBe('Measuring…');
    expect(connectionWord({ ...call, measured: true }, 4)).toBe('Good');
    expect(videoCaption(call, false)).toBe('Waiting for the customer’s picture…');
    expect(videoCaption(call, true)).toBeNull();
    expect(expectsPicture(call)).toBe(true);
    expect(callAction(call)).toEqual({ kind: 'hang-up', label: 'Hang up', disabled: false });
    expect(isLive(call)).toBe(false);
    expect(isLive({ ...call, channel: true })).toBe(true);
    expect(toolsDownText(call)).toMatch(/opening/);
    expect(toolsDownText({ ...call, channel: true })).toBeNull();
    expect(toolsDownText(at('idle'))).toMatch(/^Connect to the customer/);
    expect(toolsDownText(at('connecting'))).toMatch(/once the call is connected/);
  });

  it('camera off and muted come from the customer’s page', () => {
    const call = callReducer(at('connected'), message({ v: 1, type: 'media-state', microphone: false, camera: false, facing: 'user', torch: false }));
    expect(cameraOffText(call)).toBe('The customer’s camera is off');
    expect(videoCaption(call, true)).toBe('The customer’s camera is off');
    expect(expectsPicture(call)).toBe(false);
    expect(mutedText(call)).toBe('Customer muted');
    expect(videoBadge(call)).toBe('Live · customer muted');
    expect(statusText(call).text).toBe('In call');
  });

  it('audio only and the customer’s mode explain a missing picture too', () => {
    expect(cameraOffText(at('connected', { quality: { level: 'audio-only', reason: 'the customer chose audio only' } }))).toBe('The customer chose audio only');
    // Taken from the weak-link offer or the camera button, before the page's media-state says the camera is off.
    expect(cameraOffText(at('connected', { quality: { level: 'audio-only', reason: 'the customer switched to audio only' } }))).toBe('The customer chose audio only');
    expect(cameraOffText(at('connected', { mode: 'voice' }))).toBe('The customer is on voice only');
    expect(cameraOffText(at('connected', { mode: 'text' }))).toBe('The customer is on text chat only');
  });

  it('the customer’s sending quality shows only while connected', () => {
    const quality = { level: 'low' as const, reason: 'packet loss 9 %' };
    expect(customerQualityText(at('connected', { quality }))).toBe('Customer sending low quality video (packet loss 9 %).');
    expect(customerQualityText(at('connected', { quality: { level: 'high', reason: null } }))).toBeNull();
    expect(customerQualityText(at('reconnecting', { quality: { level: 'audio-only', reason: null } }))).toBeNull();
    expect(cameraOffText(at('reconnecting', { quality: { level: 'audio-only', reason: null } }))).toBeNull();
  });

  it('dropped and reconnecting agree in every panel and keep the hang-up button', () => {
    for (const phase of ['dropped', 'reconnecting'] as const) {
      const call = at(phase, { media: { microphone: false, camera: false } });
      expect(videoBadge(call)).toBe(statusText(call).text);
      expect(connectionWord(call, 4)).toBe(statusText(call).text);
      expect(videoCaption(call, true)).not.toMatch(/camera|Waiting for the customer to open/);
      expect(mutedText(call)).toBeNull();
      expect(recordingNote(call)).toMatch(/recording goes on/);
      expect(callAction(call).kind).toBe('hang-up');
      expect(toolsDownText(call)).toBe('The tools come back when the customer is connected again.');
    }
  });

  it('ended says who hung up; failed says why; both offer to call again', () => {
    expect(statusText(at('ended', { endedBy: 'customer' })).text).toBe('Call ended by the customer');
    expect(videoCaption(at('ended', { endedBy: 'customer' }), false)).toBe('The customer ended the call.');
    expect(statusText(at('ended', { endedBy: 'assessor' })).text).toBe('Call ended');
    expect(videoCaption(at('ended', { endedBy: 'assessor' }), false)).toBe('You ended the call.');
    expect(videoCaption(at('failed', { failure: 'The customer’s device did not connect in time.' }), false)).toBe('The customer’s device did not connect in time.');
    expect(callAction(at('ended', { presence: 'waiting' }))).toEqual({ kind: 'connect', label: 'Call again', disabled: false });
    expect(callAction(at('failed', { presence: 'offline' }))).toEqual({ kind: 'connect', label: 'Call again', disabled: true });
    expect(recordingNote(at('ended'))).toBeNull();
  });
});
