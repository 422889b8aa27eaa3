// A flat rectangle cut into cells, so lighting baked per vertex has somewhere to change across it;
// rectangles can be left open (doors, windows), with grid lines put on their edges.
import { add, cross, normalize, scale, type Geometry, type Vec3 } from './geometry.ts';

export interface Hole {
  s0: number;
  s1: number;
  t0: number;
  t1: number;
}

export interface GridOptions {
  /** Largest cell edge, metres. */
  cell: number;
  /** Parts left open, in metres along the two edges from the corner. */
  holes?: readonly Hole[];
  /** 'metres' (default): coordinates in metres, v growing downwards; 'unit': one whole picture. */
  uv?: 'metres' | 'unit';
  /** Added to metre texture coordinates, so neighbouring surfaces need not repeat the same spot. */
  uvOffset?: readonly [number, number];
}

const EPS = 1e-6;

/** Grid lines from 0 to `span`: even steps no longer than `cell`, plus every break inside. */
export function gridLines(span: number, cell: number, breaks: readonly number[] = []): number[] {
  const n = Math.max(1, Math.ceil(span / cell - 1e-9));
  const lines = Array.from({ length: n + 1 }, (_, i) => (span * i) / n);
  for (const b of breaks) if (b > EPS && b < span - EPS) lines.push(b);
  lines.sort((a, b) => a - b);
  return lines.filter((v, i) => i === 0 || v - lines[i - 1]! > 1e-4);
}

/**
 * The rectangle `corner + s·û + t·v̂` for s in [0, |edgeU|], t in [0, |edgeV|], facing along
 * edgeU × edgeV (counter-clockwise seen from that side).
 */
export function gridQuad(corner: Vec3, edgeU: Vec3, edgeV: Vec3, options: GridOptions): Geometry {
  const lu = Math.hypot(...edgeU);
  const lv = Math.hypot(...edgeV);
  const du = scale(edgeU, 1 / lu);
  const dv = scale(edgeV, 1 / lv);
  const normal = normalize(cross(edgeU, edgeV));
  const holes = options.holes ?? [];
  const ss = gridLines(lu, options.cell, holes.flatMap((h) => [h.s0, h.s1]));
  const ts = gridLines(lv, options.cell, holes.flatMap((h) => [h.t0, h.t1]));
  const open = (s: number, t: number) => holes.some((h) => s > h.s0 && s < h.s1 && t > h.t0 && t < h.t1);
  const [ou, ov] = options.uvOffset ?? [0, 0];

  const g: Geometry = { positions: [], normals: [], uvs: [], indices: [] };
  const index = new Map<number, number>();
  const vertex = (i: number, j: number): number => {
    const key = i * 100_000 + j;
    const known = index.get(key);
    if (known !== undefined) return known;
    const s = ss[i]!;
    const t = ts[j]!;
    g.positions.push(...add(corner, add(scale(du, s), scale(dv, t))));
    g.normals.push(...normal);
    if (options.uv === 'unit') g.uvs.push(s / lu, 1 - t / lv);
    else g.uvs.push(s + ou, -t + ov);
    const id = index.size;
    index.set(key, id);
    return id;
  };
  for (let i = 0; i + 1 < ss.length; i++) {
    for (let j = 0; j + 1 < ts.length; j++) {
      if (open((ss[i]! + ss[i + 1]!) / 2, (ts[j]! + ts[j + 1]!) / 2)) continue;
      const a = vertex(i, j);
      const b = vertex(i + 1, j);
      const c = vertex(i + 1, j + 1);
      const d = vertex(i, j + 1);
      g.indices.push(a, b, c, a, c, d);
    }
  }
  return g;
}
