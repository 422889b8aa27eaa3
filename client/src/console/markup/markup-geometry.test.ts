import { describe, expect, it } from 'vitest';
import type { LayerItem } from '../../../../protocol/spatial.ts';
import { markupScale, markupShapes, type Shape } from './markup-geometry.ts';

const W = 2000;
const H = 1000;
const one = (item: LayerItem, textOf?: (item: LayerItem) => string | undefined): Shape => markupShapes([item], W, H, textOf)[0]!;

describe('markup geometry', () => {
  it('scales with the long side of the picture', () => {
    expect(markupScale(2000, 1000).unit).toBe(20);
    expect(markupScale(1000, 2000).unit).toBe(20);
    expect(markupScale(100, 50).font).toBe(11);
  });

  it('puts markers and circles at their centre in pixels', () => {
    expect(one({ kind: 'marker', points: [{ u: 0.5, v: 0.25 }] })).toEqual({ kind: 'marker', cx: 1000, cy: 250, r: 28, text: null });
    const circle = one({ kind: 'circle', points: [{ u: 0.1, v: 0.5 }], label: 'Dent' });
    expect(circle).toMatchObject({ kind: 'circle', cx: 200, cy: 500, r: 120 });
    expect(circle.text).toMatchObject({ text: 'Dent', anchor: 'middle', x: 200 });
    expect(circle.text!.y).toBeLessThan(500 - 120);
  });

  it('draws a two-point arrow from tail to a head that ends at the point', () => {
    const arrow = one({ kind: 'arrow', points: [{ u: 0, v: 0.5 }, { u: 0.5, v: 0.5 }] });
    if (arrow.kind !== 'arrow') throw new Error('not an arrow');
    expect(arrow.head[0]).toEqual([1000, 500]);
    expect([arrow.x1, arrow.y1]).toEqual([0, 500]);
    // The shaft stops at the base of the head so its stroke does not poke through the tip.
    expect(arrow.x2).toBeCloseTo(1000 - 2.8 * 20, 10);
    expect(arrow.head[1][0]).toBeCloseTo(arrow.x2, 10);
    expect(Math.abs(arrow.head[1][1] - arrow.head[2][1])).toBeCloseTo(2 * 0.6 * 2.8 * 20, 10);
  });

  it('gives a one-point arrow a tail inside the picture, even at an edge', () => {
    for (const point of [{ u: 0.5, v: 0.5 }, { u: 0, v: 0 }, { u: 1, v: 1 }]) {
      const arrow = one({ kind: 'arrow', points: [point] });
      if (arrow.kind !== 'arrow') throw new Error('not an arrow');
      expect(arrow.head[0]).toEqual([point.u * W, point.v * H]);
      expect(arrow.x1).toBeGreaterThanOrEqual(0);
      expect(arrow.x1).toBeLessThanOrEqual(W);
      expect(arrow.y1).toBeGreaterThanOrEqual(0);
      expect(arrow.y1).toBeLessThanOrEqual(H);
      expect(Math.hypot(arrow.x1 - point.u * W, arrow.y1 - point.v * H)).toBeGreaterThan(100);
    }
  });

  it('writes labels beside their point, to the left near the right edge, inside the picture', () => {
    expect(one({ kind: 'label', points: [{ u: 0.2, v: 0.5 }], label: 'Crack' }).text).toMatchObject({ text: 'Crack', anchor: 'start', x: 400 + 32 });
    expect(one({ kind: 'label', points: [{ u: 0.9, v: 0.5 }], label: 'Crack' }).text).toMatchObject({ anchor: 'end', x: 1800 - 32 });
    const top = one({ kind: 'label', points: [{ u: 0.5, v: 0 }], label: 'Top' }).text!;
    expect(top.y).toBeGreaterThanOrEqual(markupScale(W, H).font);
  });

  it('draws a measurement with end ticks and its distance above the middle', () => {
    const m = one({ kind: 'measurement', points: [{ u: 0.25, v: 0.5 }, { u: 0.75, v: 0.5 }], refId: 'measure-1' }, (item) => (item.refId === 'measure-1' ? '1.00 m ± 1.2 cm' : undefined));
    if (m.kind !== 'measurement') throw new Error('not a measurement');
    expect([m.x1, m.y1, m.x2, m.y2]).toEqual([500, 500, 1500, 500]);
    expect(m.ticks).toHaveLength(2);
    const [[start, end]] = m.ticks as [[[number, number], [number, number]]];
    expect(start[0]).toBeCloseTo(500, 10);
    expect(Math.abs(start[1] - end[1])).toBeCloseTo(60, 10);
    expect(m.text).toMatchObject({ text: '1.00 m ± 1.2 cm', anchor: 'middle', x: 1000 });
    expect(m.text!.y).toBeLessThan(500);
    // Right to left, the text still goes above the line.
    const back = one({ kind: 'measurement', points: [{ u: 0.75, v: 0.5 }, { u: 0.25, v: 0.5 }], label: 'x' });
    expect(back.text!.y).toBeLessThan(500);
  });

  it('keeps the item text over text from elsewhere, and one shape per item', () => {
    const items: LayerItem[] = [
      { kind: 'marker', points: [{ u: 0.1, v: 0.1 }], label: 'A' },
      { kind: 'measurement', points: [{ u: 0.2, v: 0.2 }], label: 'own', refId: 'm' },
    ];
    const shapes = markupShapes(items, W, H, () => 'fallback');
    expect(shapes.map((s) => s.kind)).toEqual(['marker', 'measurement']);
    expect(shapes[1]!.text?.text).toBe('own');
  });
});
