// Hard surfaces: tiles with grout, marble with veins, painted plaster, cabin plastics.
import { fbm, hash2 } from './noise.ts';
import { clamp01, mix, paint, shade, smoothstep, type Picture, type Rgb } from './image.ts';

/**
 * Tiles `across` × `down` per texture (stagger 0.5 for a running bond), each a little different;
 * `grout` is the joint's width as a fraction of the texture.
 */
export function tiles(size: number, across: number, down: number, face: Rgb, groutColour: Rgb, options: { stagger?: number; grout?: number; variation?: number; seed?: number; stone?: boolean } = {}): Picture {
  const seed = options.seed ?? 81;
  const stagger = options.stagger ?? 0;
  const grout = options.grout ?? 0.004;
  const variation = options.variation ?? 0.06;
  return paint(size, size, (u, v) => {
    const row = Math.floor(v * down);
    const x = u * across + (row % 2) * stagger;
    const col = Math.floor(x);
    const fx = x - col;
    const fy = v * down - row;
    const d = Math.min(Math.min(fx, 1 - fx) / across, Math.min(fy, 1 - fy) / down);
    const line = 1 - smoothstep(grout * 0.35, grout * 0.75, d);
    // A slight bevel: each tile darkens a touch towards its edge.
    const bevel = smoothstep(grout * 0.75, grout * 2.5, d);
    const tone = 1 + variation * (hash2(((col % across) + across) % across, row, seed) - 0.5) * 2;
    const cloud = options.stone ? fbm(u, v, 6, 5, seed + 3) : fbm(u, v, 24, 2, seed + 3);
    const c = shade(face, tone * (0.94 + 0.06 * bevel) * (options.stone ? 0.88 + 0.24 * cloud : 0.97 + 0.05 * cloud));
    return mix(c, groutColour, line);
  });
}

/** Marble: a pale ground with soft grey veins from ridged noise. */
export function marble(size: number, ground: Rgb, vein: Rgb, seed = 91): Picture {
  return paint(size, size, (u, v) => {
    const n = fbm(u, v, 3, 6, seed);
    const ridge = 1 - Math.abs(Math.sin((u * 2 + v + n * 3) * Math.PI * 2));
    const fine = 1 - Math.abs(fbm(u, v, 8, 4, seed + 9) * 2 - 1);
    const veins = clamp01(ridge ** 8 * 0.9 + fine ** 12 * 0.5);
    const cloud = fbm(u, v, 5, 3, seed + 4);
    return mix(shade(ground, 0.95 + 0.08 * cloud), vein, veins);
  });
}

/** Painted plaster or a matt panel: nearly flat, with a little roller texture. */
export function paintedPlaster(size: number, colour: Rgb, seed = 101, strength = 0.05): Picture {
  return paint(size, size, (u, v) => {
    const n = fbm(u, v, 32, 3, seed);
    const broad = fbm(u, v, 3, 2, seed + 1);
    return shade(colour, 1 - strength + strength * (n + broad));
  });
}

/** Wallpaper: a woven-grass look of fine horizontal threads with a faint vertical stripe. */
export function wallpaper(size: number, colour: Rgb, stripeColour: Rgb, stripesAcross: number, seed = 111): Picture {
  return paint(size, size, (u, v) => {
    const threads = fbm(u, v, 8, 5, seed, [1, 24]);
    const slub = hash2(0, Math.floor(v * size / 2), seed) * 0.06;
    const s = (u * stripesAcross) % 1;
    const stripe = smoothstep(0.44, 0.46, s) * (1 - smoothstep(0.54, 0.56, s));
    const c = mix(colour, stripeColour, stripe * 0.18);
    return shade(c, 0.95 + 0.07 * threads - slub * 0.5);
  });
}

/** Brushed metal: streaks along u. */
export function brushedMetal(size: number, colour: Rgb, seed = 121): Picture {
  return paint(size, size, (u, v) => shade(colour, 0.86 + 0.2 * fbm(u, v, 2, 6, seed, [1, 64])));
}
