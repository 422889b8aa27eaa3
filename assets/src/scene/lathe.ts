// Surfaces of revolution about +Y (lamp shades, legs, basins, a toilet bowl): a profile of
// (radius, height) points turned full circle, the outside on the profile's right-hand side.
import type { Geometry } from './geometry.ts';

export interface LatheOptions {
  segments?: number;
  /** Longest step along the profile, metres (segments are cut so lighting can vary along them). */
  cell?: number;
  /** Profile corners sharper than this many degrees keep separate normals. */
  creaseDegrees?: number;
  /** Only part of the circle: from `start` degrees over `sweep` degrees. */
  start?: number;
  sweep?: number;
}

type P = readonly [number, number];

/** Cuts each profile segment into steps no longer than `cell`. */
function refine(profile: readonly P[], cell: number): P[] {
  const out: P[] = [profile[0]!];
  for (let i = 1; i < profile.length; i++) {
    const a = profile[i - 1]!;
    const b = profile[i]!;
    const n = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / cell));
    for (let k = 1; k <= n; k++) out.push([a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n]);
  }
  return out;
}

/** The outward normal (in r, y) of the segment a→b: its direction turned clockwise. */
function segmentNormal(a: P, b: P): P {
  const dr = b[0] - a[0];
  const dy = b[1] - a[1];
  const l = Math.hypot(dr, dy) || 1;
  return [dy / l, -dr / l];
}

export function lathe(profile: readonly P[], options: LatheOptions = {}): Geometry {
  const segments = options.segments ?? 24;
  const cell = options.cell ?? 0.1;
  const crease = Math.cos(((options.creaseDegrees ?? 40) * Math.PI) / 180);
  const start = ((options.start ?? 0) * Math.PI) / 180;
  const sweep = ((options.sweep ?? 360) * Math.PI) / 180;
  const pts = refine(profile, cell);
  const g: Geometry = { positions: [], normals: [], uvs: [], indices: [] };

  // Each profile step is its own strip; its end normals are shared with the neighbour's unless the
  // profile has a crease there.
  const normals = pts.slice(1).map((b, i) => segmentNormal(pts[i]!, b));
  const endNormal = (i: number, end: 0 | 1): P => {
    const own = normals[i]!;
    const other = end === 0 ? normals[i - 1] : normals[i + 1];
    if (!other || own[0] * other[0] + own[1] * other[1] < crease) return own;
    const r = own[0] + other[0];
    const y = own[1] + other[1];
    const l = Math.hypot(r, y) || 1;
    return [r / l, y / l];
  };
  let arc = 0;
  const maxR = Math.max(...pts.map((p) => p[0]));
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i]!;
    const b = pts[i + 1]!;
    const stepLength = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (stepLength < 1e-9) continue;
    const base = g.positions.length / 3;
    for (let j = 0; j <= segments; j++) {
      const theta = start + (sweep * j) / segments;
      const s = Math.sin(theta);
      const c = Math.cos(theta);
      // Flat rings (tops, bottoms) are textured from above, so a table top's grain runs straight.
      const flat = Math.abs(b[1] - a[1]) < 1e-9;
      for (const [end, p] of [[0, a], [1, b]] as const) {
        const n = endNormal(i, end);
        g.positions.push(p[0] * s, p[1], p[0] * c);
        g.normals.push(n[0] * s, n[1], n[0] * c);
        if (flat) g.uvs.push(p[0] * s, p[0] * c);
        else g.uvs.push(theta * maxR, -(arc + (end ? stepLength : 0)));
      }
    }
    for (let j = 0; j < segments; j++) {
      const v0 = base + j * 2;
      const v1 = v0 + 2;
      // Turning with theta and walking the profile with the outside on the right faces outwards.
      g.indices.push(v0, v1, v1 + 1, v0, v1 + 1, v0 + 1);
    }
    arc += stepLength;
  }
  return g;
}

/** An upright cylinder standing on y = 0, closed at both ends. */
export function cylinder(radius: number, height: number, options: LatheOptions & { open?: boolean } = {}): Geometry {
  const profile: P[] = options.open ? [[radius, 0], [radius, height]] : [[0, 0], [radius, 0], [radius, height], [0, height]];
  return lathe(profile, options);
}
