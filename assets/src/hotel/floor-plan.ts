// The floor plan of a hotel tour, from its room plan and furniture: rooms, walls (thicker outside),
// doors and windows, each labelled piece of furniture.
import type { PlanShape, TourPlan } from '../../../protocol/tour.ts';
import type { HotelDesign } from './hotel-design.ts';
import { openingsOnSide, sideFrame, type Side } from './room-plan.ts';

const SIDES: readonly Side[] = ['nz', 'pz', 'nx', 'px'];
const INNER = 0.05;
const OUTER = 0.25;
const r2 = (v: number) => Math.round(v * 100) / 100;

function rect(x0: number, z0: number, x1: number, z1: number): [number, number][] {
  return [[r2(x0), r2(z0)], [r2(x1), r2(z0)], [r2(x1), r2(z1)], [r2(x0), r2(z1)]];
}

export function hotelPlan(design: HotelDesign): TourPlan {
  const shapes: PlanShape[] = [];
  for (const room of design.plan.rooms) shapes.push({ kind: 'room', label: room.label, points: rect(room.min[0], room.min[1], room.max[0], room.max[1]) });
  for (const room of design.plan.rooms) {
    for (const side of SIDES) {
      const f = sideFrame(room, side);
      const t = room.exterior?.includes(side) ? OUTER : INNER;
      // The wall in runs between its doors and passages (windows are drawn over it).
      const gaps = openingsOnSide(room, side, design.plan.openings).filter((g) => g.opening.kind !== 'window').sort((a, b) => a.s0 - b.s0);
      let at = 0;
      const runs: [number, number][] = [];
      for (const g of gaps) {
        if (g.s0 > at) runs.push([at, g.s0]);
        at = Math.max(at, g.s1);
      }
      if (at < f.length) runs.push([at, f.length]);
      for (const [s0, s1] of runs) {
        const a = [f.corner[0] + f.along[0] * s0, f.corner[1] + f.along[1] * s0];
        const b = [f.corner[0] + f.along[0] * s1 - f.inward[0] * t, f.corner[1] + f.along[1] * s1 - f.inward[1] * t];
        shapes.push({ kind: 'wall', points: rect(Math.min(a[0]!, b[0]!), Math.min(a[1]!, b[1]!), Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!)) });
      }
    }
  }
  for (const o of design.plan.openings) {
    if (o.kind === 'passage') continue;
    shapes.push({ kind: o.kind, ...(o.label ? { label: o.label } : {}), points: rect(o.min[0], o.min[1], o.max[0], o.max[1]) });
  }
  for (const item of design.items) {
    if (!item.label || item.furniture.footprint.length < 3) continue;
    shapes.push({ kind: 'furniture', label: item.label, points: item.furniture.footprint.map(([x, z]) => [r2(x), r2(z)]) });
  }
  const xs = design.plan.rooms.flatMap((r) => [r.min[0], r.max[0]]);
  const zs = design.plan.rooms.flatMap((r) => [r.min[1], r.max[1]]);
  const m = 0.5;
  return {
    kind: 'floor',
    bounds: { minX: r2(Math.min(...xs) - m), minZ: r2(Math.min(...zs) - m), maxX: r2(Math.max(...xs) + m), maxZ: r2(Math.max(...zs) + m) },
    shapes,
    seats: [],
  };
}
