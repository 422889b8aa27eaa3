// What fills the holes in the walls: the reveals through the wall's thickness, door frames and
// leaves with their handles, window frames and sills.
import { box } from '../scene/box.ts';
import { gridQuad } from '../scene/grid.ts';
import type { Geometry, Vec3 } from '../scene/geometry.ts';
import type { Part, SceneNode } from '../scene/scene-model.ts';
import { cylinder } from '../scene/lathe.ts';
import { transformGeometry, translation } from '../scene/transform.ts';
import type { Opening } from './room-plan.ts';

export interface OpeningMaterials {
  reveal: string;
  doorFrame: string;
  doorLeaf: string;
  metal: string;
  windowFrame: string;
  sill: string;
}

const CELL = 0.12;

/** The opening's axis: 'x' when it runs along x (the wall lies along x, one passes through along z). */
function axis(o: Opening): 'x' | 'z' {
  return o.max[0] - o.min[0] >= o.max[1] - o.min[1] ? 'x' : 'z';
}

function reveals(o: Opening, ceiling: number): Geometry[] {
  const [x0, z0] = o.min;
  const [x1, z1] = o.max;
  const h = Math.min(o.top, ceiling) - o.bottom;
  const y0 = o.bottom;
  const out: Geometry[] = [];
  if (axis(o) === 'x') {
    // Jambs at x0 (facing +x) and x1 (facing −x).
    out.push(gridQuad([x0, y0, z1], [0, 0, z0 - z1], [0, h, 0], { cell: CELL }));
    out.push(gridQuad([x1, y0, z0], [0, 0, z1 - z0], [0, h, 0], { cell: CELL }));
  } else {
    out.push(gridQuad([x0, y0, z0], [x1 - x0, 0, 0], [0, h, 0], { cell: CELL }));
    out.push(gridQuad([x1, y0, z1], [x0 - x1, 0, 0], [0, h, 0], { cell: CELL }));
  }
  // Head and sill close the wall's thickness even where they are part of the ceiling or floor.
  out.push(gridQuad([x0, Math.min(o.top, ceiling), z0], [x1 - x0, 0, 0], [0, 0, z1 - z0], { cell: CELL }));
  return out;
}

function sill(o: Opening): Geometry {
  const [x0, z0] = o.min;
  const [x1, z1] = o.max;
  return gridQuad([x0, o.bottom, z1], [x1 - x0, 0, 0], [0, 0, z0 - z1], { cell: CELL });
}

/** A frame of bars around a rectangle in a vertical plane: along `a` from a0 to a1, y from y0 to y1, across at c0..c1. */
function frame(alongX: boolean, a0: number, a1: number, y0: number, y1: number, c0: number, c1: number, bar: number, sides: { bottom: boolean }): Geometry[] {
  const b = (p0: number, q0: number, p1: number, q1: number) => (alongX ? box([p0, q0, c0], [p1, q1, c1], { cell: 0.25 }) : box([c0, q0, p0], [c1, q1, p1], { cell: 0.25 }));
  const out = [b(a0, y0, a0 + bar, y1), b(a1 - bar, y0, a1, y1), b(a0 + bar, y1 - bar, a1 - bar, y1)];
  if (sides.bottom) out.push(b(a0 + bar, y0, a1 - bar, y0 + bar));
  return out;
}

function doorParts(o: Opening, m: OpeningMaterials): Part[] {
  const alongX = axis(o) === 'x';
  const [a0, a1] = alongX ? [o.min[0], o.max[0]] : [o.min[1], o.max[1]];
  const [c0, c1] = alongX ? [o.min[1], o.max[1]] : [o.min[0], o.max[0]];
  const parts: Part[] = [];
  // Architraves on both faces of the wall.
  for (const [f0, f1] of [[c0 - 0.015, c0], [c1, c1 + 0.015]] as const) {
    for (const g of frame(alongX, a0 - 0.07, a1 + 0.07, 0, o.top + 0.07, f0, f1, 0.07, { bottom: false })) parts.push({ material: m.doorFrame, geometry: g });
  }
  if (o.leaf === 'closed' || o.leaf === 'slid') {
    const t = 0.04;
    // A shut leaf sits in the middle of the wall; a slid one lies along the wall on the far face.
    const shift = o.leaf === 'slid' ? a1 - a0 + 0.02 : 0;
    const mid = o.leaf === 'slid' ? c1 + 0.03 : (c0 + c1) / 2;
    const p0 = a0 + 0.005 + shift;
    const p1 = a1 - 0.005 + shift;
    const leaf = alongX ? box([p0, 0.01, mid - t / 2], [p1, o.top - 0.005, mid + t / 2], { cell: 0.15 }) : box([mid - t / 2, 0.01, p0], [mid + t / 2, o.top - 0.005, p1], { cell: 0.15 });
    parts.push({ material: m.doorLeaf, geometry: leaf });
    // Lever handles on both faces, 1.05 m up, near the far edge of the leaf.
    for (const side of [-1, 1]) {
      const at = p1 - 0.08;
      const c = mid + side * (t / 2 + 0.03);
      // The lever: a short bar lying along the leaf, on a round rose.
      const bar = alongX ? box([at - 0.12, 1.04, c - 0.01], [at, 1.06, c + 0.01], { cell: 0.2 }) : box([c - 0.01, 1.04, at - 0.12], [c + 0.01, 1.06, at], { cell: 0.2 });
      const rose = transformGeometry(cylinder(0.025, 0.01, { segments: 12 }), translation(alongX ? [at, 1.025, c] : [c, 1.025, at]));
      parts.push({ material: m.metal, geometry: bar }, { material: m.metal, geometry: rose });
    }
  }
  return parts;
}

function windowParts(o: Opening, m: OpeningMaterials, insideFace: number): Part[] {
  const alongX = axis(o) === 'x';
  const [a0, a1] = alongX ? [o.min[0], o.max[0]] : [o.min[1], o.max[1]];
  const [c0, c1] = alongX ? [o.min[1], o.max[1]] : [o.min[0], o.max[0]];
  // The frame sits towards the outside of the wall.
  const outside = Math.abs(insideFace - c0) < Math.abs(insideFace - c1) ? c1 : c0;
  const f0 = outside === c0 ? c0 + 0.04 : c1 - 0.1;
  const f1 = f0 + 0.06;
  const parts: Part[] = frame(alongX, a0, a1, o.bottom, o.top, f0, f1, 0.06, { bottom: true }).map((g) => ({ material: m.windowFrame, geometry: g }));
  // Mullions splitting wide windows into panes about 1.2 m wide.
  const panes = Math.max(1, Math.round((a1 - a0) / 1.2));
  for (let i = 1; i < panes; i++) {
    const at = a0 + ((a1 - a0) * i) / panes;
    const g = alongX ? box([at - 0.03, o.bottom, f0], [at + 0.03, o.top, f1], { cell: 0.25 }) : box([f0, o.bottom, at - 0.03], [f1, o.top, at + 0.03], { cell: 0.25 });
    parts.push({ material: m.windowFrame, geometry: g });
  }
  // A sill board proud of the wall on the inside.
  if (o.bottom > 0.05) {
    const s0 = Math.min(insideFace, outside === c0 ? f1 : f0);
    const s1 = Math.max(insideFace, outside === c0 ? f1 : f0);
    const inward = insideFace === s0 ? -0.04 : 0.04;
    const lo = Math.min(s0, s0 + (inward < 0 ? inward : 0));
    const hi = Math.max(s1, s1 + (inward > 0 ? inward : 0));
    const g = alongX ? box([a0 - 0.05, o.bottom - 0.03, lo], [a1 + 0.05, o.bottom + 0.005, hi], { cell: 0.15 }) : box([lo, o.bottom - 0.03, a0 - 0.05], [hi, o.bottom + 0.005, a1 + 0.05], { cell: 0.15 });
    parts.push({ material: m.sill, geometry: g });
  }
  return parts;
}

/**
 * One node per opening. `insideFace(o)` is where the room's face is across the wall (windows): the
 * frame sits at the far end, the sill on the near one.
 */
export function openingNodes(openings: readonly Opening[], ceiling: number, m: OpeningMaterials, insideFace: (o: Opening) => number): SceneNode[] {
  return openings.map((o, i) => {
    const parts: Part[] = reveals(o, ceiling).map((g) => ({ material: m.reveal, geometry: g }));
    parts.push({ material: o.floor ?? m.reveal, geometry: sill(o) });
    if (o.kind === 'door') parts.push(...doorParts(o, m));
    if (o.kind === 'window') parts.push(...windowParts(o, m, insideFace(o)));
    const centre: Vec3 = [(o.min[0] + o.max[0]) / 2, o.bottom, (o.min[1] + o.max[1]) / 2];
    return { name: `${o.kind}-${i + 1}`, origin: centre, parts };
  });
}
