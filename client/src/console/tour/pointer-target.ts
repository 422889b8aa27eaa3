// Where the agent's pointer lands: the first surface of the scene along the ray through the clicked
// pixel, or — with no surface to hit (a panorama-only tour, a click at the sky) — a point a few metres
// along the ray, which on a panorama's sphere looks the same from the viewpoint.
import type { Vec3 } from '../../../../protocol/tour.ts';

/** How far along the ray a pointer sits when nothing is hit: about across a room. */
export const FALLBACK_DISTANCE_M = 3;

/** The point `metres` along a ray (the direction need not be unit length). */
export function pointAlong(origin: Vec3, direction: Vec3, metres = FALLBACK_DISTANCE_M): Vec3 {
  const length = Math.hypot(...direction) || 1;
  return origin.map((o, i) => o + (direction[i]! / length) * metres) as unknown as Vec3;
}

/** A target as sent: to the centimetre, which is finer than a pointer can be placed and keeps the message short. */
export function roundTarget(point: Vec3): Vec3 {
  return point.map((n) => Math.round(n * 100) / 100 + 0) as unknown as Vec3;
}

/** "x,y,z" of a target, as the panel's data-pointer gives it to tests. */
export function targetText(target: Vec3 | null): string {
  return target ? target.join(',') : '';
}
