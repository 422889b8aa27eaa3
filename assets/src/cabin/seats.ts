// Aircraft seats, modelled once each and drawn many times (EXT_mesh_gpu_instancing): an economy
// seat (cushion, reclined back with a headrest cover, plastic shell with a tray table, the armrest on
// its left, frame and legs), the armrest that closes a block on the right, and a business recliner
// with its consoles and legrest. Origin at the seat's centre on the floor, front towards −Z.
import { box } from '../scene/box.ts';
import type { Geometry, Vec3 } from '../scene/geometry.ts';
import { cylinder } from '../scene/lathe.ts';
import { roundedSlab } from '../scene/shapes.ts';
import { superellipsoid } from '../scene/superellipsoid.ts';
import { compose, rotationX, rotationZ, transformGeometry, translation, type Transform } from '../scene/transform.ts';
import type { Part } from '../scene/scene-model.ts';
import type { CabinMaterial } from './materials.ts';

type M = CabinMaterial;

const part = (material: M, geometry: Geometry): Part => ({ material, geometry });

/** A frame tilted back by `degrees` about its bottom edge at `bottom`: a backrest's own axes. */
function backrestFrame(bottom: Vec3, degrees: number) {
  const a = (degrees * Math.PI) / 180;
  const up: Vec3 = [0, Math.cos(a), Math.sin(a)];
  const back: Vec3 = [0, -Math.sin(a), Math.cos(a)];
  /** A point `h` up the backrest from its bottom and `d` behind its middle plane. */
  const at = (h: number, d: number): Vec3 => [bottom[0], bottom[1] + up[1] * h + back[1] * d, bottom[2] + up[2] * h + back[2] * d];
  const place = (h: number, d: number): Transform => compose(translation(at(h, d)), rotationX(degrees));
  return { at, place };
}

/** A tube along x from x0 to x1 at height y, depth z. */
function tube(x0: number, x1: number, y: number, z: number, radius: number): Geometry {
  return transformGeometry(cylinder(radius, x1 - x0, { segments: 8, cell: 0.3, open: true }), compose(translation([x0, y, z]), rotationZ(-90)));
}

function legPair(x: number): Geometry[] {
  return [
    box([x - 0.018, 0, -0.2], [x + 0.018, 0.3, -0.16], { cell: 0.2 }),
    box([x - 0.018, 0, 0.12], [x + 0.018, 0.3, 0.16], { cell: 0.2 }),
    box([x - 0.02, 0, -0.24], [x + 0.02, 0.025, 0.2], { cell: 0.2, skip: ['ny'] }),
  ];
}

function armrest(x: number): Part[] {
  return [
    part('seat-plastic', roundedSlab([x, 0.64, -0.03], [0.05, 0.045, 0.4], 0.018, { axis: 'z' })),
    part('seat-metal', box([x - 0.012, 0.3, 0.1], [x + 0.012, 0.62, 0.14], { cell: 0.2 })),
  ];
}

export function economySeat(width: number): Part[] {
  const back = backrestFrame([0, 0.47, 0.16], 14);
  const parts: Part[] = [
    part('seat-fabric', transformGeometry(superellipsoid([width / 2 - 0.025, 0.055, 0.23], 0.45, 0.2, { rows: 10, columns: 28 }), translation([0, 0.44, -0.06]))),
    part('seat-fabric', transformGeometry(superellipsoid([width / 2 - 0.02, 0.33, 0.055], 0.4, 0.2, { rows: 14, columns: 28 }), back.place(0.33, 0))),
    part('seat-plastic', transformGeometry(superellipsoid([width / 2 - 0.012, 0.345, 0.03], 0.3, 0.15, { rows: 12, columns: 24 }), back.place(0.33, 0.058))),
    part('headrest-cover', transformGeometry(superellipsoid([width / 2 - 0.06, 0.09, 0.01], 0.3, 0.2, { rows: 6, columns: 20 }), back.place(0.56, -0.058))),
    part('seat-plastic', transformGeometry(box([-0.17, -0.12, 0], [0.17, 0.12, 0.012], { cell: 0.2 }), back.place(0.38, 0.09))),
    part('seat-metal', tube(-width / 2, width / 2, 0.3, -0.18, 0.018)),
    part('seat-metal', tube(-width / 2, width / 2, 0.3, 0.14, 0.018)),
    ...legPair(-width / 2 + 0.03).map((g) => part('seat-metal', g)),
    ...armrest(-width / 2 + 0.025),
  ];
  return parts;
}

/** The armrest and legs closing a block of economy seats on its right; placed like the seat it closes. */
export function blockEndArmrest(width: number): Part[] {
  return [...armrest(width / 2 - 0.025), ...legPair(width / 2 - 0.03).map((g) => part('seat-metal', g))];
}

export function businessSeat(width: number): Part[] {
  const back = backrestFrame([0, 0.52, 0.24], 18);
  const inner = width - 0.2;
  return [
    part('seat-plastic', roundedSlab([0, 0.16, 0.02], [0.36, 0.3, 0.45], 0.04, { axis: 'x' })),
    part('business-leather', transformGeometry(superellipsoid([inner / 2, 0.075, 0.3], 0.45, 0.18, { rows: 10, columns: 28 }), translation([0, 0.47, -0.08]))),
    part('business-leather', transformGeometry(superellipsoid([inner / 2 + 0.01, 0.34, 0.075], 0.4, 0.18, { rows: 14, columns: 28 }), back.place(0.34, 0))),
    part('business-leather', transformGeometry(superellipsoid([inner / 2 - 0.02, 0.1, 0.06], 0.4, 0.25, { rows: 8, columns: 24 }), back.place(0.64, -0.05))),
    part('headrest-cover', transformGeometry(superellipsoid([inner / 2 - 0.06, 0.08, 0.01], 0.3, 0.2, { rows: 6, columns: 20 }), back.place(0.64, -0.112))),
    part('seat-plastic', transformGeometry(superellipsoid([width / 2 - 0.02, 0.39, 0.04], 0.3, 0.12, { rows: 12, columns: 24 }), back.place(0.36, 0.1))),
    part('business-leather', transformGeometry(roundedSlab([0, 0, 0], [inner - 0.04, 0.3, 0.05], 0.02), compose(translation([0, 0.3, -0.37]), rotationX(-20)))),
    ...[-1, 1].flatMap((s) => [
      part('seat-plastic', roundedSlab([s * (width / 2 - 0.05), 0.33, 0.02], [0.1, 0.62, 0.66], 0.03, { axis: 'z' })),
      part('business-leather', roundedSlab([s * (width / 2 - 0.05), 0.655, -0.02], [0.09, 0.035, 0.52], 0.015, { axis: 'z' })),
    ]),
  ];
}
