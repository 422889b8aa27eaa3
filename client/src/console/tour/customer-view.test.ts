// The console's reading of the customer's pose: the view to render and the words for the status line.
import { describe, expect, it } from 'vitest';
import { applyLanguage } from '../../i18n/i18n.ts';
import { readTour, type TourManifest } from '../../../../protocol/tour.ts';
import type { TourPoseMessage } from '../../xr/tour/tour-sync.ts';
import { describeCustomer, lookWords, modeOfPose, viewOfPose } from './customer-view.ts';

function cabin(scene = true): TourManifest {
  const reading = readTour({
    version: 1, id: 'sample', kind: 'cabin', title: 'Sample cabin', ...(scene ? { scene: 'scene.glb' } : {}), start: 'aisle',
    viewpoints: [
      { id: 'aisle', title: 'Aisle by row 20', position: [0, 1.6, 0], yaw: 30, pitch: -5, panorama: 'aisle.webp' },
      { id: 'seat-23a', title: 'View from seat 23A', position: [1, 1.1, 2], yaw: 0, seat: '23A', panorama: 'seat.webp' },
    ],
    plan: {
      kind: 'seats', bounds: { minX: -5, minZ: -2, maxX: 5, maxZ: 2 }, shapes: [],
      seats: [{ id: '23A', row: 23, letter: 'A', class: 'economy', x: 1, z: 2, width: 0.45, depth: 0.8, viewpoint: 'seat-23a', window: true, aisle: false }],
    },
  });
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
  return reading.tour;
}

const pose = (over: Partial<TourPoseMessage> = {}): TourPoseMessage => ({
  v: 1, type: 'tour-pose', viewpoint: 'seat-23a', yaw: 0, pitch: 0, fov: 60, view: '3d', card: null, seat: '23A', ...over,
});

describe('the customer’s view on the console', () => {
  it('renders the pose’s viewpoint and direction in its mode, a headset’s as 3D where the tour has a scene', () => {
    expect(viewOfPose(cabin(), pose({ yaw: 370 - 360, pitch: -12, view: 'panorama' }))).toEqual({ viewpoint: 'seat-23a', yaw: 10, pitch: -12, zoom: 1, mode: 'panorama' });
    expect(modeOfPose(cabin(), 'vr')).toBe('3d');
    expect(modeOfPose(cabin(false), 'vr')).toBe('panorama');
  });

  it('zooms as far as the customer has, and not at all for a page that does not say', () => {
    expect(viewOfPose(cabin(), pose({ zoom: 2.5 })).zoom).toBe(2.5);
    expect(viewOfPose(cabin(), pose({})).zoom).toBe(1);
  });

  it('shows the tour’s start before any pose, and for a viewpoint it does not know', () => {
    expect(viewOfPose(cabin(), null)).toEqual({ viewpoint: 'aisle', yaw: 30, pitch: -5, zoom: 1, mode: '3d' });
    expect(viewOfPose(cabin(false), pose({ viewpoint: 'gone' })).viewpoint).toBe('aisle');
  });

  it('says where the customer looks relative to the way the viewpoint faces', () => {
    const tour = cabin();
    expect(lookWords(tour, pose({ yaw: 10 }))).toBe('looking ahead');
    expect(lookWords(tour, pose({ yaw: 80 }))).toBe('looking left');
    expect(lookWords(tour, pose({ yaw: -60 }))).toBe('looking right');
    expect(lookWords(tour, pose({ yaw: 175 }))).toBe('looking behind');
    expect(lookWords(tour, pose({ yaw: 80, pitch: -40 }))).toBe('looking down');
    expect(lookWords(tour, pose({ viewpoint: 'aisle', yaw: 30 + 90 }))).toBe('looking left');
  });

  it('names the seat the customer sits in, else the viewpoint', () => {
    expect(describeCustomer(cabin(), pose({ yaw: 90 }))).toBe('Window seat 23A · looking left · 3D');
    expect(describeCustomer(cabin(), pose({ viewpoint: 'aisle', yaw: 30, view: 'vr', seat: null }))).toBe('Aisle by row 20 · looking ahead · headset');
  });

  it('says it in the console’s language', async () => {
    await applyLanguage('zh-CN');
    try {
      expect(describeCustomer(cabin(), pose({ yaw: 90 }))).toBe('靠窗座位 23A · 看向左侧 · 3D');
    } finally {
      await applyLanguage('en');
    }
  });
});
