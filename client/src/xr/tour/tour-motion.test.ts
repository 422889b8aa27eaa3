import { describe, expect, it } from 'vitest';
import { fadeStep, lookStep, tourMotion } from './tour-motion.ts';

describe('tour motion, with and without prefers-reduced-motion', () => {
  it('fades through black and eases the camera normally', () => {
    const motion = tourMotion(false);
    expect(motion.fadeSeconds).toBeGreaterThan(0);
    expect(fadeStep(0, 1, 0.05, motion.fadeSeconds)).toBeGreaterThan(0);
    expect(fadeStep(0, 1, 0.05, motion.fadeSeconds)).toBeLessThan(1);
    expect(lookStep(0.05, motion.lookRate)).toBeLessThan(1);
  });

  it('cuts to the next view and jumps the camera when motion is reduced; a dissolve stays a short fade', () => {
    const motion = tourMotion(true);
    expect(fadeStep(0, 1, 0.001, motion.fadeSeconds)).toBe(1);
    expect(fadeStep(1, 0, 0.001, motion.fadeSeconds)).toBe(0);
    expect(lookStep(0.001, motion.lookRate)).toBe(1);
    expect(motion.dissolveSeconds).toBeLessThanOrEqual(0.15);
  });
});
