// The inverted sphere an equirectangular panorama is drawn on, its texture coordinates laid out so
// that each point of the sphere shows the panorama's pixel for its direction (tour-directions.ts).
import { SphereGeometry } from 'three';

/** Far enough that a head moving about the eye sees no parallax; within the camera's far plane. */
export const PANORAMA_RADIUS_M = 50;

/**
 * A sphere whose seam lies along +Z, where a panorama's left and right edges meet. three.js runs a
 * sphere's u clockwise seen from inside; a panorama runs the other way, hence `1 − u`.
 */
export function createPanoramaGeometry(radius: number, widthSegments = 64, heightSegments = 32): SphereGeometry {
  const geometry = new SphereGeometry(radius, widthSegments, heightSegments, Math.PI / 2);
  const uv = geometry.getAttribute('uv');
  for (let i = 0; i < uv.count; i++) uv.setX(i, 1 - uv.getX(i));
  uv.needsUpdate = true;
  return geometry;
}
