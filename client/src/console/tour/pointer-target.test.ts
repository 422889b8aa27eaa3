// Placing the agent's pointer: the fallback point along the ray and rounding (pixel to device
// coordinates: xr/tour/device-coords.test.ts).
import { describe, expect, it } from 'vitest';
import { pointAlong, roundTarget, targetText } from './pointer-target.ts';

describe('pointer target', () => {
  it('sits 3 m along the ray when nothing is hit, whatever the direction’s length', () => {
    expect(pointAlong([1, 1.6, 0], [0, 0, -10])).toEqual([1, 1.6, -3]);
    const [x, y, z] = pointAlong([0, 0, 0], [1, 1, 0], 2);
    expect(Math.hypot(x, y, z)).toBeCloseTo(2, 9);
    expect(pointAlong([0, 0, 0], [0, 0, 0])).toEqual([0, 0, 0]);
  });

  it('is sent to the centimetre, without a negative zero', () => {
    expect(roundTarget([1.23456, -0.0001, 19.8549])).toEqual([1.23, 0, 19.85]);
    expect(Object.is(roundTarget([-0.001, 0, 0])[0], 0)).toBe(true);
    expect(targetText([1.23, 0, -2])).toBe('1.23,0,-2');
    expect(targetText(null)).toBe('');
  });
});
