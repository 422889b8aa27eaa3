// Beds and what stands beside them: a made-up bed with duvet, pillows, a throw and an upholstered
// headboard; nightstands; a luggage bench. Real sizes: a king bed is 1.93 × 2.03 m.
import type { Geometry } from '../../scene/geometry.ts';
import { box } from '../../scene/box.ts';
import { legs, roundedSlab } from '../../scene/shapes.ts';
import { superellipsoid } from '../../scene/superellipsoid.ts';
import { compose, rotationX, transformGeometry, translation } from '../../scene/transform.ts';
import { PartList } from '../../scene/scene-model.ts';
import type { HotelMaterial } from '../materials.ts';
import { rectFootprint, type Furniture } from './furniture.ts';

type M = HotelMaterial;

/** A plump pillow lying flat (width along x, 0.5 m deep), tilted up at its far edge by `tilt` degrees. */
function pillow(x: number, y: number, z: number, width: number, tilt: number): Geometry {
  const g = superellipsoid([width / 2, 0.085, 0.25], 0.55, 0.22, { rows: 10, columns: 32 });
  return transformGeometry(g, compose(translation([x, y, z]), rotationX(-tilt)));
}

/**
 * A bed with its head at +Z (the wall behind the headboard at z = length/2 + 0.08) and its foot
 * towards −Z; the headboard is `headboardWidth` wide.
 */
export function bed(options: { width: number; length: number; headboardWidth: number; headboard: M; throw: M; frame: M }): Furniture {
  const { width: w, length: l } = options;
  const p = new PartList();
  const top = 0.62;
  p.add(options.frame, box([-w / 2 - 0.03, 0.03, -l / 2 - 0.03], [w / 2 + 0.03, 0.36, l / 2], { cell: 0.15, skip: ['ny'] }));
  p.add('linen', roundedSlab([0, 0.49, 0], [w, 0.26, l], 0.05, { axis: 'x' }));
  // The duvet wraps the mattress from the foot to the pillows, then folds back on itself.
  const duvetEnd = l / 2 - 0.55;
  const duvetLength = duvetEnd + l / 2 + 0.04;
  p.add('linen', roundedSlab([0, 0.505, duvetEnd - duvetLength / 2], [w + 0.1, 0.38, duvetLength], 0.06, { axis: 'z' }));
  p.add('linen', roundedSlab([0, top + 0.075, duvetEnd - 0.16], [w + 0.1, 0.1, 0.3], 0.045, { axis: 'x' }));
  p.add(options.throw, roundedSlab([0, 0.51, -l / 2 + 0.28], [w + 0.14, 0.4, 0.5], 0.06, { axis: 'z' }));
  // Two pillows leaning on the headboard, two lying in front, a cushion in the middle.
  const pw = (w - 0.1) / 2;
  for (const x of [-pw / 2 - 0.02, pw / 2 + 0.02]) {
    p.add('linen', pillow(x, top + 0.21, l / 2 - 0.2, pw, 60));
    p.add('linen', pillow(x, top + 0.09, l / 2 - 0.5, pw, 14));
  }
  p.add(options.throw, transformGeometry(superellipsoid([0.26, 0.17, 0.07], 0.45, 0.3, { rows: 10, columns: 24 }), compose(translation([0, top + 0.2, l / 2 - 0.72]), rotationX(14))));
  // Upholstered headboard in upright channels.
  const hw = options.headboardWidth;
  const channels = Math.round(hw / 0.3);
  for (let i = 0; i < channels; i++) {
    const cx = -hw / 2 + (hw * (i + 0.5)) / channels;
    p.add(options.headboard, roundedSlab([cx, 0.85, l / 2 + 0.04], [hw / channels - 0.006, 1.1, 0.08], 0.035, { axis: 'y', cell: 0.1 }));
  }
  return { parts: p.parts, footprint: rectFootprint(w + 0.06, l + 0.05, 0.02), lights: [] };
}

/** A bedside table with a drawer, its back at +Z. */
export function nightstand(body: M, handle: M, width = 0.5, depth = 0.42, height = 0.55): Furniture {
  const p = new PartList();
  p.add(body, box([-width / 2 + 0.03, 0, -depth / 2 + 0.03], [width / 2 - 0.03, 0.08, depth / 2], { cell: 0.2, skip: ['ny'] }));
  p.add(body, box([-width / 2, 0.08, -depth / 2], [width / 2, height, depth / 2], { cell: 0.12, skip: ['ny'] }));
  p.add(body, box([-width / 2 + 0.02, height - 0.2, -depth / 2 - 0.012], [width / 2 - 0.02, height - 0.03, -depth / 2], { cell: 0.12 }));
  p.add(handle, box([-0.08, height - 0.12, -depth / 2 - 0.03], [0.08, height - 0.105, -depth / 2 - 0.012], { cell: 0.2 }));
  return { parts: p.parts, footprint: rectFootprint(width, depth), lights: [] };
}

/** A luggage bench at the foot of the bed: an upholstered top on slim legs. */
export function bench(top: M, legMaterial: M, width = 1.3, depth = 0.42): Furniture {
  const p = new PartList();
  p.add(top, roundedSlab([0, 0.42, 0], [width, 0.1, depth], 0.035, { axis: 'x' }));
  const lx = width / 2 - 0.06;
  const lz = depth / 2 - 0.06;
  for (const g of legs([[-lx, -lz], [lx, -lz], [lx, lz], [-lx, lz]], 0.015, 0.37)) p.add(legMaterial, g);
  return { parts: p.parts, footprint: rectFootprint(width, depth), lights: [] };
}
