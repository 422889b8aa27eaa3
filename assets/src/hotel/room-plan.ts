// A hotel room's layout as data: rectangular rooms (their inside faces are what a guest sees) and
// openings cut through the walls between them (doors, windows, open passages).
export type Side = 'nz' | 'pz' | 'nx' | 'px';

export interface Room {
  id: string;
  label: string;
  /** Inside corners on the plan (x, z). */
  min: readonly [number, number];
  max: readonly [number, number];
  height: number;
  floor: string;
  ceiling: string;
  /** Wall material, with other materials for some sides (an accent wall, tiles). */
  wall: string;
  walls?: Partial<Record<Side, string>>;
  /** Sides that are the building's outside wall (drawn thicker on the plan). */
  exterior?: readonly Side[];
  /** Skirting board material; none in tiled rooms. */
  skirting?: string;
}

export interface Opening {
  kind: 'door' | 'window' | 'passage';
  /** The opening's footprint through the wall, on the plan. */
  min: readonly [number, number];
  max: readonly [number, number];
  bottom: number;
  top: number;
  /** For doors: the leaf, shut in its frame or slid/swung aside. */
  leaf?: 'closed' | 'slid' | 'none';
  /** Material of the strip of floor across the wall (doors, passages); the reveal's otherwise. */
  floor?: string;
  label?: string;
}

export interface RoomPlan {
  rooms: readonly Room[];
  openings: readonly Opening[];
}

/** The wall face of a side: where it lies and which way (s) runs along it. */
export function sideFrame(room: Room, side: Side): { corner: [number, number]; along: [number, number]; length: number; inward: [number, number] } {
  const [x0, z0] = room.min;
  const [x1, z1] = room.max;
  switch (side) {
    case 'nz':
      return { corner: [x0, z0], along: [1, 0], length: x1 - x0, inward: [0, 1] };
    case 'pz':
      return { corner: [x1, z1], along: [-1, 0], length: x1 - x0, inward: [0, -1] };
    case 'nx':
      return { corner: [x0, z1], along: [0, -1], length: z1 - z0, inward: [1, 0] };
    case 'px':
      return { corner: [x1, z0], along: [0, 1], length: z1 - z0, inward: [-1, 0] };
  }
}

const TOL = 1e-3;

/** The openings crossing a room's side, as ranges along the face (s from the face's corner). */
export function openingsOnSide(room: Room, side: Side, openings: readonly Opening[]): { opening: Opening; s0: number; s1: number }[] {
  const f = sideFrame(room, side);
  const out: { opening: Opening; s0: number; s1: number }[] = [];
  for (const o of openings) {
    const alongX = f.along[0] !== 0;
    // The face's line must pass through the opening's footprint.
    const across = alongX ? f.corner[1] : f.corner[0];
    const [lo, hi] = alongX ? [o.min[1], o.max[1]] : [o.min[0], o.max[0]];
    if (across < lo - TOL || across > hi + TOL) continue;
    const [a, b] = alongX ? [o.min[0], o.max[0]] : [o.min[1], o.max[1]];
    const origin = alongX ? f.corner[0] : f.corner[1];
    const dir = alongX ? f.along[0] : f.along[1];
    const s0 = Math.max(0, Math.min((a - origin) * dir, (b - origin) * dir));
    const s1 = Math.min(f.length, Math.max((a - origin) * dir, (b - origin) * dir));
    if (s1 - s0 > TOL) out.push({ opening: o, s0, s1 });
  }
  return out;
}
