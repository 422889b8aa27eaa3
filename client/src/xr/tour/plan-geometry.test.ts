import { describe, expect, it } from 'vitest';
import type { Seat } from '../../../../protocol/tour.ts';
import { planFrame, planHeading, seatMapRotation } from './plan-geometry.ts';

const bounds = { minX: -2, minZ: -10, maxX: 2, maxZ: 10 };

describe('plan frame', () => {
  it('unturned, +x runs right and +z down, from the bounds corner', () => {
    const frame = planFrame(bounds);
    expect([frame.width, frame.height]).toEqual([4, 20]);
    expect(frame.point(-2, -10)).toEqual([0, 0]);
    expect(frame.point(2, 10)).toEqual([4, 20]);
  });

  it('a quarter turn clockwise puts +x down and +z left', () => {
    const frame = planFrame(bounds, 90);
    expect([frame.width, frame.height]).toEqual([20, 4]);
    expect(frame.point(-2, 10)).toEqual([0, 0]);
    expect(frame.point(2, -10)).toEqual([20, 4]);
    expect(frame.vector(1, 0)).toEqual([-0, 1]);
    expect(frame.vector(0, 1)).toEqual([-1, 0]);
  });

  it('every turn keeps the plan inside its frame and does not mirror it', () => {
    for (const rotation of [0, 90, 180, 270] as const) {
      const frame = planFrame(bounds, rotation);
      for (const [x, z] of [[-2, -10], [2, -10], [2, 10], [-2, 10]] as const) {
        const [sx, sy] = frame.point(x, z);
        expect(sx).toBeGreaterThanOrEqual(0);
        expect(sy).toBeGreaterThanOrEqual(0);
        expect(sx).toBeLessThanOrEqual(frame.width);
        expect(sy).toBeLessThanOrEqual(frame.height);
      }
      // Counter-clockwise stays counter-clockwise: +x then +z turn the same way on screen.
      const [ax, ay] = frame.vector(1, 0);
      const [bx, by] = frame.vector(0, 1);
      expect(ax * by - ay * bx).toBeCloseTo(1, 9);
    }
  });

  it('yaw 0 points up the plan and yaw 90 left (seen from above)', () => {
    const frame = planFrame(bounds);
    const [ux, uy] = planHeading(frame, 0);
    expect(ux).toBeCloseTo(0, 9);
    expect(uy).toBeCloseTo(-1, 9);
    const [lx, ly] = planHeading(frame, 90);
    expect(lx).toBeCloseTo(-1, 9);
    expect(ly).toBeCloseTo(0, 9);
  });
});

const seat = (row: number, letter: string, x: number, z: number): Seat => ({
  id: `${row}${letter}`, row, letter, class: 'economy', x, z, width: 0.45, depth: 0.8, viewpoint: `seat-${row}${letter}`,
  window: false, aisle: false, exitRow: false, windowView: 'none',
});

describe('seat map orientation', () => {
  const cases: { name: string; seats: Seat[]; tall: number; wide: number }[] = [
    { name: 'rows along +x', seats: [seat(1, 'A', 0, -1), seat(30, 'A', 25, -1)], tall: 90, wide: 0 },
    { name: 'rows along −x', seats: [seat(1, 'A', 0, -1), seat(30, 'A', -25, -1)], tall: 270, wide: 180 },
    { name: 'rows along +z', seats: [seat(1, 'A', -1, 0), seat(30, 'A', -1, 25)], tall: 0, wide: 270 },
    { name: 'rows along −z', seats: [seat(1, 'A', -1, 0), seat(30, 'A', -1, -25)], tall: 180, wide: 90 },
  ];
  for (const c of cases) {
    it(`${c.name}: row 1 at the top of a tall screen, at the left of a wide one`, () => {
      const b = { minX: -30, minZ: -30, maxX: 30, maxZ: 30 };
      const tall = planFrame(b, seatMapRotation(c.seats, true));
      const wide = planFrame(b, seatMapRotation(c.seats, false));
      const [first, last] = c.seats as [Seat, Seat];
      expect(tall.rotation).toBe(c.tall);
      expect(tall.point(first.x, first.z)[1]).toBeLessThan(tall.point(last.x, last.z)[1]);
      expect(wide.rotation).toBe(c.wide);
      expect(wide.point(first.x, first.z)[0]).toBeLessThan(wide.point(last.x, last.z)[0]);
    });
  }
});
