import { describe, expect, it } from 'vitest';
import { createLiveCalls } from './live-calls.ts';

describe('live calls', () => {
  it('is in a call while any case’s call is live, and tells listeners only when that changes', () => {
    const calls = createLiveCalls();
    const heard: boolean[] = [];
    const off = calls.subscribe(() => heard.push(calls.inCall()));
    expect(calls.inCall()).toBe(false);
    calls.report('case_a', true);
    calls.report('case_b', true);
    expect(calls.inCall()).toBe(true);
    calls.report('case_a', false);
    expect(calls.inCall()).toBe(true);
    calls.report('case_b', false);
    calls.report('case_b', false);
    expect(calls.inCall()).toBe(false);
    expect(heard).toEqual([true, false]);
    off();
    calls.report('case_a', true);
    expect(heard).toEqual([true, false]);
  });
});
