// Whether the assessor is speaking, from the loudness of their audio: the visible signal for the one
// sound the customer's page plays (their voice). Pure, with hysteresis so the badge does not flicker
// between words: on above START, off only after QUIET_MS below STOP.

/** RMS of a block of 8-bit samples centred on 128, from 0 (silence) to about 1 (full scale). */
export function loudness(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = ((samples[i] ?? 128) - 128) / 128;
    sum += v * v;
  }
  return Math.sqrt(sum / samples.length);
}

/**
 * The loudest stretch of `block` samples in `samples`: a window long enough to cover the time between
 * two looks holds every sound since the last one, and a short sound (a syllable, a beep) is not
 * averaged away by the quiet around it.
 */
export function peakLoudness(samples: ArrayLike<number>, block: number): number {
  let peak = 0;
  for (let start = 0; start < samples.length; start += block) {
    const end = Math.min(samples.length, start + block);
    peak = Math.max(peak, loudness(Array.prototype.slice.call(samples, start, end) as number[]));
  }
  return peak;
}

export const START = 0.04;
export const STOP = 0.02;
export const QUIET_MS = 700;

export interface SpeakingState {
  speaking: boolean;
  /** When the audio last went quiet while speaking (ms), null while loud. */
  quietSince: number | null;
}

export function nextSpeaking(state: SpeakingState, level: number, now: number): SpeakingState {
  if (level >= START || (state.speaking && level >= STOP)) return { speaking: true, quietSince: null };
  if (!state.speaking) return state;
  const quietSince = state.quietSince ?? now;
  return now - quietSince >= QUIET_MS ? { speaking: false, quietSince: null } : { speaking: true, quietSince };
}
