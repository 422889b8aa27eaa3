// A piece of furniture as built about its own origin (standing on y = 0, its front towards −Z):
// its parts, its outline on the floor plan and any lamps in it; placed into a room by a turn and a move.
import type { Light } from '../../bake/lights.ts';
import type { Vec3 } from '../../scene/geometry.ts';
import { placeParts, type Part } from '../../scene/scene-model.ts';
import { applyToDirection, applyToPoint, place, type Transform } from '../../scene/transform.ts';

export interface Furniture {
  parts: Part[];
  /** Outline on the plan, (x, z). */
  footprint: [number, number][];
  lights: Light[];
}

export function rectFootprint(width: number, depth: number, cz = 0, cx = 0): [number, number][] {
  return [
    [cx - width / 2, cz - depth / 2],
    [cx + width / 2, cz - depth / 2],
    [cx + width / 2, cz + depth / 2],
    [cx - width / 2, cz + depth / 2],
  ];
}

function placeLight(light: Light, m: Transform): Light {
  if (light.kind === 'point') return { ...light, position: applyToPoint(m, light.position) };
  return { ...light, corner: applyToPoint(m, light.corner), u: applyToDirection(m, light.u), v: applyToDirection(m, light.v) };
}

/** The piece stood at `at` (its origin), turned by `yaw` degrees (0: front towards −Z, 90: towards −X). */
export function placeFurniture(f: Furniture, at: Vec3, yaw = 0): Furniture {
  const m = place(at, yaw);
  return {
    parts: placeParts(f.parts, m),
    footprint: f.footprint.map(([x, z]) => {
      const p = applyToPoint(m, [x, 0, z]);
      return [p[0], p[2]];
    }),
    lights: f.lights.map((l) => placeLight(l, m)),
  };
}

/** Several pieces as one (a desk with its lamp and chair): parts, outlines and lights together. */
export function combine(...pieces: Furniture[]): Furniture {
  return { parts: pieces.flatMap((p) => p.parts), footprint: pieces[0]?.footprint ?? [], lights: pieces.flatMap((p) => p.lights) };
}
