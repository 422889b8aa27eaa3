// From a cabin layout to where everything is, as pure functions: each row's position along the
// cabin, each window's, each seat's (with whether it is by a window, on the aisle, in an exit row)
// and how much window a window seat actually has beside it — seat for seat, as AeroLOPA's maps show.
import type { SeatClass } from '../../../protocol/tour.ts';
import type { CabinLayout } from './cabin-layout.ts';

export type WindowView = 'full' | 'partial' | 'none';

export interface RowPlacement {
  row: number;
  section: number;
  /** Seat centre along the cabin. */
  z: number;
  exitRow: boolean;
  legroom: boolean;
}

export interface SeatPlacement {
  id: string;
  row: number;
  letter: string;
  class: SeatClass;
  section: number;
  x: number;
  z: number;
  width: number;
  depth: number;
  window: boolean;
  aisle: boolean;
  exitRow: boolean;
  legroom: boolean;
  windowView: WindowView;
  /** Which wall a window seat is against. */
  side: 'left' | 'right' | null;
  /** The seated passenger's eye. */
  eye: [number, number, number];
  product: string;
}

/** Seated eye height above the cabin floor, by class (the cushion differs, the passenger does not). */
export const SEATED_EYE_HEIGHT: Record<SeatClass, number> = { first: 1.22, business: 1.2, premium: 1.18, economy: 1.16 };
/** A seated eye is this far forward of the backrest's back. */
const EYE_FROM_BACK = 0.2;
/** What one sees out of without turning: from this far ahead of the eye to this far behind it. */
export const VIEW_AHEAD = 0.5;
export const VIEW_BEHIND = 0.2;
/** A window overlapping the view by less than this share of its width does not count. */
const PARTIAL_SHARE = 0.25;

export function seatViewpointId(seatId: string): string {
  return `seat-${seatId.toLowerCase()}`;
}

export function rowPlacements(layout: CabinLayout): RowPlacement[] {
  const rows: RowPlacement[] = [];
  layout.sections.forEach((section, index) => {
    let z = section.start;
    let first = true;
    for (let row = section.firstRow; row <= section.lastRow; row++) {
      if (section.skipRows.includes(row)) continue;
      const exitRow = section.exitRows.includes(row);
      if (!first) z += exitRow ? (section.exitPitch ?? section.pitch) : section.pitch;
      first = false;
      rows.push({ row, section: index, z, exitRow, legroom: section.legroomRows.includes(row) });
    }
  });
  return rows;
}

/** Centres of every window along one side (both sides match), exits' windows included, front to back. */
export function windowCentres(layout: CabinLayout): number[] {
  const z: number[] = [];
  for (const run of layout.windows.runs) for (let i = 0; i < run.count; i++) z.push(run.from + i * layout.windows.pitch);
  for (const exit of layout.exits) z.push(exit.z);
  return z.sort((a, b) => a - b);
}

/** How much window is beside an eye at `eyeZ`: a whole window in view, part of one, or only wall. */
export function windowViewAt(eyeZ: number, windows: readonly number[], windowWidth: number): WindowView {
  const from = eyeZ - VIEW_AHEAD;
  const to = eyeZ + VIEW_BEHIND;
  let best = 0;
  for (const centre of windows) {
    const a = centre - windowWidth / 2;
    const b = centre + windowWidth / 2;
    best = Math.max(best, (Math.min(b, to) - Math.max(a, from)) / windowWidth);
  }
  if (best >= 1 - 1e-9) return 'full';
  return best >= PARTIAL_SHARE ? 'partial' : 'none';
}

export function seatPlacements(layout: CabinLayout): SeatPlacement[] {
  const windows = windowCentres(layout);
  const seats: SeatPlacement[] = [];
  for (const r of rowPlacements(layout)) {
    const section = layout.sections[r.section]!;
    const count = section.blocks.flat().length;
    const across = count * section.seatWidth + (section.blocks.length - 1) * section.aisleWidth;
    let x = -across / 2;
    section.blocks.forEach((block, b) => {
      block.forEach((letter, k) => {
        const centre = x + section.seatWidth / 2;
        x += section.seatWidth;
        const leftWindow = b === 0 && k === 0;
        const rightWindow = b === section.blocks.length - 1 && k === block.length - 1;
        const aisle = (k === 0 && b > 0) || (k === block.length - 1 && b < section.blocks.length - 1);
        const eyeZ = r.z + section.seatDepth / 2 - EYE_FROM_BACK;
        const window = leftWindow || rightWindow;
        const product = r.exitRow && section.exitProduct ? section.exitProduct : r.legroom && section.legroomProduct ? section.legroomProduct : section.product;
        seats.push({
          id: `${r.row}${letter}`,
          row: r.row,
          letter,
          class: section.class,
          section: r.section,
          x: centre,
          z: r.z,
          width: section.seatWidth,
          depth: section.seatDepth,
          window,
          aisle,
          exitRow: r.exitRow,
          legroom: r.legroom,
          windowView: window ? windowViewAt(eyeZ, windows, layout.windows.width) : 'none',
          side: leftWindow ? 'left' : rightWindow ? 'right' : null,
          eye: [centre, SEATED_EYE_HEIGHT[section.class], eyeZ],
          product,
        });
      });
      x += section.aisleWidth;
    });
  }
  return seats;
}

/** Layout problems only positions show: exit rows with no exit beside them, windows in an exit, seats past the cabin. */
export function placementProblems(layout: CabinLayout): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const rows = rowPlacements(layout);
  layout.sections.forEach((section, i) => {
    section.exitRows.forEach((row, k) => {
      const placed = rows.find((r) => r.row === row);
      if (placed && !layout.exits.some((e) => Math.abs(e.z - placed.z) <= 0.6)) problems.push({ path: `sections[${i}].exitRows[${k}]`, message: `row ${row} has no exit beside it` });
    });
  });
  layout.windows.runs.forEach((run, i) => {
    for (let k = 0; k < run.count; k++) {
      const z = run.from + k * layout.windows.pitch;
      const exit = layout.exits.find((e) => Math.abs(e.z - z) < (e.width + layout.windows.width) / 2);
      if (exit) {
        problems.push({ path: `windows.runs[${i}]`, message: `window ${k + 1} at ${z.toFixed(2)} m falls in the ${exit.label} at ${exit.z} m` });
        break;
      }
    }
  });
  const last = rows[rows.length - 1];
  if (last && last.z + layout.sections[last.section]!.seatDepth / 2 > layout.fuselage.length) problems.push({ path: 'fuselage.length', message: `row ${last.row} ends past the cabin's end` });
  return problems;
}
