// Ray casting for the bake: shadow and gather rays against the scene's BVH, and the fixed sample
// patterns that keep a bake reproducible.
import { DoubleSide, Ray } from 'three';
import type { BakeMesh } from './bake-mesh.ts';

/** Ray origins are lifted this far off their surface, so a surface does not shadow itself. */
export const EPS = 0.004;

/** Fixed points on a unit sphere (Fibonacci): the same soft-shadow samples for every vertex. */
export function spherePoints(n: number): [number, number, number][] {
  return Array.from({ length: n }, (_, i) => {
    const y = 1 - (2 * (i + 0.5)) / n;
    const r = Math.sqrt(1 - y * y);
    const a = i * Math.PI * (3 - Math.sqrt(5));
    return [r * Math.cos(a), y, r * Math.sin(a)];
  });
}

export function hashUnit(i: number): number {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

export class Caster {
  private readonly ray = new Ray();
  constructor(private readonly mesh: BakeMesh) {}

  blocked(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, far: number): boolean {
    this.ray.origin.set(ox, oy, oz);
    this.ray.direction.set(dx, dy, dz);
    return this.mesh.bvh.raycastFirst(this.ray, DoubleSide, 0, far) !== null;
  }

  first(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, far: number) {
    this.ray.origin.set(ox, oy, oz);
    this.ray.direction.set(dx, dy, dz);
    return this.mesh.bvh.raycastFirst(this.ray, DoubleSide, 0, far);
  }
}

