import { describe, expect, it } from 'vitest';
import { lookFromTo } from '../../xr/tour/tour-directions.ts';
import { frameHotspot } from './card-framing.ts';

describe('framing a hotspot beside its card', () => {
  const eye: [number, number, number] = [0, 1.6, 0];
  const point: [number, number, number] = [-2, 1.6, -2];
  const straight = lookFromTo(eye, point);

  it('on a phone, looks lower so the hotspot sits above the bottom sheet', () => {
    const look = frameHotspot(eye, point, 'bottom-sheet', 390 / 844);
    expect(look.yaw).toBeCloseTo(straight.yaw, 9);
    expect(look.pitch).toBeLessThan(straight.pitch - 15);
  });

  it('on a wide screen, turns right so the hotspot sits left of the side card', () => {
    const look = frameHotspot(eye, point, 'side-card', 1440 / 900);
    expect(look.pitch).toBeCloseTo(straight.pitch, 9);
    expect(look.yaw).toBeLessThan(straight.yaw - 5);
  });
});
