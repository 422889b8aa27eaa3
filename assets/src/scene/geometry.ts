// Triangle geometry in scene metres, as flat arrays the way glTF stores them. Texture coordinates
// are in metres too (a material says how many metres one repeat of its texture covers), except on
// surfaces made to show one whole picture, whose coordinates run 0–1.
export type Vec3 = [number, number, number];

export interface Geometry {
  positions: number[];
  normals: number[];
  uvs: number[];
  indices: number[];
}

export function emptyGeometry(): Geometry {
  return { positions: [], normals: [], uvs: [], indices: [] };
}

export function vertexCount(g: Geometry): number {
  return g.positions.length / 3;
}

/** Appends `from` to `into` (in place) and returns `into`. */
export function appendGeometry(into: Geometry, from: Geometry): Geometry {
  const base = vertexCount(into);
  for (const v of from.positions) into.positions.push(v);
  for (const v of from.normals) into.normals.push(v);
  for (const v of from.uvs) into.uvs.push(v);
  for (const i of from.indices) into.indices.push(base + i);
  return into;
}

export function mergeGeometries(parts: readonly Geometry[]): Geometry {
  return parts.reduce((all, g) => appendGeometry(all, g), emptyGeometry());
}

export function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

export function add(a: Vec3, b: Vec3): Vec3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

export function scale(a: Vec3, s: number): Vec3 {
  return [a[0] * s, a[1] * s, a[2] * s];
}

export function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function length(a: Vec3): number {
  return Math.hypot(a[0], a[1], a[2]);
}

export function normalize(a: Vec3): Vec3 {
  const l = length(a) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
}

/** Flips every triangle and normal: the same surface seen from its other side. */
export function flipGeometry(g: Geometry): Geometry {
  const indices: number[] = [];
  for (let i = 0; i < g.indices.length; i += 3) indices.push(g.indices[i]!, g.indices[i + 2]!, g.indices[i + 1]!);
  return { positions: [...g.positions], normals: g.normals.map((n) => -n), uvs: [...g.uvs], indices };
}

/** Turns each triangle to face the way its vertices' normals say (for surfaces built by mapping 2D shapes). */
export function orientToNormals(g: Geometry): Geometry {
  const p = g.positions;
  const n = g.normals;
  const indices: number[] = [];
  for (let t = 0; t < g.indices.length; t += 3) {
    const [a, b, c] = [g.indices[t]!, g.indices[t + 1]!, g.indices[t + 2]!];
    const u: Vec3 = [p[b * 3]! - p[a * 3]!, p[b * 3 + 1]! - p[a * 3 + 1]!, p[b * 3 + 2]! - p[a * 3 + 2]!];
    const v: Vec3 = [p[c * 3]! - p[a * 3]!, p[c * 3 + 1]! - p[a * 3 + 1]!, p[c * 3 + 2]! - p[a * 3 + 2]!];
    const face = cross(u, v);
    const normal: Vec3 = [n[a * 3]! + n[b * 3]! + n[c * 3]!, n[a * 3 + 1]! + n[b * 3 + 1]! + n[c * 3 + 1]!, n[a * 3 + 2]! + n[b * 3 + 2]! + n[c * 3 + 2]!];
    if (dot(face, normal) >= 0) indices.push(a, b, c);
    else indices.push(a, c, b);
  }
  return { ...g, indices };
}
