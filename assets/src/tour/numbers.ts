// Numbers as tour.json carries them: millimetres are plenty, and shorter files compress better.
import type { Vec3 } from '../scene/geometry.ts';

export function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

export function roundVec(v: readonly number[]): Vec3 {
  return [round3(v[0]!), round3(v[1]!), round3(v[2]!)];
}
