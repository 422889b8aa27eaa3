// The first view's files: a preview in both modes where the viewpoint has a panorama, then the full
// panorama or the scene; a deep link's viewpoint rather than the start.
import { describe, expect, it } from 'vitest';
import type { TourManifest } from '../../../../protocol/tour.ts';
import { firstViewFiles, previewUrlOf } from './first-view.ts';

const tour = {
  scene: 'scene.glb',
  start: 'door',
  viewpoints: [
    { id: 'door', title: 'Door', position: [0, 1.6, 2], yaw: 0, pitch: 0, panorama: 'pano-door.webp' },
    { id: 'window', title: 'Window', position: [0, 1.6, -2], yaw: 180, pitch: 0 },
  ],
} as unknown as TourManifest;

describe('first view files', () => {
  it('shows the start panorama\'s preview first, then the full panorama or the scene', () => {
    expect(firstViewFiles(tour, 'panorama')).toEqual({ preview: 'pano-door.webp', panorama: 'pano-door.webp', scene: null });
    expect(firstViewFiles(tour, '3d')).toEqual({ preview: 'pano-door.webp', panorama: null, scene: 'scene.glb' });
  });

  it('follows a deep link; a viewpoint without a panorama is the scene alone', () => {
    expect(firstViewFiles(tour, 'panorama', { node: 'window' })).toEqual({ preview: null, panorama: null, scene: 'scene.glb' });
    expect(firstViewFiles(tour, '3d', { node: 'nowhere' }).preview).toBe('pano-door.webp');
  });

  it('asks the server for a panorama\'s preview by a query', () => {
    expect(previewUrlOf('https://x.test/tours/a/pano.webp')).toBe('https://x.test/tours/a/pano.webp?preview');
  });
});
