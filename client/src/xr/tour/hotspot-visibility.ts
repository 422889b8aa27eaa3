// Which hotspots a viewpoint shows: those in plain sight of the eye when the scene is at hand to test
// against (a wall hides the bathroom's towel rail from the bedroom), else those near enough.
import { Raycaster, Vector3, type Object3D } from 'three';
import type { Hotspot, Vec3 } from '../../../../protocol/tour.ts';

/** Distance along the ray from `from` towards `to` to the first surface that is not the hotspot's own object; null if none. */
export type Occluder = (from: Vec3, to: Vec3, hotspot: Hotspot) => number | null;

/** Without a scene to look through, hotspots further than this are left out. */
export const NEAR_HOTSPOT_M = 8;
/** A surface this close before the hotspot is what it stands on, not in the way. */
const SURFACE_SLACK_M = 0.3;

export function visibleHotspots(hotspots: readonly Hotspot[], eye: Vec3, occluder: Occluder | null): Hotspot[] {
  return hotspots.filter((h) => {
    const distance = Math.hypot(h.position[0] - eye[0], h.position[1] - eye[1], h.position[2] - eye[2]);
    if (!occluder) return distance <= NEAR_HOTSPOT_M;
    const hit = occluder(eye, h.position, h);
    return hit === null || hit >= distance - SURFACE_SLACK_M;
  });
}

/** An occluder that casts rays into a loaded scene, skipping the hotspot's own node (`node`, or `poi-<id>`). */
export function sceneOccluder(scene: Object3D): Occluder {
  const raycaster = new Raycaster();
  const origin = new Vector3();
  const direction = new Vector3();
  return (from, to, hotspot) => {
    origin.set(...from);
    direction.set(...to).sub(origin);
    const distance = direction.length();
    if (distance < 1e-6) return null;
    raycaster.set(origin, direction.normalize());
    raycaster.far = distance;
    const own = scene.getObjectByName(hotspot.node ?? `poi-${hotspot.id}`);
    for (const hit of raycaster.intersectObject(scene, true)) {
      if (own && isWithin(hit.object, own)) continue;
      return hit.distance;
    }
    return null;
  };
}

function isWithin(node: Object3D, ancestor: Object3D): boolean {
  for (let n: Object3D | null = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}
