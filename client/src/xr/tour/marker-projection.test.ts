import { describe, expect, it } from 'vitest';
import { placeMarkers, type Box, type MarkerSpot } from './marker-projection.ts';

/** A hotspot's name below its 40 px dot, as tour-renderer.css puts it; a link's above its 52 px arrow. */
const BELOW: Box = { left: -40, right: 40, top: 26, bottom: 48 };
const ABOVE: Box = { left: -50, right: 50, top: -58, bottom: -32 };
const hotspot = (x: number, y: number, more: Partial<MarkerSpot> = {}): MarkerSpot => ({ x, y, depth: 0.5, priority: 1, radius: 24, label: null, ...more });
const link = (x: number, y: number, more: Partial<MarkerSpot> = {}): MarkerSpot => ({ x, y, depth: 0.5, priority: 0, radius: 30, label: ABOVE, ...more });

describe('placing markers', () => {
  it('shows markers and their names where nothing overlaps', () => {
    expect(placeMarkers([hotspot(100, 100), link(400, 400), hotspot(200, 100, { label: BELOW, priority: 0 })])).toEqual([
      { shown: true, labelHidden: false },
      { shown: true, labelHidden: false },
      { shown: true, labelHidden: false },
    ]);
  });

  it('leaves out a marker whose dot would touch one placed first: by priority, then the nearer', () => {
    const [far, near, first] = placeMarkers([hotspot(100, 100, { depth: 0.9 }), hotspot(140, 110, { depth: 0.8 }), hotspot(500, 500)]);
    expect([far!.shown, near!.shown, first!.shown]).toEqual([false, true, true]);
    const [low, high] = placeMarkers([hotspot(100, 100, { depth: 0.1 }), link(130, 100)]);
    expect([low!.shown, high!.shown]).toEqual([false, true]);
  });

  it('leaves out a marker under a control over the view, and hides a name that would run under one', () => {
    // A toolbar across the bottom (y 420–480): a link whose arrow reaches into it is left out, even
    // placed first; a hotspot just above keeps its dot, and its name below would run under the toolbar.
    const toolbar: Box = { left: 0, right: 640, top: 420, bottom: 480 };
    const placed = placeMarkers([link(300, 430, { label: null }), hotspot(100, 380, { priority: 0, label: BELOW }), hotspot(500, 200)], [toolbar]);
    expect(placed).toEqual([
      { shown: false, labelHidden: false },
      { shown: true, labelHidden: true },
      { shown: true, labelHidden: false },
    ]);
  });

  it('hides the later of two names that would overlap, keeping both markers', () => {
    // Two links side by side, 70 px apart: their arrows clear each other, their names do not.
    const placed = placeMarkers([link(100, 300, { depth: 0.4 }), link(170, 300, { depth: 0.6 })]);
    expect(placed).toEqual([{ shown: true, labelHidden: false }, { shown: true, labelHidden: true }]);
  });

  it('hides an open hotspot\'s name rather than lay it over a dot placed before it', () => {
    // The link is placed first (same priority, nearer); the hotspot's name below would cover its arrow.
    const placed = placeMarkers([hotspot(300, 240, { priority: 0, label: BELOW, depth: 0.7 }), link(300, 310, { depth: 0.3, label: null })]);
    expect(placed).toEqual([{ shown: true, labelHidden: true }, { shown: true, labelHidden: false }]);
  });

  it('keeps dots off a name on show, and names never overlap whatever the crowd', () => {
    const spots: MarkerSpot[] = [];
    for (let i = 0; i < 40; i++) spots.push(i % 3 ? hotspot(100 + ((i * 37) % 300), 100 + ((i * 53) % 200), { depth: i / 40, label: i % 5 === 0 ? BELOW : null }) : link(100 + ((i * 61) % 300), 150 + ((i * 29) % 200), { depth: i / 40 }));
    const placed = placeMarkers(spots);
    const labels = spots.flatMap((s, i) => (placed[i]!.shown && s.label && !placed[i]!.labelHidden ? [{ left: s.x + s.label.left, right: s.x + s.label.right, top: s.y + s.label.top, bottom: s.y + s.label.bottom }] : []));
    const dots = spots.filter((_, i) => placed[i]!.shown);
    expect(labels.length).toBeGreaterThan(1);
    for (const [a, l] of labels.entries()) {
      for (const m of labels.slice(a + 1)) expect(l.left < m.right && m.left < l.right && l.top < m.bottom && m.top < l.bottom).toBe(false);
      for (const d of dots) expect(d.x + d.radius > l.left && d.x - d.radius < l.right && d.y + d.radius > l.top && d.y - d.radius < l.bottom).toBe(false);
    }
    for (const [a, d] of dots.entries()) for (const e of dots.slice(a + 1)) expect(Math.hypot(d.x - e.x, d.y - e.y)).toBeGreaterThanOrEqual(d.radius + e.radius);
  });
});
