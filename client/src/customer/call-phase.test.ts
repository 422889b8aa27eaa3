import { describe, expect, it } from 'vitest';
import { callPhase, checklistIsMain, statusText } from './call-phase.ts';

describe('callPhase', () => {
  it('maps every call state to the page state other journeys wait for', () => {
    expect(callPhase('registering', false)).toBe('connecting');
    expect(callPhase('waiting', false)).toBe('waiting');
    expect(callPhase('waiting', true)).toBe('connecting');
    expect(callPhase('connected', false)).toBe('in-call');
    expect(callPhase('reconnecting', true)).toBe('reconnecting');
    expect(callPhase('expired', false)).toBe('ended');
  });

  it('keeps the status short enough for a phone’s top bar', () => {
    expect(statusText('waiting', false)).toBe('Waiting');
    expect(statusText('waiting', true)).toBe('Joining…');
    expect(statusText('connected', false)).toBe('Live');
  });

  it('makes the checklist the page only while no assessor is on the call', () => {
    expect(checklistIsMain(true, 'waiting')).toBe(true);
    expect(checklistIsMain(true, 'in-call')).toBe(false);
    expect(checklistIsMain(true, 'reconnecting')).toBe(false);
    expect(checklistIsMain(false, 'waiting')).toBe(false);
  });
});
