// Lamps, each with the light it gives for the bake: table and floor lamps with cloth shades, ceiling
// downlights, a reading light on the wall.
import type { PointLight } from '../../bake/lights.ts';
import { cylinder, lathe } from '../../scene/lathe.ts';

import { transformGeometry, translation } from '../../scene/transform.ts';
import { PartList } from '../../scene/scene-model.ts';
import type { Rgb } from '../../textures/image.ts';
import type { HotelMaterial } from '../materials.ts';
import { rectFootprint, type Furniture } from './furniture.ts';

type M = HotelMaterial;

/** Warm white (about 2700 K) at a given strength. */
export function warm(strength: number): Rgb {
  return [strength, strength * 0.8, strength * 0.56];
}

/** A ceramic table lamp 0.62 m tall with a cloth shade, lit. */
export function tableLamp(base: M, strength = 0.16): Furniture {
  const p = new PartList();
  p.add(base, lathe([[0, 0], [0.07, 0], [0.075, 0.02], [0.055, 0.05], [0.09, 0.16], [0.065, 0.3], [0.016, 0.33], [0.012, 0.4], [0, 0.4]], { segments: 20, cell: 0.05 }));
  p.add('shade', lathe([[0.18, 0.36], [0.14, 0.62]], { segments: 28, cell: 0.06 }));
  const light: PointLight = { kind: 'point', position: [0, 0.48, 0], color: warm(strength), radius: 0.03, shape: { kind: 'shade', down: 1, up: 0.85, side: 0.12 }, range: 6 };
  return { parts: p.parts, footprint: rectFootprint(0.36, 0.36), lights: [light] };
}

/** A floor lamp 1.6 m tall: a weighted base, a slim pole, a drum shade. */
export function floorLamp(metal: M, strength = 0.3): Furniture {
  const p = new PartList();
  p.add(metal, cylinder(0.16, 0.025, { segments: 24 }));
  p.add(metal, transformGeometry(cylinder(0.012, 1.3, { segments: 8, cell: 0.3, open: true }), translation([0, 0.025, 0])));
  p.add('shade', lathe([[0.22, 1.25], [0.22, 1.6]], { segments: 28, cell: 0.06 }));
  const light: PointLight = { kind: 'point', position: [0, 1.42, 0], color: warm(strength), radius: 0.04, shape: { kind: 'shade', down: 1, up: 1, side: 0.12 }, range: 7 };
  return { parts: p.parts, footprint: rectFootprint(0.44, 0.44), lights: [light] };
}

/** A recessed ceiling downlight at `height` (the ceiling), shining down in a cone. */
export function downlight(height: number, trim: M, strength = 0.7): Furniture {
  const p = new PartList();
  p.add(trim, transformGeometry(cylinder(0.05, 0.004, { segments: 16 }), translation([0, height - 0.004, 0])));
  p.add('bulb', transformGeometry(cylinder(0.035, 0.002, { segments: 16 }), translation([0, height - 0.006, 0])));
  const light: PointLight = { kind: 'point', position: [0, height - 0.08, 0], color: warm(strength), radius: 0.03, shape: { kind: 'down', innerDegrees: 25, outerDegrees: 55 }, range: 8 };
  return { parts: p.parts, footprint: [], lights: [light] };
}

/** A small side table: a round top on a pedestal. */
export function sideTable(top: M, stand: M, radius = 0.25, height = 0.55): Furniture {
  const p = new PartList();
  p.add(top, transformGeometry(cylinder(radius, 0.03, { segments: 28, cell: 0.1 }), translation([0, height - 0.03, 0])));
  p.add(stand, lathe([[0, 0], [0.17, 0], [0.17, 0.02], [0.025, 0.03], [0.025, height - 0.03], [0, height - 0.03]], { segments: 18 }));
  return { parts: p.parts, footprint: rectFootprint(radius * 2, radius * 2), lights: [] };
}


/** A pendant over a table: a cord from the ceiling at `ceiling` and a wide shade whose rim is `drop` below it. */
export function pendant(ceiling: number, cord: M, drop = 0.95, strength = 0.35): Furniture {
  const p = new PartList();
  const rim = ceiling - drop;
  p.add(cord, transformGeometry(cylinder(0.05, 0.02, { segments: 16 }), translation([0, ceiling - 0.02, 0])));
  p.add(cord, transformGeometry(cylinder(0.005, drop - 0.25, { segments: 6, open: true }), translation([0, rim + 0.25, 0])));
  p.add('shade', lathe([[0.3, rim], [0.26, rim + 0.08], [0.12, rim + 0.22], [0.03, rim + 0.26]], { segments: 32, cell: 0.06 }));
  const light: PointLight = { kind: 'point', position: [0, rim + 0.12, 0], color: warm(strength), radius: 0.04, shape: { kind: 'shade', down: 1, up: 0.05, side: 0.08 }, range: 7 };
  return { parts: p.parts, footprint: [], lights: [light] };
}
