// Things to sit on: an armchair, a desk chair, a dining chair, a three-seat sofa; upholstered parts
// are rounded slabs, legs are slim cylinders. Fronts face −Z.
import { box } from '../../scene/box.ts';
import { legs, roundedSlab } from '../../scene/shapes.ts';
import { superellipsoid } from '../../scene/superellipsoid.ts';
import { compose, rotationX, transformGeometry, translation } from '../../scene/transform.ts';
import { PartList } from '../../scene/scene-model.ts';
import type { HotelMaterial } from '../materials.ts';
import { rectFootprint, type Furniture } from './furniture.ts';

type M = HotelMaterial;

/** A lounge armchair 0.8 m wide with a reclined back. */
export function armchair(cloth: M, wood: M): Furniture {
  const p = new PartList();
  for (const g of legs([[-0.32, -0.32], [0.32, -0.32], [0.32, 0.32], [-0.32, 0.32]], 0.018, 0.16)) p.add(wood, g);
  p.add(cloth, roundedSlab([0, 0.25, 0], [0.8, 0.18, 0.8], 0.04, { axis: 'x' }));
  p.add(cloth, roundedSlab([0, 0.405, -0.04], [0.56, 0.13, 0.68], 0.05, { axis: 'x' }));
  for (const x of [-0.34, 0.34]) p.add(cloth, roundedSlab([x, 0.47, 0], [0.12, 0.3, 0.8], 0.05, { axis: 'z' }));
  p.add(cloth, transformGeometry(roundedSlab([0, 0.28, 0], [0.8, 0.56, 0.16], 0.06), compose(translation([0, 0.36, 0.33]), rotationX(-12))));
  return { parts: p.parts, footprint: rectFootprint(0.8, 0.82), lights: [] };
}

/** An upright chair: an upholstered seat at 0.47 m and a curved back on slim legs; desks and dining tables. */
export function chair(seat: M, frame: M): Furniture {
  const p = new PartList();
  for (const g of legs([[-0.2, -0.19], [0.2, -0.19]], 0.014, 0.43)) p.add(frame, g);
  // The back legs rise on into the back's frame, leaning back a little.
  for (const x of [-0.2, 0.2]) p.add(frame, transformGeometry(box([-0.013, 0, -0.013], [0.013, 0.86, 0.013], { cell: 0.2 }), compose(translation([x, 0, 0.19]), rotationX(-6))));
  p.add(frame, box([-0.215, 0.4, -0.2], [0.215, 0.43, 0.2], { cell: 0.2 }));
  p.add(seat, transformGeometry(superellipsoid([0.235, 0.04, 0.225], 0.4, 0.2, { rows: 8, columns: 24 }), translation([0, 0.465, -0.005])));
  p.add(seat, transformGeometry(superellipsoid([0.215, 0.13, 0.03], 0.35, 0.25, { rows: 8, columns: 24 }), compose(translation([0, 0.73, 0.235]), rotationX(-8))));
  return { parts: p.parts, footprint: rectFootprint(0.48, 0.5), lights: [] };
}

/** A three-seat sofa 2.2 m wide with seat and back cushions. */
export function sofa(cloth: M, cushion: M, wood: M, width = 2.2): Furniture {
  const p = new PartList();
  const d = 0.92;
  for (const g of legs([[-width / 2 + 0.08, -d / 2 + 0.08], [width / 2 - 0.08, -d / 2 + 0.08], [width / 2 - 0.08, d / 2 - 0.08], [-width / 2 + 0.08, d / 2 - 0.08]], 0.02, 0.12)) p.add(wood, g);
  p.add(cloth, roundedSlab([0, 0.25, 0], [width, 0.26, d], 0.04, { axis: 'x' }));
  const inner = width - 0.36;
  for (let i = 0; i < 3; i++) {
    const x = -inner / 2 + (inner * (i + 0.5)) / 3;
    p.add(cloth, roundedSlab([x, 0.44, -0.06], [inner / 3 - 0.01, 0.13, d - 0.22], 0.05, { axis: 'x' }));
    p.add(cloth, transformGeometry(roundedSlab([0, 0, 0], [inner / 3 - 0.02, 0.46, 0.18], 0.07), compose(translation([x, 0.7, d / 2 - 0.2]), rotationX(-10))));
  }
  p.add(cloth, roundedSlab([0, 0.6, d / 2 - 0.07], [width, 0.5, 0.14], 0.05, { axis: 'x' }));
  for (const x of [-width / 2 + 0.09, width / 2 - 0.09]) p.add(cloth, roundedSlab([x, 0.5, 0], [0.18, 0.24, d], 0.06, { axis: 'z' }));
  // Two scatter cushions in a contrasting cloth.
  for (const x of [-inner / 2 + 0.25, inner / 2 - 0.25]) {
    p.add(cushion, transformGeometry(superellipsoid([0.22, 0.2, 0.07], 0.45, 0.3, { rows: 10, columns: 24 }), compose(translation([x, 0.72, d / 2 - 0.36]), rotationX(-16))));
  }
  return { parts: p.parts, footprint: rectFootprint(width, d), lights: [] };
}
