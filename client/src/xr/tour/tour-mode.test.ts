import { describe, expect, it } from 'vitest';
import { pickTourMode, shownMode, type DeviceCapabilities } from './tour-mode.ts';

const strong: DeviceCapabilities = { webgl2: true, deviceMemoryGb: 8, saveData: false, maxTextureSize: 8192 };
const both = { hasScene: true, hasPanoramas: true };

describe('picking the tour mode', () => {
  it('shows 3D where the device can carry it', () => {
    expect(pickTourMode(both, strong)).toBe('3d');
    expect(pickTourMode(both, { ...strong, deviceMemoryGb: null })).toBe('3d');
  });

  it('shows panoramas on weak devices: no WebGL2, under 4 GB, data saver', () => {
    expect(pickTourMode(both, { ...strong, webgl2: false })).toBe('panorama');
    expect(pickTourMode(both, { ...strong, deviceMemoryGb: 2 })).toBe('panorama');
    expect(pickTourMode(both, { ...strong, saveData: true })).toBe('panorama');
  });

  it('follows what the tour has', () => {
    expect(pickTourMode({ hasScene: false, hasPanoramas: true }, strong)).toBe('panorama');
    expect(pickTourMode({ hasScene: true, hasPanoramas: false }, { ...strong, webgl2: false })).toBe('3d');
  });

  it('shows a viewpoint without a panorama in 3D, and a tour without a scene as panoramas', () => {
    expect(shownMode('panorama', { panorama: 'a.webp' }, true)).toBe('panorama');
    expect(shownMode('panorama', {}, true)).toBe('3d');
    expect(shownMode('3d', { panorama: 'a.webp' }, false)).toBe('panorama');
    expect(shownMode('3d', {}, true)).toBe('3d');
  });
});
