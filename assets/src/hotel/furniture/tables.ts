// Tables: a dresser that is also a desk (drawers, a minibar, a worktop), a coffee table, a dining
// table. Fronts face −Z, backs against a wall at +Z.
import { box } from '../../scene/box.ts';
import { legs } from '../../scene/shapes.ts';
import { PartList } from '../../scene/scene-model.ts';
import type { HotelMaterial } from '../materials.ts';
import { rectFootprint, type Furniture } from './furniture.ts';

type M = HotelMaterial;

/**
 * A dresser-desk `length` long: a drawer cabinet (with the minibar) on the left, a worktop on
 * slim legs on the right, at desk height.
 */
export function dresserDesk(body: M, handle: M, length = 2.2, depth = 0.55, cabinet = 0.95): Furniture {
  const p = new PartList();
  const h = 0.75;
  const x0 = -length / 2;
  p.add(body, box([x0, h - 0.035, -depth / 2], [-x0, h, depth / 2], { cell: 0.12 }));
  p.add(body, box([x0, 0.06, -depth / 2 + 0.02], [x0 + cabinet, h - 0.035, depth / 2], { cell: 0.12, skip: ['ny'] }));
  p.add(body, box([x0 + 0.04, 0, -depth / 2 + 0.06], [x0 + cabinet - 0.04, 0.06, depth / 2], { cell: 0.2, skip: ['ny'] }));
  // Drawer and door fronts with a shadow gap between them, and their pulls.
  const fronts: [number, number, number, number][] = [
    [x0 + 0.01, x0 + cabinet / 2 - 0.005, 0.08, h - 0.05],
    [x0 + cabinet / 2 + 0.005, x0 + cabinet - 0.01, 0.08, 0.4],
    [x0 + cabinet / 2 + 0.005, x0 + cabinet - 0.01, 0.41, h - 0.05],
  ];
  for (const [a, b, y0, y1] of fronts) {
    p.add(body, box([a, y0, -depth / 2 + 0.005], [b, y1, -depth / 2 + 0.02], { cell: 0.12 }));
    const mid = (a + b) / 2;
    p.add(handle, box([mid - 0.07, y1 - 0.06, -depth / 2 - 0.01], [mid + 0.07, y1 - 0.045, -depth / 2 + 0.005], { cell: 0.2 }));
  }
  // The worktop's end: a modesty panel at the back and two legs at the front.
  p.add(body, box([x0 + cabinet, 0.35, depth / 2 - 0.03], [-x0, h - 0.035, depth / 2 - 0.01], { cell: 0.15 }));
  for (const g of legs([[-x0 - 0.04, -depth / 2 + 0.04], [-x0 - 0.04, depth / 2 - 0.04]], 0.018, h - 0.035)) p.add(handle, g);
  return { parts: p.parts, footprint: rectFootprint(length, depth), lights: [] };
}

/** A low coffee table on four legs. */
export function coffeeTable(top: M, leg: M, width = 1.1, depth = 0.6, height = 0.4): Furniture {
  const p = new PartList();
  p.add(top, box([-width / 2, height - 0.04, -depth / 2], [width / 2, height, depth / 2], { cell: 0.12 }));
  p.add(top, box([-width / 2 + 0.06, 0.12, -depth / 2 + 0.06], [width / 2 - 0.06, 0.14, depth / 2 - 0.06], { cell: 0.15 }));
  const lx = width / 2 - 0.05;
  const lz = depth / 2 - 0.05;
  for (const g of legs([[-lx, -lz], [lx, -lz], [lx, lz], [-lx, lz]], 0.016, height - 0.04)) p.add(leg, g);
  return { parts: p.parts, footprint: rectFootprint(width, depth), lights: [] };
}

/** A dining or work table for four. */
export function diningTable(top: M, leg: M, width = 1.4, depth = 0.85): Furniture {
  const p = new PartList();
  const h = 0.75;
  p.add(top, box([-width / 2, h - 0.035, -depth / 2], [width / 2, h, depth / 2], { cell: 0.12 }));
  p.add(top, box([-width / 2 + 0.08, h - 0.11, -depth / 2 + 0.08], [width / 2 - 0.08, h - 0.035, depth / 2 - 0.08], { cell: 0.15, skip: ['py'] }));
  const lx = width / 2 - 0.1;
  const lz = depth / 2 - 0.1;
  for (const g of legs([[-lx, -lz], [lx, -lz], [lx, lz], [-lx, lz]], 0.025, h - 0.035)) p.add(leg, g);
  return { parts: p.parts, footprint: rectFootprint(width, depth), lights: [] };
}

/** A low sideboard under a television: doors with slim pulls on a recessed plinth. */
export function sideboard(body: M, handle: M, width = 1.8, depth = 0.45, height = 0.55, doors = 3): Furniture {
  const p = new PartList();
  p.add(body, box([-width / 2 + 0.04, 0, -depth / 2 + 0.05], [width / 2 - 0.04, 0.08, depth / 2], { cell: 0.2, skip: ['ny'] }));
  p.add(body, box([-width / 2, 0.08, -depth / 2 + 0.02], [width / 2, height, depth / 2], { cell: 0.12, skip: ['ny'] }));
  const leaf = width / doors;
  for (let i = 0; i < doors; i++) {
    const a = -width / 2 + leaf * i + 0.004;
    const b = a + leaf - 0.008;
    p.add(body, box([a, 0.09, -depth / 2], [b, height - 0.01, -depth / 2 + 0.02], { cell: 0.12 }));
    p.add(handle, box([(a + b) / 2 - 0.06, height - 0.06, -depth / 2 - 0.012], [(a + b) / 2 + 0.06, height - 0.048, -depth / 2], { cell: 0.2 }));
  }
  return { parts: p.parts, footprint: rectFootprint(width, depth), lights: [] };
}
