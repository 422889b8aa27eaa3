import { describe, expect, it } from 'vitest';
import { loudness, nextSpeaking, peakLoudness, QUIET_MS, START, STOP } from './speaking.ts';

describe('loudness', () => {
  it('is 0 for silence and near 1 for a full-scale square wave', () => {
    expect(loudness(new Uint8Array(64).fill(128))).toBe(0);
    expect(loudness(Uint8Array.from({ length: 64 }, (_, i) => (i % 2 ? 0 : 255)))).toBeGreaterThan(0.99);
    expect(loudness([])).toBe(0);
  });
});

describe('peakLoudness', () => {
  it('finds a short sound in a long quiet window that the window\'s average would miss', () => {
    const window = new Uint8Array(8192).fill(128);
    // A 10 ms beep (480 samples at 48 kHz) at a tenth of full scale, in 170 ms of silence.
    for (let i = 4000; i < 4480; i++) window[i] = i % 2 === 0 ? 141 : 115;
    expect(loudness(window)).toBeLessThan(START);
    expect(peakLoudness(window, 512)).toBeGreaterThan(START);
  });

  it('is zero for silence and the plain loudness for one block', () => {
    expect(peakLoudness(new Uint8Array(8192).fill(128), 512)).toBe(0);
    const block = Uint8Array.from({ length: 512 }, (_, i) => (i % 2 === 0 ? 160 : 96));
    expect(peakLoudness(block, 512)).toBeCloseTo(loudness(block));
  });
});

describe('nextSpeaking', () => {
  const quiet = { speaking: false, quietSince: null };
  it('starts above the start level, not below it', () => {
    expect(nextSpeaking(quiet, START, 0).speaking).toBe(true);
    expect(nextSpeaking(quiet, (START + STOP) / 2, 0).speaking).toBe(false);
  });

  it('stays on between words and goes off after a pause', () => {
    let state = nextSpeaking(quiet, 0.2, 0);
    state = nextSpeaking(state, (START + STOP) / 2, 100);
    expect(state).toEqual({ speaking: true, quietSince: null });
    state = nextSpeaking(state, 0, 200);
    expect(state.speaking).toBe(true);
    state = nextSpeaking(state, 0, 200 + QUIET_MS - 1);
    expect(state.speaking).toBe(true);
    state = nextSpeaking(state, 0.3, 200 + QUIET_MS - 1);
    expect(state).toEqual({ speaking: true, quietSince: null });
    state = nextSpeaking(state, 0, 1000);
    state = nextSpeaking(state, 0, 1000 + QUIET_MS);
    expect(state).toEqual({ speaking: false, quietSince: null });
  });
});
