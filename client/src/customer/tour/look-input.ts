// How a customer's gestures turn the view: a drag moves the picture with the finger (drag right and
// the view turns left, as in every panorama viewer), arrow keys turn in steps, and a phone held up as
// a magic window looks where its back camera points.
import { Euler, Quaternion, Vector3 } from 'three';
import { lookOf, verticalFov, type Look } from '../../xr/tour/tour-directions.ts';

/** Degrees per arrow key press. */
export const KEY_STEP = 7.5;

/** The turn for a drag of (dx, dy) pixels across a view `width` × `height` at a zoom: the picture follows the pointer. */
export function dragTurn(dx: number, dy: number, width: number, height: number, zoom = 1): Look {
  const degreesPerPixel = verticalFov(width / Math.max(height, 1)) / zoom / Math.max(height, 1);
  return { yaw: dx * degreesPerPixel, pitch: dy * degreesPerPixel };
}

/** How much a wheel step of `deltaY` pixels zooms (scrolling up zooms in). */
export function wheelZoom(deltaY: number): number {
  return Math.exp(-deltaY * 0.0015);
}

/** The zoom a key asks for (+ in, − out), or null. */
export function keyZoom(key: string): number | null {
  if (key === '+' || key === '=') return 1.25;
  if (key === '-' || key === '_') return 0.8;
  return null;
}

/** The turn an arrow key asks for, or null for any other key. */
export function keyTurn(key: string): Look | null {
  switch (key) {
    case 'ArrowLeft':
      return { yaw: KEY_STEP, pitch: 0 };
    case 'ArrowRight':
      return { yaw: -KEY_STEP, pitch: 0 };
    case 'ArrowUp':
      return { yaw: 0, pitch: KEY_STEP };
    case 'ArrowDown':
      return { yaw: 0, pitch: -KEY_STEP };
    default:
      return null;
  }
}

const RAD = Math.PI / 180;
/** The camera looks out of the back of the device, not out of its top edge. */
const BACK_CAMERA = new Quaternion(-Math.SQRT1_2, 0, 0, Math.SQRT1_2);
const SCREEN_Z = new Vector3(0, 0, 1);

/**
 * Where the back of a device points, from a deviceorientation event's angles (degrees) and the
 * screen's orientation angle. Yaw is relative to wherever the compass (alpha) has its zero, so a
 * magic window keeps an offset to the tour's yaw.
 */
export function deviceLook(alpha: number, beta: number, gamma: number, screenAngle: number): Look {
  const q = new Quaternion().setFromEuler(new Euler(beta * RAD, alpha * RAD, -gamma * RAD, 'YXZ'));
  q.multiply(BACK_CAMERA);
  q.multiply(new Quaternion().setFromAxisAngle(SCREEN_Z, -screenAngle * RAD));
  const forward = new Vector3(0, 0, -1).applyQuaternion(q);
  return lookOf([forward.x, forward.y, forward.z]);
}
