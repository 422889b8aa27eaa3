// How a tour moves between views. With prefers-reduced-motion the view cuts to the next viewpoint
// (no fade through black), the camera jumps to where it is told to look (no easing, also when
// following the agent), and a better picture replacing a worse one at the same spot takes a short
// opacity fade at most. Pure decision plus a hook that follows the setting as it changes.
import { useSyncExternalStore } from 'react';

export interface TourMotion {
  /** Seconds to fade to black leaving a viewpoint, and again fading in; 0 cuts. */
  fadeSeconds: number;
  /** How quickly the camera eases towards the view's direction (per second); null jumps at once. */
  lookRate: number | null;
  /** Seconds a panorama takes to dissolve into what replaces it at the same viewpoint. */
  dissolveSeconds: number;
}

export const FULL_MOTION: TourMotion = { fadeSeconds: 0.22, lookRate: 22, dissolveSeconds: 0.35 };
export const REDUCED_MOTION: TourMotion = { fadeSeconds: 0, lookRate: null, dissolveSeconds: 0.12 };

export function tourMotion(reduced: boolean): TourMotion {
  return reduced ? REDUCED_MOTION : FULL_MOTION;
}

/** A fade's value after `dt` seconds towards `goal` (0 clear, 1 black); a zero-length fade arrives at once. */
export function fadeStep(value: number, goal: number, dt: number, seconds: number): number {
  if (seconds <= 0) return goal;
  const step = dt / seconds;
  return goal > value ? Math.min(goal, value + step) : Math.max(goal, value - step);
}

/** The share of the way to its target the camera covers in `dt` seconds; 1 is a jump. */
export function lookStep(dt: number, rate: number | null): number {
  return rate === null ? 1 : 1 - Math.exp(-rate * dt);
}

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(listener: () => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => {};
  const query = window.matchMedia(QUERY);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

const reducedNow = () => typeof window !== 'undefined' && window.matchMedia?.(QUERY).matches === true;

/** The tour's motion for the reader's setting, following it when it changes. */
export function useTourMotion(): TourMotion {
  return tourMotion(useSyncExternalStore(subscribe, reducedNow, () => false));
}
