import { describe, expect, it } from 'vitest';
import { readTour, type TourManifest } from '../../../../protocol/tour.ts';
import { initialView, linksFrom, reduceView, seatAt } from './tour-view-state.ts';

function sampleTour(): TourManifest {
  const reading = readTour({
    version: 1, id: 'sample', kind: 'cabin', title: 'Sample cabin', scene: 'scene.glb', start: 'aisle',
    viewpoints: [
      { id: 'aisle', title: 'Aisle', position: [0, 1.6, 0], yaw: 30, pitch: -5, panorama: 'aisle.webp' },
      { id: 'galley', title: 'Galley', position: [-3, 1.6, 0], yaw: 180 },
      { id: 'seat-23a', title: 'Seat 23A', position: [1, 1.1, 2], yaw: 0, seat: '23A' },
    ],
    links: [{ from: 'aisle', to: 'galley' }, { from: 'aisle', to: 'seat-23a', yaw: -120 }, { from: 'galley', to: 'aisle' }],
    plan: {
      kind: 'seats', bounds: { minX: -5, minZ: -2, maxX: 5, maxZ: 2 }, shapes: [],
      seats: [{ id: '23A', row: 23, letter: 'A', class: 'economy', x: 1, z: 2, width: 0.45, depth: 0.8, viewpoint: 'seat-23a', window: true, aisle: false }],
    },
  });
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
  return reading.tour;
}

describe('tour view state', () => {
  const tour = sampleTour();

  it('opens at the start, facing its arrival direction', () => {
    expect(initialView(tour, '3d')).toEqual({ viewpoint: 'aisle', yaw: 30, pitch: -5, zoom: 1, mode: '3d' });
  });

  it('opens at a deep link’s viewpoint and yaw, and ignores a viewpoint that does not exist', () => {
    expect(initialView(tour, 'panorama', { node: 'galley', yaw: 270 })).toEqual({ viewpoint: 'galley', yaw: -90, pitch: 0, zoom: 1, mode: 'panorama' });
    expect(initialView(tour, '3d', { node: 'galley' }).yaw).toBe(180);
    expect(initialView(tour, '3d', { node: 'roof', yaw: 10 }).viewpoint).toBe('aisle');
    expect(initialView(tour, '3d', { node: 'roof', yaw: 10 }).yaw).toBe(30);
  });

  it('turns, wraps yaw and clamps pitch', () => {
    let view = initialView(tour, '3d');
    view = reduceView(tour, view, { type: 'turn', yaw: 170, pitch: 100 });
    expect(view.yaw).toBe(-160);
    expect(view.pitch).toBe(85);
    view = reduceView(tour, view, { type: 'look', yaw: 45, pitch: -10 });
    expect([view.yaw, view.pitch]).toEqual([45, -10]);
  });

  it('moves to a viewpoint facing its arrival direction, or a given one; an unknown one is no move', () => {
    const view = initialView(tour, '3d');
    expect(reduceView(tour, view, { type: 'go', viewpoint: 'galley' })).toMatchObject({ viewpoint: 'galley', yaw: 180, pitch: 0 });
    expect(reduceView(tour, view, { type: 'go', viewpoint: 'galley', yaw: 10 })).toMatchObject({ viewpoint: 'galley', yaw: 10, pitch: 0 });
    expect(reduceView(tour, view, { type: 'go', viewpoint: 'nowhere' })).toBe(view);
  });

  it('zooms within 1 to 3, and a move starts unzoomed', () => {
    let view = initialView(tour, '3d');
    view = reduceView(tour, view, { type: 'zoom', factor: 2 });
    expect(view.zoom).toBe(2);
    view = reduceView(tour, view, { type: 'zoom', factor: 4 });
    expect(view.zoom).toBe(3);
    expect(reduceView(tour, view, { type: 'zoom', factor: 0.1 }).zoom).toBe(1);
    expect(reduceView(tour, view, { type: 'go', viewpoint: 'galley' }).zoom).toBe(1);
  });

  it('places link arrows at their yaw, or towards the viewpoint they lead to', () => {
    const arrows = linksFrom(tour, 'aisle');
    expect(arrows.map((a) => a.to)).toEqual(['galley', 'seat-23a']);
    expect(arrows[0]!.yaw).toBeCloseTo(90, 9);
    expect(arrows[1]!.yaw).toBe(-120);
    expect(arrows[0]!.title).toBe('Galley');
  });

  it('finds the seat a viewpoint is the view from', () => {
    expect(seatAt(tour, 'seat-23a')?.id).toBe('23A');
    expect(seatAt(tour, 'aisle')).toBeUndefined();
  });
});

describe('looking where the view already looks', () => {
  it('keeps the same view, so nothing re-renders for a repeated pose', () => {
    const tour = sampleTour();
    const view = initialView(tour, '3d');
    expect(reduceView(tour, view, { type: 'look', yaw: view.yaw, pitch: view.pitch })).toBe(view);
    expect(reduceView(tour, view, { type: 'turn', yaw: 0, pitch: 0 })).toBe(view);
    expect(reduceView(tour, view, { type: 'look', yaw: 10, pitch: 0 })).not.toBe(view);
  });
});
