// Whether the phone is aimed the way a checklist item asks, from what AR tracking knows each frame:
// how far the camera is tilted up or down and how far away the surface in the middle of the view is.
// Pure, so the AR aim guide (3D arrow and frame) and the words over it agree, and a test can pin it.
import type { AimHint } from '../../../../protocol/checklist.ts';
import { i18next } from '../../i18n/i18n.ts';

/** What the camera is looking at this frame. */
export interface Sight {
  /** Tilt of the camera's view direction: 0 level, −90 straight down, +90 straight up (degrees). */
  pitchDeg: number;
  /** Distance to the surface the centre of the view hits, or null when nothing is hit. */
  distanceM: number | null;
}

/** What to do next: 'ok' (take the photo), or which way to move. */
export type AimCue = 'ok' | 'tilt-down' | 'tilt-up' | 'closer' | 'back' | 'find-surface';

export interface AimStatus {
  cue: AimCue;
  ok: boolean;
  /** Short words shown over the AR view, in the page's language. */
  instruction: string;
}

/** The status with what it was judged from, as the AR guide reports it each few frames. */
export interface AimReport extends AimStatus, Sight {}

/** A wide shot takes in the whole object or room: the surface ahead is at least this far. */
export const WIDE_MIN_DISTANCE_M = 1.5;
/** A close-up fills the frame with the detail: the surface is at most this far. */
export const CLOSE_MAX_DISTANCE_M = 0.7;
/** "Straight ahead" allows this much tilt either way. */
export const AHEAD_MAX_TILT_DEG = 20;
/** "Down" means at least this much tilt below level. */
export const DOWN_MIN_TILT_DEG = 45;

export function aimStatus(aim: AimHint, sight: Sight): AimStatus {
  return status(cueFor(aim, sight));
}

function cueFor(aim: AimHint, { pitchDeg, distanceM }: Sight): AimCue {
  switch (aim) {
    case 'down':
      return pitchDeg <= -DOWN_MIN_TILT_DEG ? 'ok' : 'tilt-down';
    case 'ahead':
      if (pitchDeg < -AHEAD_MAX_TILT_DEG) return 'tilt-up';
      return pitchDeg > AHEAD_MAX_TILT_DEG ? 'tilt-down' : 'ok';
    case 'wide':
      // Nothing hit in the middle of the view: open space ahead, which is what a wide shot wants.
      return distanceM === null || distanceM >= WIDE_MIN_DISTANCE_M ? 'ok' : 'back';
    case 'close-up':
      if (distanceM === null) return 'find-surface';
      return distanceM <= CLOSE_MAX_DISTANCE_M ? 'ok' : 'closer';
  }
}

function status(cue: AimCue): AimStatus {
  return { cue, ok: cue === 'ok', instruction: i18next.t(`capture:aim.${cue}`) };
}

/** The camera's tilt from its orientation quaternion (x, y, z, w): the view looks along −z. */
export function pitchOf([x, y, z, w]: readonly [number, number, number, number]): number {
  // y component of the rotated (0, 0, −1).
  const forwardY = -2 * (y * z - w * x);
  return (Math.asin(Math.max(-1, Math.min(1, forwardY))) * 180) / Math.PI;
}
