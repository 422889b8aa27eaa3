// Axis-aligned boxes from subdivided faces, each face textured in metres with "up" upwards.
import { mergeGeometries, type Geometry, type Vec3 } from './geometry.ts';
import { gridQuad } from './grid.ts';

export type BoxFace = 'px' | 'nx' | 'py' | 'ny' | 'pz' | 'nz';

export interface BoxOptions {
  cell?: number;
  /** Faces not made: ones against a wall or the floor, never seen. */
  skip?: readonly BoxFace[];
  /** Faces looking inwards: a room seen from inside. */
  inward?: boolean;
  uv?: 'metres' | 'unit';
}

/** The faces of a box, by which way they face (outwards). */
export function boxFaces(min: Vec3, max: Vec3): Record<BoxFace, [Vec3, Vec3, Vec3]> {
  const [x0, y0, z0] = min;
  const [x1, y1, z1] = max;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const dz = z1 - z0;
  return {
    nz: [[x1, y0, z0], [-dx, 0, 0], [0, dy, 0]],
    pz: [[x0, y0, z1], [dx, 0, 0], [0, dy, 0]],
    px: [[x1, y0, z1], [0, 0, -dz], [0, dy, 0]],
    nx: [[x0, y0, z0], [0, 0, dz], [0, dy, 0]],
    py: [[x0, y1, z1], [dx, 0, 0], [0, 0, -dz]],
    ny: [[x0, y0, z0], [dx, 0, 0], [0, 0, dz]],
  };
}

export function box(min: Vec3, max: Vec3, options: BoxOptions = {}): Geometry {
  const cell = options.cell ?? 0.15;
  const faces = boxFaces(min, max);
  const parts: Geometry[] = [];
  for (const [face, [corner, u, v]] of Object.entries(faces) as [BoxFace, [Vec3, Vec3, Vec3]][]) {
    if (options.skip?.includes(face)) continue;
    // Inwards: the same rectangle from its far corner with the edges swapped.
    parts.push(options.inward ? gridQuad(corner, v, u, { cell, uv: options.uv }) : gridQuad(corner, u, v, { cell, uv: options.uv }));
  }
  return mergeGeometries(parts);
}

/** A box by its centre on the floor (x, z), its size and how high its bottom is. */
export function boxAt(centre: [number, number], size: Vec3, bottom = 0, options: BoxOptions = {}): Geometry {
  const [cx, cz] = centre;
  const [w, h, d] = size;
  return box([cx - w / 2, bottom, cz - d / 2], [cx + w / 2, bottom + h, cz + d / 2], options);
}
