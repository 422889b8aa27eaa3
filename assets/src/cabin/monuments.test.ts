import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Geometry } from '../scene/geometry.ts';
import { readCabinLayout } from './cabin-layout.ts';
import { exitSign, monumentNodes } from './monuments.ts';

type V = [number, number, number];
const sub = (a: V, b: V): V => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: V, b: V): V => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const dot = (a: V, b: V) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/**
 * For each triangle: its normal and which way the picture's rightwards (+u) and upwards (−v: glTF's
 * v runs down the image) point in the scene.
 */
function pictureFrames(g: Geometry): { normal: V; right: V; up: V }[] {
  const p = (i: number): V => [g.positions[i * 3]!, g.positions[i * 3 + 1]!, g.positions[i * 3 + 2]!];
  const t = (i: number) => [g.uvs[i * 2]!, g.uvs[i * 2 + 1]!] as const;
  const frames = [];
  for (let k = 0; k < g.indices.length; k += 3) {
    const [a, b, c] = [g.indices[k]!, g.indices[k + 1]!, g.indices[k + 2]!];
    const [e1, e2] = [sub(p(b), p(a)), sub(p(c), p(a))];
    const [du1, dv1, du2, dv2] = [t(b)[0] - t(a)[0], t(b)[1] - t(a)[1], t(c)[0] - t(a)[0], t(c)[1] - t(a)[1]];
    const det = du1 * dv2 - du2 * dv1;
    const right: V = [0, 1, 2].map((i) => (e1[i]! * dv2 - e2[i]! * dv1) / det) as V;
    const down: V = [0, 1, 2].map((i) => (e2[i]! * du1 - e1[i]! * du2) / det) as V;
    frames.push({ normal: [g.normals[a * 3]!, g.normals[a * 3 + 1]!, g.normals[a * 3 + 2]!] as V, right, up: [-down[0], -down[1], -down[2]] as V });
  }
  return frames;
}

describe('exit signs', () => {
  const lettered = exitSign(10).filter((p) => p.material === 'exit-sign');

  it('carry the lettering on the two faces along the aisle only, one each way', () => {
    const facing = lettered.flatMap((p) => pictureFrames(p.geometry)).map((f) => Math.sign(f.normal[2]));
    for (const f of lettered.flatMap((p) => pictureFrames(p.geometry))) expect(Math.abs(f.normal[2])).toBeCloseTo(1, 6);
    expect(new Set(facing)).toEqual(new Set([-1, 1]));
  });

  it('read left to right and upright from the side each face faces, not mirrored', () => {
    for (const f of lettered.flatMap((p) => pictureFrames(p.geometry))) {
      // Seen from in front, right × up points back at the viewer: along the face's normal.
      expect(dot(cross(f.right, f.up), f.normal)).toBeGreaterThan(0);
      expect(f.up[1]).toBeGreaterThan(0);
      expect(Math.abs(f.right[1])).toBeLessThan(1e-9);
    }
  });

  it('hang over every exit of the A321', () => {
    const layout = readCabinLayout(JSON.parse(readFileSync(new URL('./a321neo.layout.json', import.meta.url), 'utf8')));
    const node = monumentNodes(layout, { galley: 'g', lavatory: 'l' }).find((n) => n.name === 'exit-signs')!;
    expect(node.parts.filter((p) => p.material === 'exit-sign')).toHaveLength(2 * layout.exits.length);
  });
});
