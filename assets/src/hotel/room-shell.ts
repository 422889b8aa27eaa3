// The rooms' inside surfaces from a room plan: floors, ceilings and walls with their openings cut
// out, skirting boards along the walls; one scene node per room.
import { gridQuad } from '../scene/grid.ts';
import { box } from '../scene/box.ts';
import type { Geometry, Vec3 } from '../scene/geometry.ts';
import type { SceneNode } from '../scene/scene-model.ts';
import { openingsOnSide, sideFrame, type Room, type RoomPlan, type Side } from './room-plan.ts';

const SIDES: readonly Side[] = ['nz', 'pz', 'nx', 'px'];
const WALL_CELL = 0.12;
const SKIRTING_HEIGHT = 0.08;
const SKIRTING_DEPTH = 0.014;

function wallFace(room: Room, side: Side, plan: RoomPlan): Geometry {
  const f = sideFrame(room, side);
  const corner: Vec3 = [f.corner[0], 0, f.corner[1]];
  const u: Vec3 = [f.along[0] * f.length, 0, f.along[1] * f.length];
  const holes = openingsOnSide(room, side, plan.openings).map(({ opening, s0, s1 }) => ({ s0, s1, t0: opening.bottom, t1: Math.min(room.height, opening.top) }));
  // Walls of one room start their texture where the last one ended, so corners do not mirror.
  const offset = SIDES.indexOf(side) * 0.37;
  return gridQuad(corner, u, [0, room.height, 0], { cell: WALL_CELL, holes, uvOffset: [offset, 0] });
}

function skirting(room: Room, side: Side, plan: RoomPlan): Geometry[] {
  const f = sideFrame(room, side);
  const gaps = openingsOnSide(room, side, plan.openings)
    .filter(({ opening }) => opening.bottom < SKIRTING_HEIGHT)
    .map(({ s0, s1 }) => [s0, s1] as const)
    .sort((a, b) => a[0] - b[0]);
  const runs: [number, number][] = [];
  let at = 0;
  for (const [s0, s1] of gaps) {
    if (s0 > at) runs.push([at, s0]);
    at = Math.max(at, s1);
  }
  if (at < f.length) runs.push([at, f.length]);
  return runs.map(([s0, s1]) => {
    const a = [f.corner[0] + f.along[0] * s0, f.corner[1] + f.along[1] * s0];
    const b = [f.corner[0] + f.along[0] * s1, f.corner[1] + f.along[1] * s1];
    const c = [a[0]! + f.inward[0] * SKIRTING_DEPTH, a[1]! + f.inward[1] * SKIRTING_DEPTH];
    const xs = [a[0]!, b[0]!, c[0]!];
    const zs = [a[1]!, b[1]!, c[1]!];
    return box([Math.min(...xs), 0, Math.min(...zs)], [Math.max(...xs), SKIRTING_HEIGHT, Math.max(...zs)], { cell: 0.3, skip: ['ny'] });
  });
}

export function roomNodes(plan: RoomPlan): SceneNode[] {
  return plan.rooms.map((room) => {
    const [x0, z0] = room.min;
    const [x1, z1] = room.max;
    const parts = [
      { material: room.floor, geometry: gridQuad([x0, 0, z1], [x1 - x0, 0, 0], [0, 0, z0 - z1], { cell: WALL_CELL }) },
      { material: room.ceiling, geometry: gridQuad([x0, room.height, z0], [x1 - x0, 0, 0], [0, 0, z1 - z0], { cell: WALL_CELL * 1.3 }) },
      ...SIDES.map((side) => ({ material: room.walls?.[side] ?? room.wall, geometry: wallFace(room, side, plan) })),
    ];
    if (room.skirting) for (const side of SIDES) for (const g of skirting(room, side, plan)) parts.push({ material: room.skirting, geometry: g });
    return { name: `room-${room.id}`, origin: [(x0 + x1) / 2, 0, (z0 + z1) / 2] as Vec3, parts };
  });
}
