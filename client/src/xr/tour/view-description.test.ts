import { describe, expect, it } from 'vitest';
import { readTour, type TourManifest } from '../../../../protocol/tour.ts';
import { bearingOf, describeView, halfAngles, pointedAt } from './view-description.ts';

// A bedroom seen from its middle: the window ahead (−Z), the minibar to the left (−X), the wardrobe
// behind; the bathroom's door to the right (+X).
function room(): TourManifest {
  const reading = readTour({
    version: 1, id: 'room', kind: 'hotel-room', title: 'Standard room', scene: 'scene.glb', start: 'bed',
    viewpoints: [
      { id: 'bed', title: 'Bedroom', position: [0, 1.6, 0], yaw: 0 },
      { id: 'bath', title: 'Bathroom', position: [3, 1.6, 0], yaw: -90 },
    ],
    links: [{ from: 'bed', to: 'bath' }, { from: 'bath', to: 'bed' }],
    hotspots: [
      { id: 'window', title: 'Window', text: 'City view', position: [0.2, 1.5, -3] },
      { id: 'minibar', title: 'Minibar', text: 'Drinks', position: [-2, 0.8, -0.3] },
      { id: 'wardrobe', title: 'Wardrobe', text: 'Hangers', position: [0, 1.2, 2.5] },
    ],
  });
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
  return reading.tour;
}

describe('what a tour view shows, in titles', () => {
  const tour = room();

  it('says where the customer stands, what they face and what else is in the picture', () => {
    expect(describeView(tour, { viewpoint: 'bed', yaw: 0, pitch: 0, zoom: 1 }, 16 / 9)).toEqual({ place: 'Bedroom', facing: 'Window', inView: ['Window'], ways: [] });
    const left = describeView(tour, { viewpoint: 'bed', yaw: 45, pitch: 0, zoom: 1 }, 3);
    expect(left).toEqual({ place: 'Bedroom', facing: null, inView: ['Minibar', 'Window'], ways: [] });
  });

  it('names the ways on in the picture, and nothing behind the customer', () => {
    expect(describeView(tour, { viewpoint: 'bed', yaw: -90, pitch: 0, zoom: 1 }, 1)).toEqual({ place: 'Bedroom', facing: null, inView: [], ways: ['Bathroom'] });
    expect(describeView(tour, { viewpoint: 'bed', yaw: 180, pitch: 0, zoom: 1 }, 1)?.inView).toEqual(['Wardrobe']);
  });

  it('a zoomed-in view takes in less', () => {
    expect(halfAngles(1, 2).up).toBeCloseTo(halfAngles(1, 1).up / 2);
    expect(describeView(tour, { viewpoint: 'bed', yaw: 40, pitch: 0, zoom: 3 }, 1)?.inView).toEqual([]);
  });

  it('is null for a viewpoint the tour does not have', () => {
    expect(describeView(tour, { viewpoint: 'roof', yaw: 0, pitch: 0, zoom: 1 }, 1)).toBeNull();
  });

  it('names the hotspot the agent points at, or which way the point lies', () => {
    const view = { viewpoint: 'bed', yaw: 0, pitch: 0, zoom: 1 };
    expect(pointedAt(tour, view, [-1.8, 0.9, -0.3])).toEqual({ hotspot: 'Minibar' });
    expect(pointedAt(tour, view, [0, 1, -4.5])).toEqual({ bearing: 'ahead' });
    expect(pointedAt(tour, view, [3, 1, 0])).toEqual({ bearing: 'right' });
    expect(bearingOf({ yaw: 0, pitch: 0 }, [0, 0, 0], [-3, 0, 0])).toBe('left');
    expect(bearingOf({ yaw: 0, pitch: 0 }, [0, 0, 0], [0, 0, 3])).toBe('behind');
  });
});
