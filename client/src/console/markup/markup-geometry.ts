// Marks (the wire's LayerItem: a kind and normalised points) → SVG shapes in pixels of a picture of
// width×height. Sizes follow the picture (a hundredth of its long side), so markup looks the same on a
// thumbnail-sized video and on a 4000 px photo; text stays inside the picture.
import type { LayerItem, ScreenPoint } from '../../../../protocol/spatial.ts';

export interface MarkupScale {
  /** A hundredth of the picture's long side. */
  unit: number;
  stroke: number;
  font: number;
}

export interface ShapeText {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
}

type XY = [number, number];

export type Shape =
  | { kind: 'marker' | 'circle'; cx: number; cy: number; r: number; text: ShapeText | null }
  | { kind: 'arrow'; x1: number; y1: number; x2: number; y2: number; head: [XY, XY, XY]; text: ShapeText | null }
  | { kind: 'label'; cx: number; cy: number; r: number; text: ShapeText }
  | { kind: 'measurement'; x1: number; y1: number; x2: number; y2: number; ticks: [XY, XY][]; text: ShapeText | null };

export function markupScale(width: number, height: number): MarkupScale {
  const unit = Math.max(width, height) / 100;
  return { unit, stroke: Math.max(unit * 0.45, 1.5), font: Math.max(unit * 2.6, 11) };
}

/** One shape per item, in order. `textOf` supplies text an item does not carry (a measurement's distance). */
export function markupShapes(items: readonly LayerItem[], width: number, height: number, textOf: (item: LayerItem) => string | undefined = () => undefined): Shape[] {
  const scale = markupScale(width, height);
  return items.map((item) => itemShape(item, width, height, scale, item.label ?? textOf(item)));
}

export function itemShape(item: LayerItem, width: number, height: number, scale: MarkupScale, label: string | undefined): Shape {
  const toPx = (p: ScreenPoint): XY => [p.u * width, p.v * height];
  const [x, y] = toPx(item.points[0]!);
  const u = scale.unit;
  const beside = (text: string | undefined, px: number, py: number, gap: number): ShapeText | null => (text ? besideText(text, px, py, gap, width, height, scale) : null);
  switch (item.kind) {
    case 'marker':
      return { kind: 'marker', cx: x, cy: y, r: 1.4 * u, text: beside(label, x, y, 2.2 * u) };
    case 'circle': {
      const r = 6 * u;
      return { kind: 'circle', cx: x, cy: y, r, text: label ? clampText({ x, y: y - r - 0.8 * u, text: label, anchor: 'middle' }, width, height, scale) : null };
    }
    case 'label':
      return { kind: 'label', cx: x, cy: y, r: 0.7 * u, text: besideText(label ?? '', x, y, 1.6 * u, width, height, scale) };
    case 'arrow': {
      const head: XY = item.points[1] ? toPx(item.points[1]) : [x, y];
      const tail: XY = item.points[1] ? [x, y] : defaultTail(head, 9 * u, width, height);
      const [dx, dy] = direction(tail, head);
      const size = 2.8 * u;
      const base: XY = [head[0] - dx * size, head[1] - dy * size];
      const half = size * 0.6;
      return {
        kind: 'arrow',
        x1: tail[0],
        y1: tail[1],
        x2: base[0],
        y2: base[1],
        head: [head, [base[0] - dy * half, base[1] + dx * half], [base[0] + dy * half, base[1] - dx * half]],
        text: beside(label, tail[0], tail[1], 1.2 * u),
      };
    }
    case 'measurement': {
      const a: XY = [x, y];
      const b: XY = item.points[1] ? toPx(item.points[1]) : a;
      const [dx, dy] = direction(a, b);
      // The normal that points up the picture, so the text sits above the line.
      const [nx, ny] = dx >= 0 ? [dy, -dx] : [-dy, dx];
      const tick = 1.5 * u;
      const end = (p: XY): [XY, XY] => [
        [p[0] + nx * tick, p[1] + ny * tick],
        [p[0] - nx * tick, p[1] - ny * tick],
      ];
      const mid: XY = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      const text = label ? clampText({ x: mid[0] + nx * 2.2 * u, y: mid[1] + ny * 2.2 * u, text: label, anchor: 'middle' }, width, height, scale) : null;
      return { kind: 'measurement', x1: a[0], y1: a[1], x2: b[0], y2: b[1], ticks: [end(a), end(b)], text };
    }
  }
}

function direction(from: XY, to: XY): XY {
  const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
  return length === 0 ? [1, 0] : [(to[0] - from[0]) / length, (to[1] - from[1]) / length];
}

/** An arrow given only its head comes in from the upper left, or from wherever there is room. */
function defaultTail(head: XY, length: number, width: number, height: number): XY {
  const step = length / Math.SQRT2;
  return [head[0] - step >= 0 ? head[0] - step : Math.min(width, head[0] + step), head[1] - step >= 0 ? head[1] - step : Math.min(height, head[1] + step)];
}

/** Text to the right of a point, or to its left near the right edge. */
function besideText(text: string, x: number, y: number, gap: number, width: number, height: number, scale: MarkupScale): ShapeText {
  const right = x <= width * 0.7;
  return clampText({ x: right ? x + gap : x - gap, y: y + scale.font * 0.35, text, anchor: right ? 'start' : 'end' }, width, height, scale);
}

function clampText(text: ShapeText, width: number, height: number, scale: MarkupScale): ShapeText {
  return { ...text, x: Math.min(Math.max(text.x, 0), width), y: Math.min(Math.max(text.y, scale.font), height - scale.font * 0.3) };
}
