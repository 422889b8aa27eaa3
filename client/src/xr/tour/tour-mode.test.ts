import { describe, expect, it } from 'vitest';
import { hasThreeD, pickTourMode, shownMode, tourContent, type DeviceCapabilities } from './tour-mode.ts';

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

  it('counts a splat capture as 3D content: a splat-only tour is 3D only, on any device', () => {
    const viewpoint = { id: 'door', title: 'Door', position: [0, 1.6, 0] as [number, number, number], yaw: 0, pitch: 0 };
    const viewpoints = [viewpoint];
    expect(hasThreeD({ splat: 'capture.spz' })).toBe(true);
    expect(hasThreeD({})).toBe(false);
    const splatOnly = tourContent({ splat: 'capture.ply', viewpoints });
    expect(splatOnly).toEqual({ hasScene: true, hasPanoramas: false });
    expect(pickTourMode(splatOnly, { ...strong, deviceMemoryGb: 2 })).toBe('3d');
    expect(shownMode('panorama', {}, hasThreeD({ splat: 'capture.ply' }))).toBe('3d');
    expect(pickTourMode(tourContent({ splat: 'capture.ply', viewpoints: [{ ...viewpoint, panorama: 'a.webp' }] }), strong)).toBe('3d');
  });
});
