// Seeded randomness and tileable value noise: every texture comes out the same on every run, and a
// texture's right edge meets its left edge (and bottom meets top) without a seam.

/** A seeded generator of numbers in [0, 1) (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A hash of integer lattice coordinates to [0, 1). */
export function hash2(x: number, y: number, seed: number): number {
  let h = (Math.imul(x | 0, 374761393) + Math.imul(y | 0, 668265263) + Math.imul(seed | 0, 2246822519)) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

const smooth = (t: number) => t * t * (3 - 2 * t);
const wrap = (i: number, period: number) => ((i % period) + period) % period;

/**
 * Value noise at (x, y) in lattice units, repeating every `period` units in both directions, in [0, 1].
 */
export function valueNoise(x: number, y: number, period: number, seed: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = smooth(x - x0);
  const fy = smooth(y - y0);
  const h = (i: number, j: number) => hash2(wrap(i, period), wrap(j, period), seed);
  const a = h(x0, y0);
  const b = h(x0 + 1, y0);
  const c = h(x0, y0 + 1);
  const d = h(x0 + 1, y0 + 1);
  return a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy;
}

/**
 * Fractal noise over a unit square that tiles: u, v in [0, 1), `cells` lattice cells across at the
 * coarsest octave, each next octave twice as fine and half as strong. Result in [0, 1].
 */
export function fbm(u: number, v: number, cells: number, octaves: number, seed: number, anisotropy: readonly [number, number] = [1, 1]): number {
  let sum = 0;
  let amplitude = 1;
  let total = 0;
  let period = cells;
  for (let o = 0; o < octaves; o++) {
    const px = Math.max(1, Math.round(period * anisotropy[0]));
    const py = Math.max(1, Math.round(period * anisotropy[1]));
    // Separate periods per axis: noise stretched along one direction (grain, brush strokes).
    sum += amplitude * valueNoiseXY(u * px, v * py, px, py, seed + o * 101);
    total += amplitude;
    amplitude *= 0.5;
    period *= 2;
  }
  return sum / total;
}

/** Value noise with its own period along each axis. */
export function valueNoiseXY(x: number, y: number, periodX: number, periodY: number, seed: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = smooth(x - x0);
  const fy = smooth(y - y0);
  const h = (i: number, j: number) => hash2(wrap(i, periodX), wrap(j, periodY), seed);
  const a = h(x0, y0);
  const b = h(x0 + 1, y0);
  const c = h(x0, y0 + 1);
  const d = h(x0 + 1, y0 + 1);
  return a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy;
}
