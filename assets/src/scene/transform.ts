// Rigid placements (rotation then translation) for geometry built about its own origin: furniture
// is modelled facing −Z at the origin, then turned and moved into the room.
import type { Geometry, Vec3 } from './geometry.ts';

/** A 3×4 row-major matrix: rotation in the first three columns, translation in the fourth. */
export type Transform = readonly number[];

export const IDENTITY: Transform = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0];

export function compose(a: Transform, b: Transform): Transform {
  // a ∘ b: apply b first.
  const m: number[] = [];
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 4; c++) {
      let v = c === 3 ? a[r * 4 + 3]! : 0;
      for (let k = 0; k < 3; k++) v += a[r * 4 + k]! * b[k * 4 + c]!;
      m.push(v);
    }
  }
  return m;
}

export function translation(t: Vec3): Transform {
  return [1, 0, 0, t[0], 0, 1, 0, t[1], 0, 0, 1, t[2]];
}

/** Rotation about +Y by `degrees`, counter-clockwise seen from above (a tour's yaw). */
export function rotationY(degrees: number): Transform {
  const a = (degrees * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  return [c, 0, s, 0, 0, 1, 0, 0, -s, 0, c, 0];
}

export function rotationX(degrees: number): Transform {
  const a = (degrees * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  return [1, 0, 0, 0, 0, c, -s, 0, 0, s, c, 0];
}

export function rotationZ(degrees: number): Transform {
  const a = (degrees * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  return [c, -s, 0, 0, s, c, 0, 0, 0, 0, 1, 0];
}

/** Turn by `yaw` degrees about +Y, then move to `at`: where a piece of furniture stands. */
export function place(at: Vec3, yaw = 0): Transform {
  return compose(translation(at), rotationY(yaw));
}

export function applyToPoint(m: Transform, p: Vec3): Vec3 {
  return [
    m[0]! * p[0] + m[1]! * p[1] + m[2]! * p[2] + m[3]!,
    m[4]! * p[0] + m[5]! * p[1] + m[6]! * p[2] + m[7]!,
    m[8]! * p[0] + m[9]! * p[1] + m[10]! * p[2] + m[11]!,
  ];
}

export function applyToDirection(m: Transform, d: Vec3): Vec3 {
  return [m[0]! * d[0] + m[1]! * d[1] + m[2]! * d[2], m[4]! * d[0] + m[5]! * d[1] + m[6]! * d[2], m[8]! * d[0] + m[9]! * d[1] + m[10]! * d[2]];
}

/** A transformed copy; texture coordinates stay as they were (they follow the surface). */
export function transformGeometry(g: Geometry, m: Transform): Geometry {
  const positions: number[] = [];
  const normals: number[] = [];
  for (let i = 0; i < g.positions.length; i += 3) {
    positions.push(...applyToPoint(m, [g.positions[i]!, g.positions[i + 1]!, g.positions[i + 2]!]));
    normals.push(...applyToDirection(m, [g.normals[i]!, g.normals[i + 1]!, g.normals[i + 2]!]));
  }
  return { positions, normals, uvs: [...g.uvs], indices: [...g.indices] };
}
