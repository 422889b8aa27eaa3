// A wardrobe with hinged doors, and a wall-hung television.
import { box } from '../../scene/box.ts';
import { PartList } from '../../scene/scene-model.ts';
import type { HotelMaterial } from '../materials.ts';
import { rectFootprint, type Furniture } from './furniture.ts';

type M = HotelMaterial;

/** A built-in wardrobe, doors facing −Z, `doors` leaves with upright bar handles. */
export function wardrobe(body: M, handle: M, width = 1.6, height = 2.4, depth = 0.6, doors = 3): Furniture {
  const p = new PartList();
  p.add(body, box([-width / 2, 0, -depth / 2 + 0.02], [width / 2, height, depth / 2], { cell: 0.15, skip: ['ny', 'pz'] }));
  const leaf = width / doors;
  for (let i = 0; i < doors; i++) {
    const a = -width / 2 + leaf * i + 0.003;
    const b = a + leaf - 0.006;
    p.add(body, box([a, 0.08, -depth / 2], [b, height - 0.01, -depth / 2 + 0.02], { cell: 0.15 }));
    const hx = i % 2 === 0 ? b - 0.05 : a + 0.05;
    p.add(handle, box([hx - 0.008, 0.9, -depth / 2 - 0.03], [hx + 0.008, 1.3, -depth / 2], { cell: 0.2 }));
  }
  return { parts: p.parts, footprint: rectFootprint(width, depth), lights: [] };
}

/** A 55-inch television hung on a wall at +Z, its picture's centre `centre` m up. */
export function television(centre = 1.3, width = 1.23, height = 0.71): Furniture {
  const p = new PartList();
  p.add('black', box([-width / 2 - 0.01, centre - height / 2 - 0.01, -0.03], [width / 2 + 0.01, centre + height / 2 + 0.02, 0], { cell: 0.2 }));
  p.add('tv', box([-width / 2, centre - height / 2, -0.032], [width / 2, centre + height / 2, -0.03], { skip: ['px', 'nx', 'py', 'ny', 'pz'], uv: 'unit', cell: 0.2 }));
  return { parts: p.parts, footprint: rectFootprint(width, 0.06), lights: [] };
}
