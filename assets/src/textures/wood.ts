// Wood: floor planks in staggered boards, and veneer for furniture, from stretched noise (the grain)
// and bands bent by noise (the growth rings).
import { fbm, hash2 } from './noise.ts';
import { clamp01, hex, mix, paint, shade, smoothstep, type Picture, type Rgb } from './image.ts';

export interface WoodTones {
  light: Rgb;
  dark: Rgb;
}

export const OAK: WoodTones = { light: hex('#c4a47e'), dark: hex('#8c6c4b') };
export const WALNUT: WoodTones = { light: hex('#8a6042'), dark: hex('#4a2f1e') };
export const ASH: WoodTones = { light: hex('#ddc5a2'), dark: hex('#b08d63') };

/** Grain intensity at (u, v) of a board whose grain runs along u; `seed` picks the board. */
function grain(u: number, v: number, seed: number, ringsAcross: number): number {
  // Long streaks along the grain, growth rings as gently wavy lines, fine pores.
  const streaks = fbm(u, v, 1, 5, seed, [2, 40]);
  const warp = fbm(u, v, 2, 3, seed + 7, [1, 3]);
  const rings = 0.5 + 0.5 * Math.sin((v * ringsAcross + warp * 1.2 + streaks * 0.4) * Math.PI * 2);
  const pores = fbm(u, v, 8, 2, seed + 11, [4, 64]);
  return clamp01(0.45 * streaks + 0.35 * rings ** 4 + 0.2 * pores);
}

/**
 * Floor planks: `rows` boards across the tile (grain along u), each row broken once at a random
 * place; the tile repeats without a seam.
 */
export function woodPlanks(size: number, rows: number, tones: WoodTones, seed = 1): Picture {
  const gap = 1.2 / size;
  return paint(size, size, (u, v) => {
    const row = Math.floor(v * rows);
    const inRow = v * rows - row;
    const joint = hash2(row, 0, seed);
    const board = u < joint ? row * 2 : row * 2 + 1;
    // Boards differ in tone, as real planks do.
    const tone = 0.82 + 0.3 * hash2(board, 1, seed);
    const g = grain(u, v, seed + board * 13, rows * 4);
    let c = mix(tones.dark, tones.light, clamp01(0.25 + 0.75 * (1 - g)));
    c = shade(c, tone);
    // Bevelled edges: a dark line between rows and at each row's joint.
    const edge = Math.min(inRow, 1 - inRow) / rows;
    const jointDistance = Math.min(Math.abs(u - joint), 1 - Math.abs(u - joint));
    const line = 1 - smoothstep(gap * 0.5, gap * 2.2, Math.min(edge, jointDistance));
    return mix(c, shade(tones.dark, 0.45), line * 0.85);
  });
}

/** Continuous veneer for furniture: fine grain along u, no boards. */
export function woodVeneer(size: number, tones: WoodTones, seed = 2): Picture {
  return paint(size, size, (u, v) => {
    const g = grain(u, v, seed, 22);
    return mix(tones.dark, tones.light, clamp01(0.15 + 0.85 * (1 - g)));
  });
}
