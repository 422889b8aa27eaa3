// Overhead bins along both sidewalls with the passenger service units under them, the cove lights
// on top washing the ceiling, and the lights a cabin is baked under: coves, wash lights under the
// bins, the boarding areas' ceiling panels, and daylight through every window.
import type { Light, PanelLight, WindowLight } from '../bake/lights.ts';
import { box } from '../scene/box.ts';
import { extrude } from '../scene/extrude.ts';
import type { Geometry, Vec3 } from '../scene/geometry.ts';
import type { Part, SceneNode } from '../scene/scene-model.ts';
import { transformGeometry, translation } from '../scene/transform.ts';
import type { CabinLayout } from './cabin-layout.ts';
import { wallX } from './fuselage.ts';
import { rowPlacements, windowCentres } from './seat-layout.ts';

/** The right bin's cross-section (x, y): its door bulges towards the aisle. */
const BIN_SECTION: [number, number][] = [[1.14, 1.6], [1.76, 1.58], [1.62, 1.84], [1.4, 2.0], [1.12, 2.0], [1.08, 1.93], [1.065, 1.8], [1.07, 1.68], [1.1, 1.62]];
const BIN_LENGTH = 1.6;
const COVE: [number, number] = [1.12, 1.37];

/** The stretches of cabin with bins over them: from behind the front door to the aft lavatories. */
export function binRun(layout: CabinLayout): [number, number] {
  const front = Math.max(...layout.exits.filter((e) => e.kind === 'door' && e.z < layout.fuselage.length / 2).map((e) => e.z + e.width / 2 + 0.1), 0.5);
  const back = Math.min(...layout.lavatories.filter((l) => l.from > layout.fuselage.length / 2).map((l) => l.from - 0.02), layout.fuselage.length - 0.5);
  return [front, back];
}

function mirrorX(g: Geometry): Geometry {
  const indices: number[] = [];
  for (let i = 0; i < g.indices.length; i += 3) indices.push(g.indices[i]!, g.indices[i + 2]!, g.indices[i + 1]!);
  return { positions: g.positions.map((v, i) => (i % 3 === 0 ? -v : v)), normals: g.normals.map((v, i) => (i % 3 === 0 ? -v : v)), uvs: [...g.uvs], indices };
}

/** One bin: the section pushed along the cabin from z0 to z1. */
function bin(z0: number, z1: number): Geometry {
  // Extruded along −Z from 0: moved back to end at z1.
  return transformGeometry(extrude(BIN_SECTION, z1 - z0, { cell: 0.2 }), translation([0, 0, z1]));
}

/** The service-unit strip under the bins, textured along the cabin so a unit sits over each row. */
function serviceStrip(z0: number, z1: number, rowZero: number): Geometry {
  const x0 = 1.2;
  const x1 = 1.56;
  const y = 1.586;
  const g: Geometry = { positions: [], normals: [], uvs: [], indices: [] };
  const steps = Math.ceil((z1 - z0) / 0.2);
  for (let k = 0; k <= steps; k++) {
    const z = z0 + ((z1 - z0) * k) / steps;
    g.positions.push(x0, y, z, x1, y, z);
    g.normals.push(0, -1, 0, 0, -1, 0);
    g.uvs.push(z - rowZero + 0.38, 0, z - rowZero + 0.38, x1 - x0 + 0.01);
  }
  for (let k = 0; k < steps; k++) {
    const a = k * 2;
    g.indices.push(a, a + 1, a + 3, a, a + 3, a + 2);
  }
  return g;
}

export function binNodes(layout: CabinLayout): SceneNode[] {
  const [front, back] = binRun(layout);
  const economyRow = rowPlacements(layout).find((r) => layout.sections[r.section]!.class === 'economy')?.z ?? front;
  const count = Math.max(1, Math.round((back - front) / BIN_LENGTH));
  const length = (back - front) / count;
  return [1, -1].map((side): SceneNode => {
    const parts: Part[] = [];
    for (let i = 0; i < count; i++) {
      const z0 = front + i * length + 0.004;
      const z1 = front + (i + 1) * length - 0.004;
      parts.push({ material: 'bin', geometry: bin(z0, z1) });
    }
    parts.push({ material: 'psu', geometry: serviceStrip(front, back, economyRow) });
    parts.push({ material: 'cove', geometry: box([COVE[0], 2.0, front], [COVE[0] + 0.04, 2.012, back], { cell: 0.5, skip: ['ny'] }) });
    const placed = side > 0 ? parts : parts.map((p) => ({ material: p.material, geometry: mirrorX(p.geometry) }));
    return { name: side > 0 ? 'bins-right' : 'bins-left', origin: [side * 1.4, 1.8, (front + back) / 2], parts: placed };
  });
}

/** Every light of the cabin. */
export function cabinLights(layout: CabinLayout, daylight: boolean): Light[] {
  const lights: Light[] = [];
  const [front, back] = binRun(layout);
  const segment = 2;
  for (let z = front; z < back - 1e-6; z += segment) {
    const len = Math.min(segment, back - z);
    for (const side of [1, -1]) {
      const cove: PanelLight = { kind: 'panel', corner: [side > 0 ? COVE[0] : -COVE[1], 2.03, z], u: [0, 0, len], v: [COVE[1] - COVE[0], 0, 0], radiance: [0.55, 0.58, 0.62], samples: [Math.ceil(len * 14), 2], range: 5, shadows: false };
      const wash: PanelLight = { kind: 'panel', corner: [side > 0 ? 1.16 : -1.5, 1.57, z], u: [0.34, 0, 0], v: [0, 0, len], radiance: [0.34, 0.34, 0.33], samples: [1, Math.ceil(len * 4)], range: 4 };
      lights.push(cove, wash);
    }
  }
  // Ceiling panels over the boarding areas and galleys, where there are no bins.
  for (const [z0, z1] of [[0.1, front - 0.05], [back + 0.05, layout.fuselage.length - 0.1]] as const) {
    if (z1 - z0 < 0.3) continue;
    lights.push({ kind: 'panel', corner: [-0.45, 2.2, z0], u: [0.9, 0, 0], v: [0, 0, z1 - z0], radiance: [1.1, 1.12, 1.15], samples: [2, Math.max(2, Math.round((z1 - z0) / 0.5))], range: 6 });
  }
  if (daylight) {
    const w = layout.windows;
    for (const z of windowCentres(layout)) {
      const x = wallX(layout, w.centreHeight) - 0.016;
      const y0 = w.centreHeight - w.height / 2;
      const right: WindowLight = { kind: 'window', corner: [x, y0, z - w.width / 2], u: [0, 0, w.width], v: [0, w.height, 0], samples: [2, 2], range: 3.5 };
      const left: WindowLight = { kind: 'window', corner: [-x, y0, z + w.width / 2], u: [0, 0, -w.width], v: [0, w.height, 0], samples: [2, 2], range: 3.5 };
      lights.push(right, left);
    }
  }
  return lights;
}

