// Cloth: carpet pile with a woven motif, linen, upholstery tweed, striped throws and seat fabric,
// from fine noise for fibres and a periodic weave.
import { fbm, hash2 } from './noise.ts';
import { clamp01, hex, mix, paint, shade, smoothstep, type Picture, type Rgb } from './image.ts';

const tau = Math.PI * 2;

/** A plain weave: threads crossing every `threads` per tile, with fibre noise. */
function weave(u: number, v: number, threads: number, seed: number): number {
  const warp = 0.5 + 0.5 * Math.sin(u * threads * tau);
  const weft = 0.5 + 0.5 * Math.sin(v * threads * tau);
  const over = (Math.floor(u * threads * 2) + Math.floor(v * threads * 2)) % 2 === 0 ? warp : weft;
  const fibre = fbm(u, v, threads / 2, 2, seed);
  return 0.6 * over + 0.4 * fibre;
}

/**
 * Carpet: dense loop pile, a soft heathered tone and a faint woven motif — a pattern that reads as
 * texture across a room rather than as tiles.
 */
export function carpet(size: number, base: Rgb, motif: Rgb, motifsAcross: number, seed = 11): Picture {
  return paint(size, size, (u, v) => {
    const pile = fbm(u, v, 128, 2, seed);
    const heather = fbm(u, v, 12, 3, seed + 3);
    const du = (u * motifsAcross) % 1;
    const dv = (v * motifsAcross) % 1;
    const a = (((du - dv) % 1) + 1) % 1;
    const b = (du + dv) % 1;
    const d = Math.min(a, 1 - a, b, 1 - b);
    const line = 1 - smoothstep(0.03, 0.09, d);
    let c = mix(base, motif, line * 0.28);
    c = shade(c, 0.84 + 0.2 * pile + 0.12 * (heather - 0.5));
    return c;
  });
}

/** Bed linen: nearly white with a fine weave. */
export function linen(size: number, colour: Rgb, seed = 21): Picture {
  return paint(size, size, (u, v) => {
    const w = weave(u, v, 96, seed);
    const cloud = fbm(u, v, 3, 3, seed + 1);
    return shade(colour, 0.93 + 0.07 * w + 0.04 * (cloud - 0.5));
  });
}

/** Upholstery tweed: two yarn colours flecked together. */
export function tweed(size: number, a: Rgb, b: Rgb, seed = 31): Picture {
  return paint(size, size, (u, v) => {
    const w = weave(u, v, 64, seed);
    const fleck = hash2(Math.floor(u * size), Math.floor(v * size), seed);
    const cloud = fbm(u, v, 6, 3, seed + 2);
    let c = mix(a, b, clamp01(0.3 * cloud + (fleck > 0.86 ? 0.7 : 0)));
    c = shade(c, 0.8 + 0.3 * w);
    return c;
  });
}

/** Woven stripes along u: a throw or a runner. */
export function stripes(size: number, colours: readonly Rgb[], widths: readonly number[], seed = 41): Picture {
  const total = widths.reduce((s, w) => s + w, 0);
  return paint(size, size, (u, v) => {
    let at = v * total;
    let k = 0;
    while (k < widths.length - 1 && at > widths[k]!) at -= widths[k++]!;
    const w = weave(u, v, 80, seed);
    return shade(colours[k % colours.length]!, 0.78 + 0.3 * w);
  });
}

/** Heavy curtain cloth: a slubby weave with threads along v. */
export function curtainCloth(size: number, colour: Rgb, seed = 51): Picture {
  return paint(size, size, (u, v) => {
    const slub = fbm(u, v, 8, 4, seed, [6, 1]);
    const w = weave(u, v, 72, seed + 4);
    return shade(colour, 0.78 + 0.18 * w + 0.18 * slub);
  });
}

/** Aircraft seat cloth: a dark base with a small repeating fleck motif. */
export function seatFabric(size: number, base: Rgb, accent: Rgb, seed = 61): Picture {
  return paint(size, size, (u, v) => {
    const w = weave(u, v, 90, seed);
    const cellU = (u * 14) % 1;
    const cellV = (v * 14 + (Math.floor(u * 14) % 2) * 0.5) % 1;
    const dot = 1 - smoothstep(0.12, 0.2, Math.hypot(cellU - 0.5, cellV - 0.5));
    const c = mix(base, accent, dot * 0.7);
    return shade(c, 0.78 + 0.32 * w);
  });
}

/** Leather: a fine cellular grain with faint creases. */
export function leather(size: number, colour: Rgb, seed = 71): Picture {
  return paint(size, size, (u, v) => {
    const pores = fbm(u, v, 96, 2, seed);
    const crease = Math.abs(fbm(u, v, 6, 4, seed + 5) - 0.5) * 2;
    const c = shade(colour, 0.86 + 0.16 * pores - 0.14 * (1 - smoothstep(0, 0.12, crease)));
    return c;
  });
}

export const LINEN_WHITE = hex('#f3f1ec');
