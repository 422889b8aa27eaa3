import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LayoutError, readCabinLayout } from './cabin-layout.ts';
import { rowPlacements, seatPlacements, seatViewpointId, windowCentres, windowViewAt } from './seat-layout.ts';

const A321 = JSON.parse(readFileSync(new URL('./a321neo.layout.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** A copy of the A321 layout with one change made to it. */
function changed(edit: (layout: any) => void): unknown {
  const copy = structuredClone(A321);
  edit(copy);
  return copy;
}

function problemPaths(value: unknown): string[] {
  try {
    readCabinLayout(value);
  } catch (error) {
    if (error instanceof LayoutError) return error.problems.map((p) => p.path);
    throw error;
  }
  return [];
}

describe('cabin layout', () => {
  const layout = readCabinLayout(A321);
  const seats = seatPlacements(layout);

  it('places every row of every section, skipping row 13, exit rows further apart', () => {
    const rows = rowPlacements(layout);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 7, 8, 9, 10, 11, 12, ...Array.from({ length: 21 }, (_, i) => i + 14)]);
    const z = (row: number) => rows.find((r) => r.row === row)!.z;
    expect(z(2) - z(1)).toBeCloseTo(0.99);
    expect(z(8) - z(7)).toBeCloseTo(0.76);
    expect(z(11) - z(10)).toBeCloseTo(0.96);
    expect(z(14) - z(12)).toBeCloseTo(0.76);
  });

  it('lays seats out across the cabin: A on the left, aisles between blocks, centred', () => {
    expect(seats).toHaveLength(4 * 4 + 27 * 6);
    const seat = (id: string) => seats.find((s) => s.id === id)!;
    expect(seat('23A').x).toBeCloseTo(-(6 * 0.46 + 0.48) / 2 + 0.23);
    expect(seat('23F').x).toBeCloseTo(-seat('23A').x);
    expect(seat('23D').x - seat('23C').x).toBeCloseTo(0.46 + 0.48);
    expect(seat('2A').x).toBeCloseTo(-(4 * 0.62 + 0.56) / 2 + 0.31);
    expect([seat('23A').window, seat('23A').aisle, seat('23B').window, seat('23B').aisle, seat('23C').aisle, seat('23D').aisle]).toEqual([true, false, false, false, true, true]);
    expect([seat('2A').window, seat('2C').aisle, seat('2D').aisle, seat('2F').window]).toEqual([true, true, true, true]);
    expect(seat('23A').side).toBe('left');
    expect(seat('23F').side).toBe('right');
    expect(seat('11A').exitRow && seat('12F').exitRow && !seat('10A').exitRow).toBe(true);
    expect(seat('7C').product).toBe('extra-legroom-seat');
    expect(seat('11B').product).toBe('exit-row-seat');
    expect(seat('23B').product).toBe('economy-seat');
    expect(seat('3D').product).toBe('business-seat');
  });

  it('gives every seat its own viewpoint at its seated eye, facing forward', () => {
    const ids = new Set(seats.map((s) => seatViewpointId(s.id)));
    expect(ids.size).toBe(seats.length);
    expect(seatViewpointId('23A')).toBe('seat-23a');
    const s = seats.find((x) => x.id === '23A')!;
    expect(s.eye[0]).toBeCloseTo(s.x);
    expect(s.eye[1]).toBeCloseTo(1.16);
    expect(s.eye[2]).toBeGreaterThan(s.z);
    expect(s.eye[2]).toBeLessThan(s.z + s.depth / 2);
  });

  it('says how much window each window seat has: a whole one, part of one, or wall', () => {
    const windows = [1.0, 1.533];
    expect(windowViewAt(1.2, windows, 0.23)).toBe('full');
    // The view reaches 0.5 m ahead of the eye and 0.2 m behind it: half a window, a sliver, nothing.
    expect(windowViewAt(0.8, [1.0], 0.23)).toBe('partial');
    expect(windowViewAt(0.7, [1.0], 0.23)).toBe('none');
    expect(windowViewAt(1.0 + 0.5 + 0.115 - 0.1, [1.0], 0.23)).toBe('partial');
    expect(windowViewAt(3.0, windows, 0.23)).toBe('none');
    for (const s of seats) if (!s.window) expect(s.windowView).toBe('none');
    const views = new Set(seats.filter((s) => s.window).map((s) => s.windowView));
    // Like real cabins, window and row pitch do not line up: some window seats get only part of a window.
    expect(views.has('full')).toBe(true);
    expect(views.has('partial')).toBe(true);
    expect(seats.find((s) => s.id === '25A')!.windowView).toBe('none');
  });

  it('puts windows in the exits and in runs along the cabin, front to back', () => {
    const w = windowCentres(layout);
    expect(w).toEqual([...w].sort((a, b) => a - b));
    expect(w).toContain(11.19);
    expect(w.length).toBe(9 + 6 + 16 + 13 + 4);
  });

  it('refuses a layout that does not read, naming the field', () => {
    expect(problemPaths(changed((l) => (l.sections[1].pitch = 'wide')))).toEqual(['sections[1].pitch']);
    expect(problemPaths(changed((l) => delete l.windows.pitch))).toEqual(['windows.pitch']);
    expect(problemPaths(changed((l) => (l.sections[0].blocks[0][0] = 'Z')))).toEqual(['sections[0].blocks[0][0]']);
    expect(problemPaths(changed((l) => (l.exits[0].kind = 'slide')))).toEqual(['exits[0].kind']);
  });

  it('refuses a layout whose parts do not fit together, naming the field', () => {
    expect(problemPaths(changed((l) => (l.sections[1].exitRows = [20])))).toEqual(['sections[1].exitRows[0]']);
    expect(problemPaths(changed((l) => (l.sections[1].exitRows = [13])))).toEqual(['sections[1].exitRows[0]']);
    expect(problemPaths(changed((l) => (l.windows.runs[0].from = 1.9)))).toEqual(['windows.runs[0]']);
    expect(problemPaths(changed((l) => (l.sections[1].lastRow = 60)))).toEqual(['fuselage.length']);
    expect(problemPaths(changed((l) => (l.sections[1].blocks = [['A', 'B', 'C'], ['C', 'E', 'F']])))).toEqual(['sections[1].blocks']);
    expect(problemPaths(changed((l) => (l.sections[1].seatWidth = 0.9)))).toEqual(['sections[1].seatWidth']);
  });
});
