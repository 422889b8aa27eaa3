// The cabin's fixed blocks ("monuments"): galleys with their working fronts, lavatories with their
// doors facing the aisle, the class divider, and the exit signs over every exit.
import { box } from '../scene/box.ts';
import { gridQuad } from '../scene/grid.ts';
import type { Part, SceneNode } from '../scene/scene-model.ts';
import type { CabinLayout } from './cabin-layout.ts';
import { wallX } from './fuselage.ts';

const HEIGHT = 2.1;
/** Galleys and lavatories stop short of the aisle's middle. */
const AISLE_HALF = 0.42;

/** How far a monument may reach towards the wall (the wall curves in above and below). */
function outerX(layout: CabinLayout): number {
  return Math.min(wallX(layout, 0.3), layout.fuselage.floorHalfWidth) - 0.02;
}

function sideSpans(side: 'left' | 'right' | 'both', outer: number): [number, number][] {
  if (side === 'both') return [[-outer, outer]];
  return side === 'left' ? [[-outer, -AISLE_HALF]] : [[AISLE_HALF, outer]];
}

/** A galley: a block whose face towards the cabin (front or back end) shows its bays. */
function galley(layout: CabinLayout, g: CabinLayout['galleys'][number]): Part[] {
  const outer = outerX(layout);
  const facesAft = g.from < layout.fuselage.length / 2;
  const parts: Part[] = [];
  for (const [x0, x1] of sideSpans(g.side, outer)) {
    parts.push({ material: 'cabin-wall', geometry: box([x0, 0, g.from], [x1, HEIGHT, g.to], { cell: 0.2, skip: facesAft ? ['pz', 'ny'] : ['nz', 'ny'] }) });
    const z = facesAft ? g.to + 0.002 : g.from - 0.002;
    const w = x1 - x0;
    // The working front, and a counter ledge across it.
    const corner: [number, number, number] = facesAft ? [x0, 0, z] : [x1, 0, z];
    parts.push({ material: 'galley-front', geometry: gridQuad(corner, [facesAft ? w : -w, 0, 0], [0, HEIGHT, 0], { cell: 0.25, uv: 'unit' }) });
    const ledge = facesAft ? [z, z + 0.1] : [z - 0.1, z];
    parts.push({ material: 'steel', geometry: box([x0 + 0.02, 0.97, ledge[0]!], [x1 - 0.02, 1.0, ledge[1]!], { cell: 0.2 }) });
  }
  return parts;
}

/** A lavatory: a block with its door on the side facing the aisle. */
function lavatory(layout: CabinLayout, l: CabinLayout['lavatories'][number]): Part[] {
  const outer = outerX(layout);
  const [[x0, x1]] = sideSpans(l.side, outer) as [[number, number]];
  const doorX = l.side === 'left' ? x1 + 0.002 : x0 - 0.002;
  const zc = (l.from + l.to) / 2;
  return [
    { material: 'cabin-wall', geometry: box([x0, 0, l.from], [x1, HEIGHT, l.to], { cell: 0.2, skip: ['ny'] }) },
    // The door, 0.6 m wide, on the aisle side; seen from the aisle its texture reads left to right.
    { material: 'lav-door', geometry: l.side === 'left'
      ? gridQuad([doorX, 0.02, zc + 0.3], [0, 0, -0.6], [0, 1.9, 0], { cell: 0.25, uv: 'unit' })
      : gridQuad([doorX, 0.02, zc - 0.3], [0, 0, 0.6], [0, 1.9, 0], { cell: 0.25, uv: 'unit' }) },
    { material: 'steel', geometry: box(l.side === 'left' ? [doorX, 0.95, zc - 0.12] : [doorX - 0.03, 0.95, zc + 0.06], l.side === 'left' ? [doorX + 0.03, 0.98, zc - 0.06] : [doorX, 0.98, zc + 0.12], { cell: 0.2 }) },
  ];
}

/** The class divider: a panel from each wall to the aisle. */
function bulkhead(layout: CabinLayout, z: number): Part[] {
  const outer = wallX(layout, 1.0) - 0.08;
  return [-1, 1].map((s) => ({ material: 'bulkhead' as const, geometry: box([s < 0 ? -outer : 0.3, 0, z - 0.03], [s < 0 ? -0.3 : outer, 1.55, z + 0.03], { cell: 0.12, skip: ['ny'] }) }));
}

/**
 * A lit EXIT sign hung from the ceiling over the aisle: a housing lettered on its front and back
 * only, each face reading left to right from the side it faces (an underside or end lettered too
 * reads upside down or squashed).
 */
export function exitSign(z: number): Part[] {
  const [x0, x1, y0, y1, z0, z1] = [-0.16, 0.16, 2.06, 2.18, z - 0.015, z + 0.015];
  return [
    { material: 'bin', geometry: box([x0, y0, z0], [x1, y1, z1], { cell: 0.4, skip: ['pz', 'nz'] }) },
    { material: 'exit-sign', geometry: gridQuad([x0, y0, z1], [x1 - x0, 0, 0], [0, y1 - y0, 0], { cell: 0.4, uv: 'unit' }) },
    { material: 'exit-sign', geometry: gridQuad([x1, y0, z0], [x0 - x1, 0, 0], [0, y1 - y0, 0], { cell: 0.4, uv: 'unit' }) },
  ];
}

export function monumentNodes(layout: CabinLayout, poi: { galley: string; lavatory: string }): SceneNode[] {
  const nodes: SceneNode[] = [];
  layout.galleys.forEach((g, i) => {
    nodes.push({ name: i === 0 ? poi.galley : `galley-${i + 1}`, origin: [0, 1, (g.from + g.to) / 2], parts: galley(layout, g) });
  });
  layout.lavatories.forEach((l, i) => {
    nodes.push({ name: i === layout.lavatories.length - 1 ? poi.lavatory : `lavatory-${i + 1}`, origin: [l.side === 'left' ? -1 : 1, 1, (l.from + l.to) / 2], parts: lavatory(layout, l) });
  });
  layout.bulkheads.forEach((b, i) => nodes.push({ name: `bulkhead-${i + 1}`, origin: [0, 0.8, b.z], parts: bulkhead(layout, b.z) }));
  const exits = layout.exits.map((e) => e.z);
  nodes.push({ name: 'exit-signs', origin: [0, 2.1, 0], parts: exits.flatMap((z) => exitSign(z)) });
  return nodes;
}
