// Things with a picture on them: framed art, a switched-off screen, a mirror, and signs lettered in
// a small bitmap font (no fonts are read from the system).
import { fbm, random } from './noise.ts';
import { blendInto, clamp01, hex, mix, paint, shade, smoothstep, type Picture, type Rgb } from './image.ts';

/** An abstract painting: soft colour fields brushed over a canvas weave, with a white mount. */
export function abstractArt(width: number, height: number, palette: readonly Rgb[], seed = 7): Picture {
  const rand = random(seed);
  const fields = Array.from({ length: 5 }, () => ({ x: rand(), y: rand(), r: 0.2 + rand() * 0.35, c: palette[Math.floor(rand() * palette.length)]! }));
  const mount = 0.07;
  return paint(width, height, (u, v) => {
    if (u < mount || u > 1 - mount || v < mount * (width / height) || v > 1 - mount * (width / height)) return hex('#f4f2ed');
    let c: Rgb = palette[0]!;
    for (const f of fields) {
      const stroke = fbm(u, v, 6, 4, seed + 3, [1, 4]);
      const d = Math.hypot(u - f.x, (v - f.y) * 0.8) + (stroke - 0.5) * 0.15;
      c = mix(c, f.c, 1 - smoothstep(f.r * 0.6, f.r, d));
    }
    const canvas = 0.94 + 0.06 * fbm(u, v, 128, 1, seed + 9);
    return shade(c, canvas);
  });
}

/** A television switched off: near-black glass with a faint diagonal reflection. */
export function darkScreen(width: number, height: number): Picture {
  return paint(width, height, (u, v) => {
    const sheen = Math.exp(-(((u - v * 0.6 - 0.2) / 0.25) ** 2)) * 0.07;
    const edge = 1 - smoothstep(0, 0.015, Math.min(u, 1 - u, v, 1 - v));
    return mix([0.035 + sheen, 0.04 + sheen, 0.05 + sheen * 1.2], [0.02, 0.02, 0.02], edge);
  });
}

/** A mirror's look without reflections: pale silver, a soft sheen across, a bevelled edge. */
export function mirrorGlass(width: number, height: number): Picture {
  return paint(width, height, (u, v) => {
    const streak = fbm(u, v, 3, 4, 17, [4, 1]);
    const sheen = Math.exp(-(((u * 0.7 + v * 0.5 - 0.55) / 0.22) ** 2));
    const edge = 1 - smoothstep(0.0, 0.02, Math.min(u, 1 - u, v, 1 - v));
    const c = mix(hex('#b9c4c8'), hex('#e9eef0'), clamp01(0.25 + 0.5 * sheen + 0.15 * streak - 0.15 * v));
    return mix(c, hex('#8d999e'), edge);
  });
}

const FONT: Record<string, readonly string[]> = {
  E: ['11111', '10000', '10000', '11110', '10000', '10000', '11111'],
  X: ['10001', '10001', '01010', '00100', '01010', '10001', '10001'],
  I: ['11111', '00100', '00100', '00100', '00100', '00100', '11111'],
  T: ['11111', '00100', '00100', '00100', '00100', '00100', '00100'],
  W: ['10001', '10001', '10001', '10101', '10101', '10101', '01010'],
  C: ['01110', '10001', '10000', '10000', '10000', '10001', '01110'],
  ' ': ['00000', '00000', '00000', '00000', '00000', '00000', '00000'],
};

/** A lit sign: `text` in the bitmap font, centred, `ink` on `ground`. */
export function sign(width: number, height: number, text: string, ground: Rgb, ink: Rgb): Picture {
  const p = paint(width, height, () => ground);
  const glyphs = [...text].map((ch) => FONT[ch] ?? FONT[' ']!);
  const cell = Math.floor(Math.min(height * 0.6 / 7, (width * 0.85) / (glyphs.length * 6)));
  const x0 = Math.floor((width - (glyphs.length * 6 - 1) * cell) / 2);
  const y0 = Math.floor((height - 7 * cell) / 2);
  blendInto(p, ink, (x, y) => {
    const gx = Math.floor((x - x0) / cell);
    const gy = Math.floor((y - y0) / cell);
    if (gy < 0 || gy >= 7 || gx < 0) return 0;
    const glyph = glyphs[Math.floor(gx / 6)];
    const col = gx % 6;
    return glyph && col < 5 && glyph[gy]![col] === '1' ? 1 : 0;
  });
  return p;
}
