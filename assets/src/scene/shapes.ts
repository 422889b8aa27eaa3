// Compound shapes furniture is made of: rounded slabs (cushions, mattresses, seat backs), legs,
// and stretched copies of round things (an oval toilet bowl from a round one).
import { extrude, roundedRect } from './extrude.ts';
import type { Geometry, Vec3 } from './geometry.ts';
import { cylinder } from './lathe.ts';
import { compose, rotationX, rotationY, transformGeometry, translation } from './transform.ts';

/**
 * A slab `size` = [width (x), height (y), depth (z)] centred on `centre`, its four edges along
 * `axis` rounded by `radius` (z by default; 'x' for the long edges of a mattress, 'y' for upright
 * channels of a headboard).
 */
export function roundedSlab(centre: Vec3, size: Vec3, radius: number, options: { axis?: 'x' | 'y' | 'z'; cell?: number } = {}): Geometry {
  const [w, h, d] = size;
  const cell = options.cell ?? 0.1;
  switch (options.axis ?? 'z') {
    case 'x':
      // Outline across z-y, pushed along x.
      return transformGeometry(extrude(roundedRect(d, h, radius), w, { cell }), compose(translation([centre[0] - w / 2, centre[1], centre[2]]), rotationY(-90)));
    case 'y':
      // Outline across x-z, pushed up along y.
      return transformGeometry(extrude(roundedRect(w, d, radius), h, { cell }), compose(translation([centre[0], centre[1] - h / 2, centre[2]]), rotationX(90)));
    case 'z':
      return transformGeometry(extrude(roundedRect(w, h, radius), d, { cell }), translation([centre[0], centre[1], centre[2] + d / 2]));
  }
}

/** Round legs standing on the floor at (x, z) points. */
export function legs(points: readonly (readonly [number, number])[], radius: number, height: number, bottom = 0): Geometry[] {
  return points.map(([x, z]) => transformGeometry(cylinder(radius, height, { segments: 10, cell: 0.2 }), translation([x, bottom, z])));
}

/** A copy stretched along the axes, normals kept perpendicular to the stretched surface. */
export function stretch(g: Geometry, sx: number, sy: number, sz: number): Geometry {
  const positions = g.positions.map((v, i) => v * [sx, sy, sz][i % 3]!);
  const normals: number[] = [];
  for (let i = 0; i < g.normals.length; i += 3) {
    const nx = g.normals[i]! / sx;
    const ny = g.normals[i + 1]! / sy;
    const nz = g.normals[i + 2]! / sz;
    const l = Math.hypot(nx, ny, nz) || 1;
    normals.push(nx / l, ny / l, nz / l);
  }
  return { positions, normals, uvs: [...g.uvs], indices: [...g.indices] };
}
