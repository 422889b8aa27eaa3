// An RGB picture as floating-point sRGB values in [0, 1], which the texture makers paint into and
// which is encoded as WebP at the edge; plus the colour arithmetic they share.

export type Rgb = readonly [number, number, number];

export interface Picture {
  width: number;
  height: number;
  /** sRGB, 3 values a pixel, row by row from the top. */
  data: Float32Array;
}

export function createPicture(width: number, height: number, fill: Rgb = [0, 0, 0]): Picture {
  const data = new Float32Array(width * height * 3);
  for (let i = 0; i < data.length; i += 3) data.set(fill, i);
  return { width, height, data };
}

/** Fills every pixel from a function of its centre's (u, v) in [0, 1). */
export function paint(width: number, height: number, colour: (u: number, v: number, x: number, y: number) => Rgb): Picture {
  const picture = createPicture(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = colour((x + 0.5) / width, (y + 0.5) / height, x, y);
      picture.data.set(c, (y * width + x) * 3);
    }
  }
  return picture;
}

export function hex(value: string): Rgb {
  const n = Number.parseInt(value.replace('#', ''), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

export function shade(c: Rgb, f: number): Rgb {
  return [c[0] * f, c[1] * f, c[2] * f];
}

export function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

export function smoothstep(a: number, b: number, x: number): number {
  const t = clamp01((x - a) / (b - a));
  return t * t * (3 - 2 * t);
}

export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function linearToSrgb(c: number): number {
  return c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055;
}

/** The picture's average colour in linear light: how much light a surface wearing it reflects. */
export function meanLinear(picture: Picture): Rgb {
  const sum = [0, 0, 0];
  for (let i = 0; i < picture.data.length; i += 3) {
    for (let k = 0; k < 3; k++) sum[k]! += srgbToLinear(clamp01(picture.data[i + k]!));
  }
  const n = picture.width * picture.height;
  return [sum[0]! / n, sum[1]! / n, sum[2]! / n];
}

export function toBytes(picture: Picture): Uint8Array {
  const out = new Uint8Array(picture.data.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(clamp01(picture.data[i]!) * 255);
  return out;
}

/** Draws `top` over `base` where `mask` (0–1 per pixel) says; pictures of one size. */
export function blendInto(base: Picture, top: Rgb | ((x: number, y: number) => Rgb), mask: (x: number, y: number) => number): void {
  for (let y = 0; y < base.height; y++) {
    for (let x = 0; x < base.width; x++) {
      const m = mask(x, y);
      if (m <= 0) continue;
      const i = (y * base.width + x) * 3;
      const c = typeof top === 'function' ? top(x, y) : top;
      for (let k = 0; k < 3; k++) base.data[i + k] = base.data[i + k]! + (c[k]! - base.data[i + k]!) * Math.min(1, m);
    }
  }
}
