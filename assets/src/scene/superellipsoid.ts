// Superellipsoids: boxes whose edges and corners bulge smoothly, the shape of pillows and cushions.
// Exponents near 0 give a box with tight rounding, 1 an ellipsoid.
import type { Geometry, Vec3 } from './geometry.ts';

const signedPow = (v: number, e: number) => Math.sign(v) * Math.abs(v) ** e;

/**
 * Centred on the origin with half-sizes `radii`; `vertical` shapes the profile top to bottom,
 * `around` the outline seen from above.
 */
export function superellipsoid(radii: Vec3, vertical: number, around: number, options: { rows?: number; columns?: number } = {}): Geometry {
  const rows = options.rows ?? 12;
  const columns = options.columns ?? 28;
  const [a, b, c] = radii;
  const g: Geometry = { positions: [], normals: [], uvs: [], indices: [] };
  const perimeter = 2 * (a + c) * 2;
  for (let i = 0; i <= rows; i++) {
    const theta = -Math.PI / 2 + (Math.PI * i) / rows;
    const ct = Math.cos(theta);
    const st = Math.sin(theta);
    for (let j = 0; j <= columns; j++) {
      const phi = -Math.PI + (2 * Math.PI * j) / columns;
      const cp = Math.cos(phi);
      const sp = Math.sin(phi);
      g.positions.push(a * signedPow(ct, vertical) * signedPow(cp, around), b * signedPow(st, vertical), c * signedPow(ct, vertical) * signedPow(sp, around));
      let nx = signedPow(ct, 2 - vertical) * signedPow(cp, 2 - around) / a;
      let ny = signedPow(st, 2 - vertical) / b;
      let nz = signedPow(ct, 2 - vertical) * signedPow(sp, 2 - around) / c;
      const l = Math.hypot(nx, ny, nz) || 1;
      nx /= l;
      ny /= l;
      nz /= l;
      g.normals.push(nx, ny, nz);
      g.uvs.push((j / columns) * perimeter, (-i / rows) * (2 * b + a));
    }
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      const v00 = i * (columns + 1) + j;
      const v01 = v00 + 1;
      const v10 = v00 + columns + 1;
      const v11 = v10 + 1;
      // Rows climb from the bottom and columns run from −X through −Z: this winding faces out.
      g.indices.push(v00, v11, v01, v00, v10, v11);
    }
  }
  return g;
}
