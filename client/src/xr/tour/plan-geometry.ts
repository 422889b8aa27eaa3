// A floor plan or seat map drawn from above: the plan's (x, z) metres onto SVG units, turned by a
// quarter turn where that fits the screen better (a long cabin on a tall phone). Unturned, +x runs
// right and +z down the screen, which is the scene seen from above with −Z away from the viewer.
import type { Seat, TourPlan } from '../../../../protocol/tour.ts';
import { directionOf } from './tour-directions.ts';

export type PlanRotation = 0 | 90 | 180 | 270;
export type PlanBounds = TourPlan['bounds'];

export interface PlanFrame {
  /** SVG units (metres) across and down. */
  width: number;
  height: number;
  rotation: PlanRotation;
  point: (x: number, z: number) => [number, number];
  vector: (dx: number, dz: number) => [number, number];
}

/** `rotation` turns the plan clockwise on the screen. */
export function planFrame(bounds: PlanBounds, rotation: PlanRotation = 0): PlanFrame {
  const across = bounds.maxX - bounds.minX;
  const down = bounds.maxZ - bounds.minZ;
  switch (rotation) {
    case 0:
      return { width: across, height: down, rotation, point: (x, z) => [x - bounds.minX, z - bounds.minZ], vector: (dx, dz) => [dx, dz] };
    case 90:
      return { width: down, height: across, rotation, point: (x, z) => [bounds.maxZ - z, x - bounds.minX], vector: (dx, dz) => [-dz, dx] };
    case 180:
      return { width: across, height: down, rotation, point: (x, z) => [bounds.maxX - x, bounds.maxZ - z], vector: (dx, dz) => [-dx, -dz] };
    case 270:
      return { width: down, height: across, rotation, point: (x, z) => [z - bounds.minZ, bounds.maxX - x], vector: (dx, dz) => [dz, -dx] };
  }
}

/** The on-screen direction of a yaw on the plan, unit length. */
export function planHeading(frame: PlanFrame, yaw: number): [number, number] {
  const [dx, , dz] = directionOf({ yaw, pitch: 0 });
  return frame.vector(dx, dz);
}

/**
 * How to turn a seat map so its rows run down a tall screen (row 1 at the top) or across a wide
 * one (row 1 at the left), as seat maps are printed.
 */
export function seatMapRotation(seats: readonly Seat[], tall: boolean): PlanRotation {
  if (seats.length === 0) return 0;
  const rows = seats.map((s) => s.row);
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const centre = (row: number) => {
    const inRow = seats.filter((s) => s.row === row);
    return [inRow.reduce((sum, s) => sum + s.x, 0) / inRow.length, inRow.reduce((sum, s) => sum + s.z, 0) / inRow.length] as const;
  };
  const [x0, z0] = centre(first);
  const [x1, z1] = centre(last);
  const dx = x1 - x0;
  const dz = z1 - z0;
  // Rows run along x or along z; the turn makes that direction point down (tall) or right (wide).
  if (Math.abs(dx) >= Math.abs(dz)) {
    if (tall) return dx >= 0 ? 90 : 270;
    return dx >= 0 ? 0 : 180;
  }
  if (tall) return dz >= 0 ? 0 : 180;
  return dz >= 0 ? 270 : 90;
}
