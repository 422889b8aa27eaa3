// From a point of the streamed picture to a ray the device can hit-test along: the picture is the
// XR view, so the point's normalised device coordinates, unprojected by the view's projection, give
// the ray's direction in viewer space. Pure, so it is unit-tested without a headset.
import { Matrix4, Vector4 } from 'three';
import type { ScreenPoint } from '../../../protocol/spatial.ts';

export type Mat4 = ArrayLike<number>;

/** The unit direction, in view space, of the ray through a point of the picture (−z is ahead). */
export function screenRayDirection(screen: ScreenPoint, projection: Mat4): [number, number, number] | null {
  const matrix = new Matrix4().fromArray(Array.from(projection));
  if (Math.abs(matrix.determinant()) < 1e-12) return null;
  const near = new Vector4(screen.u * 2 - 1, 1 - screen.v * 2, -1, 1).applyMatrix4(matrix.invert());
  if (Math.abs(near.w) < 1e-12) return null;
  const length = Math.hypot(near.x, near.y, near.z) / Math.abs(near.w);
  if (!(length > 0)) return null;
  return [near.x / near.w / length, near.y / near.w / length, near.z / near.w / length];
}

/** Where a point in view space lands on the picture, or null when it is behind the camera or outside. */
export function projectToScreen(point: readonly [number, number, number], projection: Mat4): ScreenPoint | null {
  const clip = new Vector4(point[0], point[1], point[2], 1).applyMatrix4(new Matrix4().fromArray(Array.from(projection)));
  if (clip.w <= 1e-9) return null;
  const u = (clip.x / clip.w + 1) / 2;
  const v = (1 - clip.y / clip.w) / 2;
  return u >= 0 && u <= 1 && v >= 0 && v <= 1 ? { u, v } : null;
}
