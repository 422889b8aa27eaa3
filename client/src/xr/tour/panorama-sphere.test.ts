import { describe, expect, it } from 'vitest';
import { createPanoramaGeometry } from './panorama-sphere.ts';
import { panoramaUv } from './tour-directions.ts';

describe('panorama sphere', () => {
  it('shows at each point the panorama pixel of its direction, seam included', () => {
    const geometry = createPanoramaGeometry(10, 32, 16);
    const position = geometry.getAttribute('position');
    const uv = geometry.getAttribute('uv');
    let checked = 0;
    for (let i = 0; i < position.count; i++) {
      const direction = [position.getX(i), position.getY(i), position.getZ(i)] as const;
      // At the poles every u is the same point.
      if (Math.hypot(direction[0], direction[2]) < 1e-6) continue;
      const expected = panoramaUv(direction);
      const u = uv.getX(i);
      // The seam's two columns are u = 0 and u = 1: the same pixel column.
      expect(Math.min(Math.abs(u - expected.u), Math.abs(Math.abs(u - expected.u) - 1))).toBeLessThan(1e-6);
      // Texture v counts from the bottom of the image, the panorama's v from its top.
      expect(uv.getY(i)).toBeCloseTo(1 - expected.v, 6);
      checked++;
    }
    expect(checked).toBeGreaterThan(400);
  });

  it('has no triangle that spans the whole panorama across the seam', () => {
    const geometry = createPanoramaGeometry(10, 32, 16);
    const uv = geometry.getAttribute('uv');
    const index = geometry.getIndex()!;
    for (let t = 0; t < index.count; t += 3) {
      const us = [0, 1, 2].map((k) => uv.getX(index.getX(t + k)));
      expect(Math.max(...us) - Math.min(...us)).toBeLessThan(2 / 32 + 1e-9);
    }
  });
});
