// A cabin's seat-layout description, as its JSON file gives it (metres; z runs aft from the front of
// the cabin, x to the right seen facing forward, y up): the fuselage section, the windows along it,
// the seating sections, exits, galleys, lavatories and bulkheads. A layout that does not read is an
// error naming the field at fault, as tour.json's are.
import { z } from 'zod';
import { SeatClass } from '../../../protocol/tour.ts';
import { placementProblems } from './seat-layout.ts';

const Metres = z.number().finite().min(0).max(100);
const Letter = z.string().regex(/^[A-L]$/, 'one seat letter A–L');
const Row = z.number().int().min(1).max(999);

export const CabinSection = z.object({
  class: SeatClass,
  firstRow: Row,
  lastRow: Row,
  /** Row numbers not used (many airlines have no row 13). */
  skipRows: z.array(Row).default([]),
  /** Where the first row's seat centre is. */
  start: Metres,
  /** Seat centre to seat centre, row to row. */
  pitch: z.number().min(0.6).max(2.5),
  /** Seat letters in blocks from left to right, aisles between blocks. */
  blocks: z.array(z.array(Letter).min(1).max(4)).min(1).max(4),
  seatWidth: z.number().min(0.35).max(1.2),
  /** Front of the cushion to the back of the backrest. */
  seatDepth: z.number().min(0.4).max(2),
  aisleWidth: z.number().min(0.35).max(1.5),
  /** What a seat in this section sells as (a bookable id). */
  product: z.string().min(1),
  /** Rows with more room in front without being exit rows (behind a bulkhead). */
  legroomRows: z.array(Row).default([]),
  legroomProduct: z.string().min(1).optional(),
  /** Rows beside an emergency exit, with `exitPitch` in front of them instead of `pitch`. */
  exitRows: z.array(Row).default([]),
  exitPitch: z.number().min(0.6).max(2.5).optional(),
  exitProduct: z.string().min(1).optional(),
});
export type CabinSection = z.infer<typeof CabinSection>;

export const CabinLayout = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes'),
  title: z.string().min(1).max(120),
  description: z.string().max(2000).default(''),
  fuselage: z.object({
    length: z.number().min(5).max(80),
    /** Half the floor's width where it meets the sidewall. */
    floorHalfWidth: z.number().min(1).max(3.5),
    /** The sidewall is an arc of this radius about the cabin's centre line… */
    wallRadius: z.number().min(1).max(4),
    /** …centred this high above the floor. */
    wallCentreHeight: z.number().min(0).max(2),
    ceilingHeight: z.number().min(1.8).max(3.2),
  }),
  windows: z.object({
    width: z.number().min(0.1).max(0.6),
    height: z.number().min(0.1).max(0.8),
    centreHeight: Metres,
    /** Frame pitch: the distance from one window to the next within a run. */
    pitch: z.number().min(0.3).max(1.5),
    runs: z.array(z.object({ from: Metres, count: z.number().int().min(1).max(200) })).min(1),
  }),
  sections: z.array(CabinSection).min(1).max(6),
  exits: z.array(z.object({ label: z.string().min(1), kind: z.enum(['door', 'overwing']), z: Metres, width: z.number().min(0.4).max(1.5) })).default([]),
  galleys: z.array(z.object({ label: z.string().min(1), from: Metres, to: Metres, side: z.enum(['left', 'right', 'both']) })).default([]),
  lavatories: z.array(z.object({ label: z.string().min(1), from: Metres, to: Metres, side: z.enum(['left', 'right']) })).default([]),
  bulkheads: z.array(z.object({ z: Metres, label: z.string().optional() })).default([]),
});
export type CabinLayout = z.infer<typeof CabinLayout>;

export class LayoutError extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    this.name = 'LayoutError';
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '') || '(the whole file)';
}

/** What the schema alone cannot check about the sections themselves. */
function sectionProblems(layout: CabinLayout): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  layout.sections.forEach((s, i) => {
    if (s.lastRow < s.firstRow) problems.push({ path: `sections[${i}].lastRow`, message: `must not be before firstRow ${s.firstRow}` });
    const seen = new Set<string>();
    for (const l of s.blocks.flat()) {
      if (seen.has(l)) problems.push({ path: `sections[${i}].blocks`, message: `letter ${l} is used twice` });
      seen.add(l);
    }
    s.exitRows.forEach((r, k) => {
      if (r < s.firstRow || r > s.lastRow || s.skipRows.includes(r)) problems.push({ path: `sections[${i}].exitRows[${k}]`, message: `row ${r} is not a row of this section` });
    });
    if (s.exitRows.length && s.exitPitch === undefined) problems.push({ path: `sections[${i}].exitPitch`, message: 'is needed when a section has exit rows' });
    const width = s.blocks.flat().length * s.seatWidth + (s.blocks.length - 1) * s.aisleWidth;
    if (width / 2 > layout.fuselage.wallRadius) problems.push({ path: `sections[${i}].seatWidth`, message: `the seats are ${width.toFixed(2)} m across, wider than the cabin` });
    const prev = layout.sections[i - 1];
    if (prev && s.firstRow <= prev.lastRow) problems.push({ path: `sections[${i}].firstRow`, message: `must come after the previous section's last row ${prev.lastRow}` });
  });
  return problems;
}

/** Reads a layout file's parsed JSON; throws a LayoutError naming each field at fault. */
export function readCabinLayout(value: unknown): CabinLayout {
  const parsed = CabinLayout.safeParse(value);
  if (!parsed.success) throw new LayoutError(parsed.error.issues.map((i) => ({ path: fieldPath(i.path), message: i.message })));
  const sections = sectionProblems(parsed.data);
  // Positions are only worth checking once the sections make sense.
  const problems = sections.length ? sections : placementProblems(parsed.data);
  if (problems.length) throw new LayoutError(problems);
  return parsed.data;
}
