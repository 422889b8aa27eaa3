// The cabin's shell: the sidewalls and ceiling swept along the cabin from a cross-section, cut for
// the windows (each with its moulded surround and reveal, some shades half down), doors and exit
// hatches as panels in the wall, the floor with its aisle runner, and the sky outside.
import type { Geometry, Vec3 } from '../scene/geometry.ts';
import { orientToNormals } from '../scene/geometry.ts';
import { gridLines, gridQuad } from '../scene/grid.ts';
import { box } from '../scene/box.ts';
import { roundedRect } from '../scene/extrude.ts';
import type { Part, SceneNode } from '../scene/scene-model.ts';
import { ShapeUtils, Vector2 } from 'three';
import { hash2 } from '../textures/noise.ts';
import type { CabinLayout } from './cabin-layout.ts';
import type { CabinMaterial } from './materials.ts';
import { SKY } from './materials.ts';
import { windowCentres } from './seat-layout.ts';

const CELL = 0.12;
const DADO = 0.3;
const CEILING_FROM = 1.9;
/** The hole in the wall is this much larger than the window on every side; the surround covers it. */
const HOLE_MARGIN = 0.022;

type P2 = [number, number];

/** The sidewall's x at height y: an arc about the centre line. */
export function wallX(layout: CabinLayout, y: number): number {
  const f = layout.fuselage;
  return Math.sqrt(Math.max(0, f.wallRadius ** 2 - (y - f.wallCentreHeight) ** 2));
}

/** Wall openings (windows are holes, doors and hatches panels) as rectangles in (z, y). */
interface Panel {
  z0: number;
  z1: number;
  y0: number;
  y1: number;
  material: CabinMaterial;
}

function exitPanels(layout: CabinLayout): Panel[] {
  return layout.exits.map((e) => (e.kind === 'door'
    ? { z0: e.z - e.width / 2, z1: e.z + e.width / 2, y0: 0, y1: 1.88, material: 'cabin-door' as const }
    : { z0: e.z - e.width / 2, z1: e.z + e.width / 2, y0: 0.5, y1: 1.5, material: 'exit-hatch' as const }));
}

/** The right half of the cross-section, from the floor's edge up and over to the ceiling's centre. */
export function crossSection(layout: CabinLayout, breaks: readonly number[]): P2[] {
  const f = layout.fuselage;
  const top = 1.6;
  const ys = gridLines(top - DADO, 0.1, breaks.map((b) => b - DADO)).map((y) => y + DADO);
  return [
    [f.floorHalfWidth, 0],
    ...ys.map((y): P2 => [wallX(layout, y), y]),
    [wallX(layout, top) - 0.12, 1.85],
    [wallX(layout, top) - 0.31, 2.02],
    [1.1, 2.14],
    [0.6, f.ceilingHeight - 0.02],
    [0, f.ceilingHeight],
  ];
}

function sidewall(layout: CabinLayout, side: 1 | -1, holes: readonly Panel[], panels: readonly Panel[]): Part[] {
  const w = layout.windows;
  const windowBreaks = [w.centreHeight - w.height / 2 - HOLE_MARGIN, w.centreHeight + w.height / 2 + HOLE_MARGIN];
  const profile = crossSection(layout, [...windowBreaks, ...panels.flatMap((p) => [p.y0, p.y1]).filter((y) => y > DADO && y < 1.6)]);
  // Arc length along the profile, for texture coordinates.
  const arc = profile.map((_, i) => profile.slice(1, i + 1).reduce((s, p, k) => s + Math.hypot(p[0] - profile[k]![0], p[1] - profile[k]![1]), 0));
  const normalAt = (i: number): P2 => {
    const a = profile[Math.max(0, i - 1)]!;
    const b = profile[Math.min(profile.length - 1, i + 1)]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const l = Math.hypot(dx, dy) || 1;
    return [-dy / l, dx / l];
  };
  const zs = gridLines(layout.fuselage.length, CELL, [...holes, ...panels].flatMap((h) => [h.z0, h.z1]));
  const parts = new Map<CabinMaterial, { g: Geometry; index: Map<number, number> }>();
  const partFor = (m: CabinMaterial) => {
    let p = parts.get(m);
    if (!p) {
      p = { g: { positions: [], normals: [], uvs: [], indices: [] }, index: new Map() };
      parts.set(m, p);
    }
    return p;
  };
  const vertex = (m: CabinMaterial, i: number, j: number, panel?: Panel): number => {
    const part = partFor(m);
    const key = i * 1000 + j;
    const known = part.index.get(key);
    if (known !== undefined) return known;
    const [x, y] = profile[j]!;
    const z = zs[i]!;
    const [nx, ny] = normalAt(j);
    part.g.positions.push(side * x, y, z);
    part.g.normals.push(side * nx, ny, 0);
    if (panel) {
      const u = (z - panel.z0) / (panel.z1 - panel.z0);
      part.g.uvs.push(side > 0 ? u : 1 - u, 1 - (y - panel.y0) / (panel.y1 - panel.y0));
    } else part.g.uvs.push(z * side, -arc[j]!);
    const id = part.index.size;
    part.index.set(key, id);
    return id;
  };
  for (let j = 0; j + 1 < profile.length; j++) {
    const ym = (profile[j]![1] + profile[j + 1]![1]) / 2;
    for (let i = 0; i + 1 < zs.length; i++) {
      const zm = (zs[i]! + zs[i + 1]!) / 2;
      if (holes.some((h) => zm > h.z0 && zm < h.z1 && ym > h.y0 && ym < h.y1)) continue;
      const panel = panels.find((h) => zm > h.z0 && zm < h.z1 && ym > h.y0 && ym < h.y1);
      const m: CabinMaterial = panel ? panel.material : ym < DADO ? 'cabin-dado' : ym > CEILING_FROM ? 'ceiling' : 'cabin-wall';
      const a = vertex(m, i, j, panel);
      const b = vertex(m, i + 1, j, panel);
      const c = vertex(m, i + 1, j + 1, panel);
      const d = vertex(m, i, j + 1, panel);
      partFor(m).g.indices.push(a, b, c, a, c, d);
    }
  }
  return [...parts].map(([material, p]) => ({ material, geometry: orientToNormals(p.g) }));
}

/** A 2D shape in the wall's plane at a window: `a` along the cabin, `b` up the wall, `d` out through it. */
function windowFrame(layout: CabinLayout, z: number, side: 1 | -1) {
  const w = layout.windows;
  const y0 = w.centreHeight - 0.25;
  const y1 = w.centreHeight + 0.25;
  const x0 = wallX(layout, y0);
  const x1 = wallX(layout, y1);
  const l = Math.hypot(x1 - x0, y1 - y0);
  // Up the wall (it leans in towards the ceiling), and out through it, away from the cabin.
  const up: Vec3 = [(side * (x1 - x0)) / l, (y1 - y0) / l, 0];
  const out: Vec3 = [(side * (y1 - y0)) / l, -(x1 - x0) / l, 0];
  const centreX = side * ((x0 + x1) / 2 - 0.016);
  const at = (a: number, b: number, d: number): Vec3 => [centreX + up[0] * b + out[0] * d, w.centreHeight + up[1] * b + out[1] * d, z + a];
  return { at, up, out };
}

function windowParts(layout: CabinLayout, z: number, side: 1 | -1, index: number): Part[] {
  const w = layout.windows;
  const { at, up, out } = windowFrame(layout, z, side);
  const inner = roundedRect(w.width, w.height, 0.085, 6) as P2[];
  const outer = roundedRect(0.4, 0.5, 0.1, 4) as P2[];
  const inward: Vec3 = [-out[0], -out[1], -out[2]];
  // The surround: a plate with the window's rounded opening.
  const plate: Geometry = { positions: [], normals: [], uvs: [], indices: [] };
  const all = [...outer, ...inner];
  for (const [a, b] of all) {
    plate.positions.push(...at(a, b, 0));
    plate.normals.push(...inward);
    plate.uvs.push(a, -b);
  }
  for (const tri of ShapeUtils.triangulateShape(outer.map(([a, b]) => new Vector2(a, b)), [inner.map(([a, b]) => new Vector2(a, b))])) plate.indices.push(...tri);
  // The reveal: the opening carried out through the wall, seen from inside.
  const reveal: Geometry = { positions: [], normals: [], uvs: [], indices: [] };
  const n = inner.length;
  inner.forEach(([a, b], k) => {
    const [pa, pb] = inner[(k + 1) % n]!;
    const [qa, qb] = inner[(k + n - 1) % n]!;
    const ta = pa - qa;
    const tb = pb - qb;
    const tl = Math.hypot(ta, tb) || 1;
    // Facing into the opening: the outline's inward normal.
    const na = -tb / tl;
    const nb = ta / tl;
    for (const d of [0, 0.1]) {
      reveal.positions.push(...at(a, b, d));
      reveal.normals.push(up[0] * nb, up[1] * nb, na);
      reveal.uvs.push(k / n, d);
    }
  });
  for (let k = 0; k < n; k++) {
    const a = k * 2;
    const b = ((k + 1) % n) * 2;
    reveal.indices.push(a, b, b + 1, a, b + 1, a + 1);
  }
  const parts: Part[] = [
    { material: 'bin', geometry: orientToNormals(plate) },
    { material: 'bin', geometry: orientToNormals(reveal) },
  ];
  // About one window in five has its shade part-way down.
  if (hash2(index, side > 0 ? 1 : 2, 77) < 0.2) {
    const drop = 0.3 + 0.3 * hash2(index, 5, 78);
    const shade: Geometry = { positions: [], normals: [], uvs: [], indices: [0, 1, 2, 0, 2, 3] };
    const b0 = w.height / 2 - w.height * drop;
    for (const [a, b] of [[-w.width / 2, b0], [w.width / 2, b0], [w.width / 2, w.height / 2], [-w.width / 2, w.height / 2]] as P2[]) {
      shade.positions.push(...at(a, b, 0.07));
      shade.normals.push(...inward);
      shade.uvs.push(a, -b);
    }
    parts.push({ material: 'shade', geometry: orientToNormals(shade) });
  }
  return parts;
}

/**
 * An inward-facing sphere with equirectangular texture coordinates (u: the bearing from +x towards +z,
 * v: 0 at the zenith), centred on the node's origin.
 */
function skyDome(radius: number, around: number, down: number): Geometry {
  const g: Geometry = { positions: [], normals: [], uvs: [], indices: [] };
  for (let j = 0; j <= down; j++) {
    const v = j / down;
    const elevation = (0.5 - v) * Math.PI;
    for (let i = 0; i <= around; i++) {
      const u = i / around;
      const bearing = u * 2 * Math.PI;
      const d: Vec3 = [Math.cos(elevation) * Math.cos(bearing), Math.sin(elevation), Math.cos(elevation) * Math.sin(bearing)];
      g.positions.push(d[0] * radius, d[1] * radius, d[2] * radius);
      g.normals.push(-d[0], -d[1], -d[2]);
      g.uvs.push(u, v);
    }
  }
  const row = around + 1;
  for (let j = 0; j < down; j++) {
    for (let i = 0; i < around; i++) {
      const a = j * row + i;
      g.indices.push(a, a + row, a + 1, a + 1, a + row, a + row + 1);
    }
  }
  return orientToNormals(g);
}

/** The cabin's end walls (cockpit bulkhead in front, pressure bulkhead behind): the cross-section, filled. */
function endWall(layout: CabinLayout, z: number, facing: 1 | -1): Geometry {
  const right = crossSection(layout, []);
  const outline: P2[] = [...right, ...[...right].reverse().slice(1).map(([x, y]): P2 => [-x, y])].filter((p, i, all) => i === 0 || Math.hypot(p[0] - all[i - 1]![0], p[1] - all[i - 1]![1]) > 1e-6);
  const g: Geometry = { positions: [], normals: [], uvs: [], indices: [] };
  for (const [x, y] of outline) {
    g.positions.push(x, y, z);
    g.normals.push(0, 0, facing);
    g.uvs.push(x, -y);
  }
  for (const tri of ShapeUtils.triangulateShape(outline.map(([x, y]) => new Vector2(x, y)), [])) g.indices.push(...tri);
  return orientToNormals(g);
}

export function fuselageNodes(layout: CabinLayout): SceneNode[] {
  const w = layout.windows;
  const L = layout.fuselage.length;
  const windows = windowCentres(layout);
  const holes: Panel[] = windows.map((z) => ({ z0: z - w.width / 2 - HOLE_MARGIN, z1: z + w.width / 2 + HOLE_MARGIN, y0: w.centreHeight - w.height / 2 - HOLE_MARGIN, y1: w.centreHeight + w.height / 2 + HOLE_MARGIN, material: 'cabin-wall' }));
  const panels = exitPanels(layout);
  const half = layout.fuselage.floorHalfWidth;
  const nodes: SceneNode[] = [];
  // The shell is one node: meshes are quantized each on its own grid (2 mm over the cabin's length),
  // so two sidewalls meeting at the crown as separate nodes left a crack along the ceiling there.
  nodes.push({
    name: 'shell',
    origin: [0, 1, L / 2],
    parts: [
      ...sidewall(layout, -1, holes, panels),
      ...sidewall(layout, 1, holes, panels),
      { material: 'cabin-wall', geometry: endWall(layout, 0, 1) },
      { material: 'cabin-wall', geometry: endWall(layout, L, -1) },
      { material: 'cabin-door', geometry: gridQuad([-0.4, 0, 0.004], [0.8, 0, 0], [0, 1.95, 0], { cell: 0.3, uv: 'unit' }) },
      { material: 'cabin-carpet', geometry: gridQuad([-half, 0, L], [2 * half, 0, 0], [0, 0, -L], { cell: 0.15 }) },
      { material: 'aisle-carpet', geometry: box([-0.27, 0, 1.6], [0.27, 0.006, L - 1.65], { cell: 0.15, skip: ['ny'] }) },
    ],
  });
  for (const side of [-1, 1] as const) {
    nodes.push({ name: side < 0 ? 'windows-left' : 'windows-right', origin: [side * 1.8, w.centreHeight, L / 2], parts: windows.flatMap((z, i) => windowParts(layout, z, side, i)) });
  }
  // The sky all round, centred on the cabin with its horizon level with the windows.
  nodes.push({ name: 'sky', origin: [0, w.centreHeight, L / 2], parts: [{ material: 'sky', geometry: skyDome(SKY.radius, 64, 32) }] });
  return nodes;
}
