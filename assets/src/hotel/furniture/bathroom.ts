// The bathroom: a vanity with a basin, tap and lit mirror; a toilet; a walk-in shower with a glass
// screen and a rain head; a bathtub; towels. Fronts face −Z, backs against a wall at +Z.
import type { PanelLight } from '../../bake/lights.ts';
import { box } from '../../scene/box.ts';
import { gridQuad } from '../../scene/grid.ts';
import { cylinder, lathe } from '../../scene/lathe.ts';
import { extrude, flatPolygon, roundedRect } from '../../scene/extrude.ts';
import { flipGeometry } from '../../scene/geometry.ts';
import { roundedSlab, stretch } from '../../scene/shapes.ts';
import { compose, rotationX, transformGeometry, translation } from '../../scene/transform.ts';
import { PartList } from '../../scene/scene-model.ts';
import type { HotelMaterial } from '../materials.ts';
import { rectFootprint, type Furniture } from './furniture.ts';
import { warm } from './lamps.ts';

type M = HotelMaterial;

function tap(at: [number, number, number]): ReturnType<typeof box>[] {
  const [x, y, z] = at;
  return [
    transformGeometry(cylinder(0.022, 0.2, { segments: 12 }), translation([x, y, z])),
    box([x - 0.012, y + 0.17, z - 0.16], [x + 0.012, y + 0.195, z], { cell: 0.2 }),
    box([x - 0.006, y + 0.1, z + 0.01], [x + 0.006, y + 0.11, z + 0.07], { cell: 0.2 }),
  ];
}

/** A vanity `width` wide: a wall-hung cabinet, a stone top, an oval basin and tap, a lit mirror above. */
export function vanity(body: M, top: M, width = 1.2, depth = 0.5, basins = 1): Furniture {
  const p = new PartList();
  const h = 0.85;
  p.add(body, box([-width / 2, 0.3, -depth / 2 + 0.02], [width / 2, h - 0.03, depth / 2], { cell: 0.12, skip: ['pz'] }));
  p.add(top, box([-width / 2 - 0.01, h - 0.03, -depth / 2], [width / 2 + 0.01, h, depth / 2], { cell: 0.1, skip: ['pz'] }));
  p.add('metal', box([-width / 2 + 0.1, 0.72, -depth / 2 + 0.005], [width / 2 - 0.1, 0.735, -depth / 2 + 0.02], { cell: 0.3 }));
  for (let i = 0; i < basins; i++) {
    const x = -width / 2 + (width * (i + 0.5)) / basins;
    // A vessel basin: a shallow oval bowl standing on the top, open upwards.
    const bowl = lathe([[0, 0], [0.17, 0.005], [0.2, 0.07], [0.21, 0.13], [0.2, 0.135], [0.185, 0.075], [0.16, 0.02], [0, 0.015]], { segments: 28, cell: 0.04 });
    p.add('ceramic', transformGeometry(stretch(bowl, 1, 1, 0.75), translation([x, h, -0.02])));
    for (const g of tap([x, h, depth / 2 - 0.05])) p.add('metal', g);
  }
  // The mirror, lit from behind its edge.
  const mw = width - 0.1;
  p.add('mirror', box([-mw / 2, 1.05, depth / 2 - 0.03], [mw / 2, 1.95, depth / 2 - 0.02], { skip: ['px', 'nx', 'py', 'ny', 'pz'], uv: 'unit', cell: 0.1 }));
  p.add('bulb', box([-mw / 2 - 0.01, 1.04, depth / 2 - 0.02], [mw / 2 + 0.01, 1.05, depth / 2 - 0.005], { cell: 0.3 }));
  p.add('bulb', box([-mw / 2 - 0.01, 1.95, depth / 2 - 0.02], [mw / 2 + 0.01, 1.96, depth / 2 - 0.005], { cell: 0.3 }));
  // The lit mirror's glow, as a soft panel in front of it.
  const glow: PanelLight = { kind: 'panel', corner: [mw / 2, 1.06, depth / 2 - 0.06], u: [-mw, 0, 0], v: [0, 0.88, 0], radiance: warm(0.22), samples: [5, 4] };
  return { parts: p.parts, footprint: rectFootprint(width, depth), lights: [glow] };
}

/** A close-coupled toilet, back to the wall. */
export function toilet(): Furniture {
  const p = new PartList();
  const pedestal = stretch(lathe([[0, 0], [0.13, 0], [0.12, 0.1], [0.15, 0.3], [0.19, 0.38], [0.19, 0.4], [0, 0.4]], { segments: 24, cell: 0.05 }), 1, 1, 1.35);
  p.add('ceramic', transformGeometry(pedestal, translation([0, 0, -0.08])));
  p.add('ceramic', transformGeometry(stretch(cylinder(0.19, 0.025, { segments: 24 }), 1, 1, 1.3), translation([0, 0.4, -0.08])));
  p.add('ceramic', roundedSlab([0, 0.58, 0.17], [0.38, 0.36, 0.16], 0.03));
  p.add('metal', box([-0.03, 0.76, 0.12], [0.03, 0.765, 0.18], { cell: 0.2 }));
  return { parts: p.parts, footprint: rectFootprint(0.4, 0.66, 0), lights: [] };
}

/**
 * A walk-in shower `width` (x) × `depth` (z) in the corner behind it: a low stone tray, a glass
 * screen along its open side, a rain head and a mixer on the back wall.
 */
export function shower(width: number, depth: number, ceiling: number, screen: number): Furniture {
  const p = new PartList();
  p.add('bath-floor', box([-width / 2, 0, -depth / 2], [width / 2, 0.03, depth / 2], { cell: 0.12, skip: ['ny'] }));
  p.add('metal', box([-0.3, 0.031, -0.04], [0.3, 0.033, 0.04], { cell: 0.3 }));
  // The glass screen on the front edge, from the left, with a slim top bar.
  p.add('glass', gridQuad([-width / 2, 0.03, -depth / 2], [screen, 0, 0], [0, 2.0, 0], { cell: 1 }));
  p.add('metal', box([-width / 2, 2.02, -depth / 2 - 0.01], [-width / 2 + screen, 2.04, -depth / 2 + 0.01], { cell: 0.3 }));
  p.add('metal', box([-width / 2 + screen - 0.01, 0.03, -depth / 2 - 0.01], [-width / 2 + screen, 2.03, -depth / 2 + 0.01], { cell: 0.3 }));
  // Rain head from the ceiling, mixer and hand shower on the back wall.
  p.add('metal', transformGeometry(cylinder(0.012, ceiling - 2.15, { segments: 8, open: true }), translation([0, 2.15, 0])));
  p.add('metal', transformGeometry(cylinder(0.15, 0.012, { segments: 28 }), translation([0, 2.14, 0])));
  p.add('metal', box([-0.1, 1.0, depth / 2 - 0.04], [0.1, 1.15, depth / 2], { cell: 0.2 }));
  p.add('metal', transformGeometry(cylinder(0.012, 0.9, { segments: 8 }), translation([0.25, 1.0, depth / 2 - 0.03])));
  // A niche shelf with bottles.
  p.add('marble', box([-width / 2 + 0.15, 1.2, depth / 2 - 0.12], [-width / 2 + 0.55, 1.22, depth / 2], { cell: 0.2 }));
  for (const [x, h] of [[0.2, 0.18], [0.28, 0.2], [0.36, 0.16]] as const) p.add('ceramic', transformGeometry(cylinder(0.028, h, { segments: 10 }), translation([-width / 2 + x, 1.22, depth / 2 - 0.06])));
  return { parts: p.parts, footprint: rectFootprint(width, depth), lights: [] };
}

/** A built-in bathtub 1.75 × 0.8 m: a tiled apron, a rim with the oval basin sunk into it. */
export function bathtub(apron: M, length = 1.75, width = 0.8): Furniture {
  const p = new PartList();
  const h = 0.56;
  const iw = length - 0.2;
  const id = width - 0.2;
  p.add(apron, box([-length / 2, 0, -width / 2], [length / 2, h - 0.02, width / 2], { cell: 0.12, skip: ['ny', 'py', 'pz'] }));
  const hole = roundedRect(iw, id, 0.2, 6);
  p.add('ceramic', flatPolygon([[-length / 2, -width / 2], [length / 2, -width / 2], [length / 2, width / 2], [-length / 2, width / 2]], [hole], h));
  p.add('ceramic', box([-length / 2, h - 0.02, -width / 2], [length / 2, h, -width / 2 + 0.001], { cell: 0.2 }));
  // The basin: a rounded tub seen from inside.
  const basin = extrude(hole, 0.45, { cell: 0.1, caps: 'far' });
  p.add('ceramic', flipGeometry(transformGeometry(basin, compose(translation([0, h, 0]), rotationX(-90)))));
  for (const g of tap([length / 2 - 0.12, h, 0])) p.add('metal', transformGeometry(g, translation([0, -0.08, 0])));
  return { parts: p.parts, footprint: rectFootprint(length, width), lights: [] };
}

/** A stack of folded towels. */
export function towels(count: number, width = 0.34, depth = 0.24): Furniture {
  const p = new PartList();
  for (let i = 0; i < count; i++) p.add('linen', roundedSlab([0, 0.035 + i * 0.065, 0], [width, 0.06, depth], 0.025, { axis: 'x', cell: 0.08 }));
  return { parts: p.parts, footprint: rectFootprint(width, depth), lights: [] };
}

/** A heated towel rail on a wall at +Z with a towel folded over it; its bottom `bottom` m up. */
export function towelRail(width = 0.5, height = 0.9, bottom = 0.4): Furniture {
  const p = new PartList();
  for (const x of [-width / 2, width / 2]) p.add('metal', transformGeometry(cylinder(0.014, height, { segments: 10 }), translation([x, bottom, -0.06])));
  for (let i = 0; i < 7; i++) {
    const y = bottom + 0.06 + (i * (height - 0.12)) / 6;
    p.add('metal', box([-width / 2, y - 0.008, -0.068], [width / 2, y + 0.008, -0.052], { cell: 0.3 }));
  }
  // A towel hung over the top rungs, hanging down in front.
  p.add('linen', roundedSlab([0, bottom + height - 0.3, -0.1], [width - 0.08, 0.5, 0.035], 0.015, { axis: 'y' }));
  return { parts: p.parts, footprint: rectFootprint(width + 0.03, 0.12, -0.06), lights: [] };
}

/** A bath mat on the floor. */
export function bathMat(width = 0.8, depth = 0.5): Furniture {
  const p = new PartList().add('linen', roundedSlab([0, 0.006, 0], [width, 0.012, depth], 0.005, { axis: 'x', cell: 0.1 }));
  return { parts: p.parts, footprint: rectFootprint(width, depth), lights: [] };
}
