// A cabin layout as a scene to bake: shell, windows and sky, bins and lights, galleys, lavatories
// and the divider, every seat as an instance of its class's seat, and the points of interest.
import type { Vec3 } from '../scene/geometry.ts';
import type { Instance, SceneModel, SceneNode } from '../scene/scene-model.ts';
import { binNodes, cabinLights } from './bins.ts';
import type { CabinLayout } from './cabin-layout.ts';
import { fuselageNodes } from './fuselage.ts';
import { CABIN_MATERIALS } from './materials.ts';
import { monumentNodes } from './monuments.ts';
import { blockEndArmrest, businessSeat, economySeat } from './seats.ts';
import type { SeatPlacement } from './seat-layout.ts';

export interface CabinPoi {
  id: string;
  title: string;
  /** Where its marker floats. */
  anchor: Vec3;
}

/** The instance whose light stands for all: a seat in the middle of its section, on the aisle. */
function bakeIndex(seats: readonly { z: number; aisle?: boolean }[]): number {
  const mid = (seats[0]!.z + seats[seats.length - 1]!.z) / 2;
  let best = 0;
  seats.forEach((s, i) => {
    if (Math.abs(s.z - mid) + (s.aisle ? 0 : 0.5) < Math.abs(seats[best]!.z - mid) + (seats[best]!.aisle ? 0 : 0.5)) best = i;
  });
  return best;
}

function seatNode(name: string, seats: readonly SeatPlacement[], parts: SceneNode['parts'], at: (s: SeatPlacement) => Instance): SceneNode {
  return { name, origin: [0, 0, 0], parts, instances: { list: seats.map(at), bakeAt: bakeIndex(seats) } };
}

export function cabinScene(layout: CabinLayout, seats: readonly SeatPlacement[], pois: { galley: CabinPoi; lavatory: CabinPoi; bins: CabinPoi; places: CabinPoi[] }): SceneModel {
  const extras = (p: CabinPoi) => ({ hotspot: p.id, title: p.title });
  const nodes: SceneNode[] = [...fuselageNodes(layout)];
  for (const bins of binNodes(layout)) nodes.push(bins.name === 'bins-left' ? { ...bins, name: `poi-${pois.bins.id}`, origin: pois.bins.anchor, extras: extras(pois.bins) } : bins);
  for (const node of monumentNodes(layout, { galley: `poi-${pois.galley.id}`, lavatory: `poi-${pois.lavatory.id}` })) {
    if (node.name === `poi-${pois.galley.id}`) nodes.push({ ...node, origin: pois.galley.anchor, extras: extras(pois.galley) });
    else if (node.name === `poi-${pois.lavatory.id}`) nodes.push({ ...node, origin: pois.lavatory.anchor, extras: extras(pois.lavatory) });
    else nodes.push(node);
  }
  const atSeat = (s: SeatPlacement): Instance => ({ translation: [s.x, 0, s.z], yaw: 0 });
  layout.sections.forEach((section, index) => {
    const inSection = seats.filter((s) => s.section === index);
    if (!inSection.length) return;
    if (section.class === 'business' || section.class === 'first') {
      nodes.push(seatNode(`seats-${index + 1}-${section.class}`, inSection, businessSeat(section.seatWidth), atSeat));
    } else {
      nodes.push(seatNode(`seats-${index + 1}-${section.class}`, inSection, economySeat(section.seatWidth), atSeat));
      const ends = inSection.filter((s) => section.blocks.some((b) => b[b.length - 1] === s.letter));
      nodes.push(seatNode(`armrests-${index + 1}`, ends, blockEndArmrest(section.seatWidth), atSeat));
    }
  });
  // Points of interest that are places rather than things: an empty node each.
  for (const p of pois.places) nodes.push({ name: `poi-${p.id}`, origin: p.anchor, parts: [], extras: extras(p) });
  return {
    nodes,
    materials: CABIN_MATERIALS,
    lights: cabinLights(layout, true),
    sky: { zenith: [0.55, 0.7, 1.05], horizon: [1.2, 1.25, 1.3], ground: [1.05, 1.05, 1.05] },
    exposure: 1.25,
  };
}
