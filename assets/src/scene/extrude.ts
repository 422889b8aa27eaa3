// Prisms: a closed (x, y) outline pushed along −Z from z = 0 to z = −depth, with smooth normals where
// the outline curves and sharp ones at its corners; cushions, mattresses, seat backs and bins.
import { ShapeUtils, Vector2 } from 'three';
import type { Geometry } from './geometry.ts';
import { gridLines } from './grid.ts';

type P = readonly [number, number];

export interface ExtrudeOptions {
  cell?: number;
  /** Which ends are closed: both (default), none, or only the far one (z = −depth). */
  caps?: boolean | 'far';
  creaseDegrees?: number;
}

/** Signed area: positive when the outline runs counter-clockwise. */
function area(outline: readonly P[]): number {
  let a = 0;
  for (let i = 0; i < outline.length; i++) {
    const p = outline[i]!;
    const q = outline[(i + 1) % outline.length]!;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}

export function extrude(outline: readonly P[], depth: number, options: ExtrudeOptions = {}): Geometry {
  const cell = options.cell ?? 0.12;
  const crease = Math.cos(((options.creaseDegrees ?? 35) * Math.PI) / 180);
  const pts = area(outline) >= 0 ? [...outline] : [...outline].reverse();
  const n = pts.length;
  // Outward normal of edge i (from point i to i+1) of a counter-clockwise outline.
  const edgeNormal = pts.map((p, i) => {
    const q = pts[(i + 1) % n]!;
    const dx = q[0] - p[0];
    const dy = q[1] - p[1];
    const l = Math.hypot(dx, dy) || 1;
    return [dy / l, -dx / l] as P;
  });
  const cornerNormal = (edge: number, atEnd: boolean): P => {
    const own = edgeNormal[edge]!;
    const other = edgeNormal[(edge + (atEnd ? 1 : n - 1)) % n]!;
    if (own[0] * other[0] + own[1] * other[1] < crease) return own;
    const x = own[0] + other[0];
    const y = own[1] + other[1];
    const l = Math.hypot(x, y) || 1;
    return [x / l, y / l];
  };
  const zs = gridLines(depth, cell).map((z) => -z);
  const g: Geometry = { positions: [], normals: [], uvs: [], indices: [] };
  let perimeter = 0;
  for (let i = 0; i < n; i++) {
    const a = pts[i]!;
    const b = pts[(i + 1) % n]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len < 1e-9) continue;
    const steps = Math.max(1, Math.ceil(len / cell));
    const na = cornerNormal(i, false);
    const nb = cornerNormal(i, true);
    const base = g.positions.length / 3;
    for (let k = 0; k <= steps; k++) {
      const f = k / steps;
      const x = a[0] + (b[0] - a[0]) * f;
      const y = a[1] + (b[1] - a[1]) * f;
      const nx = na[0] + (nb[0] - na[0]) * f;
      const ny = na[1] + (nb[1] - na[1]) * f;
      const nl = Math.hypot(nx, ny) || 1;
      for (const z of zs) {
        g.positions.push(x, y, z);
        g.normals.push(nx / nl, ny / nl, 0);
        g.uvs.push(perimeter + len * f, z);
      }
    }
    const rows = zs.length;
    for (let k = 0; k < steps; k++) {
      for (let j = 0; j + 1 < rows; j++) {
        const v00 = base + k * rows + j;
        const v10 = v00 + rows;
        // Along the outline then towards −Z, the outside is on the right when looking from outside.
        g.indices.push(v00, v10 + 1, v10, v00, v00 + 1, v10 + 1);
      }
    }
    perimeter += len;
  }
  if (options.caps !== false) {
    const triangles = ShapeUtils.triangulateShape(pts.map(([x, y]) => new Vector2(x, y)), []);
    const ends = options.caps === 'far' ? ([[-depth, -1]] as const) : ([[0, 1], [-depth, -1]] as const);
    for (const [z, nz] of ends) {
      const base = g.positions.length / 3;
      for (const [x, y] of pts) {
        g.positions.push(x, y, z);
        g.normals.push(0, 0, nz);
        g.uvs.push(x, -y);
      }
      for (const [a, b, c] of triangles) {
        // Earcut does not promise a winding: order each triangle to face along the cap's normal.
        const [pa, pb, pc] = [pts[a!]!, pts[b!]!, pts[c!]!];
        const ccw = (pb[0] - pa[0]) * (pc[1] - pa[1]) - (pb[1] - pa[1]) * (pc[0] - pa[0]) > 0;
        if (ccw === nz > 0) g.indices.push(base + a!, base + b!, base + c!);
        else g.indices.push(base + a!, base + c!, base + b!);
      }
    }
  }
  return g;
}

/** A rounded rectangle outline, width × height, centred on the origin. */
export function roundedRect(width: number, height: number, radius: number, cornerSteps = 4): P[] {
  const r = Math.min(radius, width / 2, height / 2);
  const hw = width / 2 - r;
  const hh = height / 2 - r;
  const out: P[] = [];
  const corners: [number, number, number][] = [[hw, -hh, -90], [hw, hh, 0], [-hw, hh, 90], [-hw, -hh, 180]];
  for (const [cx, cy, startDeg] of corners) {
    for (let k = 0; k <= cornerSteps; k++) {
      const a = ((startDeg + (90 * k) / cornerSteps) * Math.PI) / 180;
      out.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    }
  }
  return out;
}

/** A flat polygon with holes at height y, facing up: a bathtub's rim around its basin. */
export function flatPolygon(outline: readonly P[], holes: readonly (readonly P[])[], y: number): Geometry {
  const all = [...outline, ...holes.flat()];
  const triangles = ShapeUtils.triangulateShape(outline.map(([x, z]) => new Vector2(x, z)), holes.map((h) => h.map(([x, z]) => new Vector2(x, z))));
  const g: Geometry = { positions: [], normals: [], uvs: [], indices: [] };
  for (const [x, z] of all) {
    g.positions.push(x, y, z);
    g.normals.push(0, 1, 0);
    g.uvs.push(x, z);
  }
  for (const [a, b, c] of triangles) {
    const [pa, pb, pc] = [all[a!]!, all[b!]!, all[c!]!];
    // Facing +Y means counter-clockwise seen from above, where x runs right and z runs down.
    const cw = (pb[0] - pa[0]) * (pc[1] - pa[1]) - (pb[1] - pa[1]) * (pc[0] - pa[0]) < 0;
    if (cw) g.indices.push(a!, b!, c!);
    else g.indices.push(a!, c!, b!);
  }
  return g;
}
