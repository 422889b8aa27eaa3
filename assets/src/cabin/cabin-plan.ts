// The seat map: the fuselage's outline, galleys, lavatories, exits, the divider and every window
// along both walls (so a map shows, as AeroLOPA's do, where windows fall against the rows), and
// every seat with its viewpoint and what it sells as.
import type { PlanShape, TourPlan } from '../../../protocol/tour.ts';
import { round3 } from '../tour/numbers.ts';
import type { CabinLayout } from './cabin-layout.ts';
import { wallX } from './fuselage.ts';
import { seatViewpointId, windowCentres, type SeatPlacement } from './seat-layout.ts';

const rect = (x0: number, z0: number, x1: number, z1: number): [number, number][] => [
  [round3(x0), round3(z0)],
  [round3(x1), round3(z0)],
  [round3(x1), round3(z1)],
  [round3(x0), round3(z1)],
];

export function cabinPlan(layout: CabinLayout, seats: readonly SeatPlacement[]): TourPlan {
  const L = layout.fuselage.length;
  const wide = wallX(layout, layout.fuselage.wallCentreHeight);
  const skin = wide + 0.12;
  // The outline narrows towards the nose and tail beyond the cabin's ends.
  const fuselage: [number, number][] = [[-skin * 0.55, -0.6], [skin * 0.55, -0.6], [skin, 0.8], [skin, L - 0.8], [skin * 0.6, L + 0.6], [-skin * 0.6, L + 0.6], [-skin, L - 0.8], [-skin, 0.8]];
  const shapes: PlanShape[] = [{ kind: 'fuselage', label: layout.title, points: fuselage.map(([x, z]) => [round3(x), round3(z)]) }];
  const outer = layout.fuselage.floorHalfWidth;
  for (const g of layout.galleys) {
    const [x0, x1] = g.side === 'both' ? [-outer, outer] : g.side === 'left' ? [-outer, -0.42] : [0.42, outer];
    shapes.push({ kind: 'galley', label: g.label, points: rect(x0, g.from, x1, g.to) });
  }
  for (const l of layout.lavatories) {
    const [x0, x1] = l.side === 'left' ? [-outer, -0.42] : [0.42, outer];
    shapes.push({ kind: 'lavatory', label: l.label, points: rect(x0, l.from, x1, l.to) });
  }
  for (const b of layout.bulkheads) {
    shapes.push({ kind: 'bulkhead', ...(b.label ? { label: b.label } : {}), points: rect(-wide + 0.1, b.z - 0.03, -0.3, b.z + 0.03) });
    shapes.push({ kind: 'bulkhead', points: rect(0.3, b.z - 0.03, wide - 0.1, b.z + 0.03) });
  }
  for (const e of layout.exits) {
    for (const s of [-1, 1]) shapes.push({ kind: 'exit', label: e.label, points: rect(s < 0 ? -skin : wide, e.z - e.width / 2, s < 0 ? -wide : skin, e.z + e.width / 2) });
  }
  for (const z of windowCentres(layout)) {
    const w = layout.windows.width / 2;
    for (const s of [-1, 1]) shapes.push({ kind: 'window', points: rect(s < 0 ? -wide - 0.06 : wide, z - w, s < 0 ? -wide : wide + 0.06, z + w) });
  }
  return {
    kind: 'seats',
    bounds: { minX: round3(-skin - 0.2), minZ: -0.8, maxX: round3(skin + 0.2), maxZ: round3(L + 0.8) },
    shapes,
    seats: seats.map((s) => ({
      id: s.id,
      row: s.row,
      letter: s.letter,
      class: s.class,
      x: round3(s.x),
      z: round3(s.z),
      width: s.width,
      depth: s.depth,
      viewpoint: seatViewpointId(s.id),
      window: s.window,
      aisle: s.aisle,
      exitRow: s.exitRow,
      windowView: s.windowView,
      option: s.product,
    })),
  };
}
