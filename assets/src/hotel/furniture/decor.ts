// What makes a room look lived in: framed pictures, pleated curtains, a rug, a potted plant, a
// tray with a kettle and a coffee machine, books.
import { box } from '../../scene/box.ts';
import { extrude } from '../../scene/extrude.ts';
import { cylinder, lathe } from '../../scene/lathe.ts';
import { roundedSlab } from '../../scene/shapes.ts';
import { compose, rotationX, rotationY, rotationZ, transformGeometry, translation } from '../../scene/transform.ts';
import { PartList } from '../../scene/scene-model.ts';
import type { HotelMaterial } from '../materials.ts';
import { random } from '../../textures/noise.ts';
import { rectFootprint, type Furniture } from './furniture.ts';

type M = HotelMaterial;

/** A framed picture on a wall at +Z, its centre `centre` m up. */
export function picture(canvas: M, frame: M, width: number, height: number, centre: number): Furniture {
  const p = new PartList();
  const f = 0.035;
  p.add(frame, box([-width / 2 - f, centre - height / 2 - f, -0.035], [width / 2 + f, centre + height / 2 + f, 0], { cell: 0.2, skip: ['pz'] }));
  p.add(canvas, box([-width / 2, centre - height / 2, -0.037], [width / 2, centre + height / 2, -0.035], { skip: ['px', 'nx', 'py', 'ny', 'pz'], uv: 'unit', cell: 0.15 }));
  return { parts: p.parts, footprint: [], lights: [] };
}

/**
 * A pleated curtain hanging from `top` to the floor, `width` wide along x, its pleats `depth` deep,
 * its back at z = 0 and its face towards −Z.
 */
export function curtain(cloth: M, width: number, top: number, depth = 0.07, pleat = 0.14): Furniture {
  const steps = Math.max(8, Math.round((width / pleat) * 10));
  const front: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const x = -width / 2 + (width * i) / steps;
    front.push([x, -depth / 2 - (depth / 2) * Math.cos((2 * Math.PI * (x + width / 2)) / pleat)]);
  }
  const back = front.map(([x, z]) => [x, z + 0.012] as [number, number]).reverse();
  // The outline lies in (x, z); extruded, then stood up.
  const g = transformGeometry(extrude([...front, ...back], top - 0.01, { cell: 0.15, caps: false }), compose(translation([0, 0.01, 0]), rotationX(90)));
  const p = new PartList().add(cloth, g);
  return { parts: p.parts, footprint: rectFootprint(width, depth + 0.02, -depth / 2), lights: [] };
}

/** A rug lying on the floor. */
export function rug(material: M, width: number, depth: number): Furniture {
  const p = new PartList().add(material, box([-width / 2, 0, -depth / 2], [width / 2, 0.012, depth / 2], { cell: 0.12, skip: ['ny'] }));
  return { parts: p.parts, footprint: rectFootprint(width, depth), lights: [] };
}

/** A potted plant: a ceramic pot and a crown of long leaves. */
export function plant(pot: M, height = 1.1, seed = 4): Furniture {
  const p = new PartList();
  p.add(pot, lathe([[0, 0], [0.15, 0], [0.19, 0.36], [0.17, 0.36], [0.17, 0.34], [0, 0.34]], { segments: 22, cell: 0.08 }));
  const rand = random(seed);
  for (let i = 0; i < 26; i++) {
    const yaw = rand() * 360;
    const lean = 15 + rand() * 55;
    const length = (height - 0.35) * (0.55 + rand() * 0.5);
    // A leaf: a thin blade, wide in the middle.
    const blade = extrude([[0, 0], [0.035, length * 0.45], [0, length], [-0.035, length * 0.45]], 0.004, { cell: 0.2 });
    p.add('plant', transformGeometry(blade, compose(translation([0, 0.32, 0]), compose(rotationY(yaw), rotationZ(lean)))));
  }
  return { parts: p.parts, footprint: rectFootprint(0.4, 0.4), lights: [] };
}

/** A tray with a kettle, a coffee machine and two cups, on a counter at y = 0. */
export function coffeeTray(tray: M): Furniture {
  const p = new PartList();
  p.add(tray, box([-0.3, 0, -0.18], [0.3, 0.015, 0.18], { cell: 0.2 }));
  p.add('dark-metal', roundedSlab([-0.14, 0.16, 0.02], [0.14, 0.29, 0.26], 0.025));
  p.add('metal', box([-0.19, 0.05, -0.11], [-0.09, 0.06, -0.06], { cell: 0.2 }));
  p.add('ceramic', transformGeometry(lathe([[0, 0], [0.075, 0], [0.085, 0.18], [0.04, 0.21], [0, 0.21]], { segments: 18 }), translation([0.11, 0.015, 0.05])));
  for (const x of [0.05, 0.2]) p.add('ceramic', transformGeometry(cylinder(0.035, 0.07, { segments: 14 }), translation([x, 0.015, -0.1])));
  return { parts: p.parts, footprint: rectFootprint(0.6, 0.36), lights: [] };
}

/** A short stack of books lying flat. */
export function books(): Furniture {
  const p = new PartList();
  const covers: M[] = ['leather', 'green-velvet', 'linen', 'throw'];
  let y = 0;
  covers.forEach((c, i) => {
    const t = 0.025 + (i % 2) * 0.01;
    p.add(c, transformGeometry(box([-0.12, 0, -0.08], [0.12, t, 0.08], { cell: 0.2 }), compose(translation([0, y, 0]), rotationY(i * 7 - 10))));
    y += t;
  });
  return { parts: p.parts, footprint: rectFootprint(0.24, 0.16), lights: [] };
}
