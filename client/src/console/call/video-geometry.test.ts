import { describe, expect, it } from 'vitest';
import { clickToScreenPoint, containedBox, screenPointToClient } from './video-geometry.ts';

const element = { left: 100, top: 50, width: 800, height: 450 };

describe('video geometry (object-fit: contain)', () => {
  it('fills a box of the same aspect ratio', () => {
    expect(containedBox(element, 1280, 720)).toEqual(element);
  });

  it('pillarboxes a portrait picture: bars left and right', () => {
    // 720×1280 scaled to 450 px high is 253.125 px wide, centred.
    expect(containedBox(element, 720, 1280)).toEqual({ left: 100 + (800 - 253.125) / 2, top: 50, width: 253.125, height: 450 });
  });

  it('letterboxes a wide picture: bars above and below', () => {
    expect(containedBox(element, 1600, 400)).toEqual({ left: 100, top: 50 + (450 - 200) / 2, width: 800, height: 200 });
  });

  it('has no content before the first frame or with an empty element', () => {
    expect(containedBox(element, 0, 0)).toBeNull();
    expect(containedBox({ left: 0, top: 0, width: 0, height: 300 }, 640, 480)).toBeNull();
    expect(clickToScreenPoint({ x: 200, y: 200 }, element, 0, 0)).toBeNull();
  });

  it('maps a click to the normalised point of the picture, not of the element', () => {
    // Portrait 720×1280: content spans x 373.4375 … 626.5625.
    expect(clickToScreenPoint({ x: 500, y: 275 }, element, 720, 1280)).toEqual({ u: 0.5, v: 0.5 });
    const p = clickToScreenPoint({ x: 373.4375 + 253.125 * 0.25, y: 50 + 450 * 0.9 }, element, 720, 1280);
    expect(p?.u).toBeCloseTo(0.25, 10);
    expect(p?.v).toBeCloseTo(0.9, 10);
    expect(clickToScreenPoint({ x: 100, y: 50 }, element, 1280, 720)).toEqual({ u: 0, v: 0 });
    expect(clickToScreenPoint({ x: 900, y: 500 }, element, 1280, 720)).toEqual({ u: 1, v: 1 });
  });

  it('ignores clicks on the bars', () => {
    expect(clickToScreenPoint({ x: 150, y: 275 }, element, 720, 1280)).toBeNull();
    expect(clickToScreenPoint({ x: 850, y: 275 }, element, 720, 1280)).toBeNull();
    expect(clickToScreenPoint({ x: 500, y: 60 }, element, 1600, 400)).toBeNull();
  });

  it('maps a point of the picture back to where it is drawn', () => {
    for (const [w, h] of [[1280, 720], [720, 1280], [1600, 400], [640, 480]] as const) {
      for (const point of [{ u: 0, v: 0 }, { u: 0.3, v: 0.7 }, { u: 1, v: 1 }]) {
        const at = screenPointToClient(point, element, w, h);
        expect(at).not.toBeNull();
        const back = clickToScreenPoint(at!, element, w, h);
        expect(back?.u).toBeCloseTo(point.u, 10);
        expect(back?.v).toBeCloseTo(point.v, 10);
      }
    }
  });
});
