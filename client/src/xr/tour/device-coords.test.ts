// Pixel to device coordinates: centre is 0,0, y up, and an element of no size does not divide by zero.
import { describe, expect, it } from 'vitest';
import { toDeviceCoords } from './device-coords.ts';

describe('device coordinates', () => {
  it('turns a click into device coordinates, y up', () => {
    const rect = { left: 100, top: 50, width: 800, height: 400 };
    expect(toDeviceCoords(500, 250, rect)).toEqual([0, 0]);
    expect(toDeviceCoords(100, 50, rect)).toEqual([-1, 1]);
    expect(toDeviceCoords(900, 450, rect)).toEqual([1, -1]);
  });

  it('stays finite for an element not laid out yet', () => {
    expect(toDeviceCoords(0, 0, { left: 0, top: 0, width: 0, height: 0 })).toEqual([-1, 1]);
  });
});
