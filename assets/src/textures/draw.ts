// Simple shapes painted onto a picture, antialiased by coverage: panels, handles, lamps, placards.
import type { Picture, Rgb } from './image.ts';

function put(p: Picture, x: number, y: number, c: Rgb, a: number): void {
  if (x < 0 || y < 0 || x >= p.width || y >= p.height || a <= 0) return;
  const i = (y * p.width + x) * 3;
  for (let k = 0; k < 3; k++) p.data[i + k] = p.data[i + k]! + (c[k]! - p.data[i + k]!) * Math.min(1, a);
}

/** A rounded rectangle in pixels, filled (and, with `line`, only its outline `line` px wide). */
export function roundRect(p: Picture, x0: number, y0: number, x1: number, y1: number, r: number, c: Rgb, options: { line?: number; alpha?: number } = {}): void {
  const alpha = options.alpha ?? 1;
  const inside = (x: number, y: number, shrink: number) => {
    const rr = Math.max(0, r - shrink);
    const ax = x0 + shrink;
    const bx = x1 - shrink;
    const ay = y0 + shrink;
    const by = y1 - shrink;
    const cx = Math.min(Math.max(x, ax + rr), bx - rr);
    const cy = Math.min(Math.max(y, ay + rr), by - rr);
    return Math.hypot(x - cx, y - cy) - rr;
  };
  for (let y = Math.floor(y0) - 1; y <= Math.ceil(y1) + 1; y++) {
    for (let x = Math.floor(x0) - 1; x <= Math.ceil(x1) + 1; x++) {
      const d = inside(x + 0.5, y + 0.5, 0);
      let a = Math.min(1, Math.max(0, 0.5 - d));
      if (options.line !== undefined) a *= Math.min(1, Math.max(0, 0.5 + inside(x + 0.5, y + 0.5, options.line)));
      put(p, x, y, c, a * alpha);
    }
  }
}

export function circle(p: Picture, cx: number, cy: number, r: number, c: Rgb, alpha = 1): void {
  roundRect(p, cx - r, cy - r, cx + r, cy + r, r, c, { alpha });
}

/** A soft vertical gradient over a rectangle: light from above on a panel. */
export function shadeRect(p: Picture, x0: number, y0: number, x1: number, y1: number, top: Rgb, bottom: Rgb): void {
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(p.height, Math.ceil(y1)); y++) {
    const t = (y - y0) / Math.max(1, y1 - y0);
    const c: Rgb = [top[0] + (bottom[0] - top[0]) * t, top[1] + (bottom[1] - top[1]) * t, top[2] + (bottom[2] - top[2]) * t];
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(p.width, Math.ceil(x1)); x++) put(p, x, y, c, 1);
  }
}

/** Copies a smaller picture onto this one with its top-left corner at (x, y). */
export function stamp(p: Picture, small: Picture, x: number, y: number): void {
  for (let j = 0; j < small.height; j++) {
    for (let i = 0; i < small.width; i++) {
      const k = (j * small.width + i) * 3;
      put(p, x + i, y + j, [small.data[k]!, small.data[k + 1]!, small.data[k + 2]!], 1);
    }
  }
}
