import { describe, expect, it } from 'vitest';
import { box } from './box.ts';
import { extrude, flatPolygon, roundedRect } from './extrude.ts';
import type { Geometry } from './geometry.ts';
import { gridQuad } from './grid.ts';
import { cylinder, lathe } from './lathe.ts';
import { roundedSlab } from './shapes.ts';
import { superellipsoid } from './superellipsoid.ts';

/** Triangles whose winding disagrees with their vertices' normals (they would be culled or lit from behind). */
function backwardTriangles(g: Geometry): number {
  let wrong = 0;
  const p = (i: number) => [g.positions[i * 3]!, g.positions[i * 3 + 1]!, g.positions[i * 3 + 2]!];
  const n = (i: number) => [g.normals[i * 3]!, g.normals[i * 3 + 1]!, g.normals[i * 3 + 2]!];
  for (let t = 0; t < g.indices.length; t += 3) {
    const [a, b, c] = [g.indices[t]!, g.indices[t + 1]!, g.indices[t + 2]!];
    const [pa, pb, pc] = [p(a), p(b), p(c)];
    const u = pb.map((v, k) => v - pa[k]!);
    const v = pc.map((x, k) => x - pa[k]!);
    const face = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
    if (Math.hypot(face[0]!, face[1]!, face[2]!) < 1e-12) continue;
    const normal = [0, 1, 2].map((k) => n(a)[k]! + n(b)[k]! + n(c)[k]!);
    if (face[0]! * normal[0]! + face[1]! * normal[1]! + face[2]! * normal[2]! <= 0) wrong++;
  }
  return wrong;
}

describe('geometry builders', () => {
  it('face the way their normals say', () => {
    const shapes: Record<string, Geometry> = {
      box: box([0, 0, 0], [1, 2, 3], { cell: 0.4 }),
      inwardBox: box([0, 0, 0], [1, 2, 3], { cell: 0.4, inward: true }),
      grid: gridQuad([0, 0, 0], [2, 0, 0], [0, 1, 0], { cell: 0.3, holes: [{ s0: 0.5, s1: 1.2, t0: 0.2, t1: 0.8 }] }),
      lathe: lathe([[0, 0], [0.2, 0], [0.25, 0.3], [0.1, 0.5], [0, 0.5]]),
      cylinder: cylinder(0.3, 1),
      extrude: extrude(roundedRect(1, 0.5, 0.1), 0.7),
      slabX: roundedSlab([0, 0, 0], [2, 0.3, 1], 0.05, { axis: 'x' }),
      slabY: roundedSlab([0, 0, 0], [0.3, 1, 0.1], 0.03, { axis: 'y' }),
      superellipsoid: superellipsoid([0.4, 0.1, 0.25], 0.5, 0.25),
      polygon: flatPolygon([[-1, -1], [1, -1], [1, 1], [-1, 1]], [roundedRect(1, 1, 0.2)], 0.5),
    };
    for (const [name, g] of Object.entries(shapes)) expect(backwardTriangles(g), name).toBe(0);
  });

  it('leaves a wall open where a window is, with grid lines on its edges', () => {
    const g = gridQuad([0, 0, 0], [2, 0, 0], [0, 2, 0], { cell: 0.5, holes: [{ s0: 0.6, s1: 1.3, t0: 0.7, t1: 1.5 }] });
    for (let t = 0; t < g.indices.length; t += 3) {
      const cx = [0, 1, 2].reduce((s, k) => s + g.positions[g.indices[t + k]! * 3]!, 0) / 3;
      const cy = [0, 1, 2].reduce((s, k) => s + g.positions[g.indices[t + k]! * 3 + 1]!, 0) / 3;
      expect(cx > 0.6 && cx < 1.3 && cy > 0.7 && cy < 1.5, `triangle at ${cx}, ${cy}`).toBe(false);
    }
    const xs = new Set(g.positions.filter((_, i) => i % 3 === 0).map((x) => Math.round(x * 1000) / 1000));
    expect(xs.has(0.6) && xs.has(1.3)).toBe(true);
  });
});
