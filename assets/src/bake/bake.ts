// Bakes light into vertex colours: direct light from lamps, glowing panels and the sky and sun
// through the windows (with shadow rays), then diffuse bounces gathered over the hemisphere (with
// the bounced part smoothed across each surface, where it varies slowly anyway). Pure CPU, in
// Node, with three-mesh-bvh; every random number comes from a seed, so a run is reproducible.
import type { Part, SceneModel } from '../scene/scene-model.ts';
import type { Rgb } from '../textures/image.ts';
import { buildBakeMesh } from './bake-mesh.ts';
import { gather, smooth } from './bounce.ts';
import { directLight } from './direct-light.ts';
import { toneCurve } from './tone.ts';

export interface BakeSettings {
  /** Hemisphere rays per vertex for each bounce. */
  gatherRays: number;
  bounces: number;
  /** Light every vertex gets, standing in for bounces beyond the last. */
  ambient: Rgb;
}

export const DEFAULT_BAKE: BakeSettings = { gatherRays: 48, bounces: 2, ambient: [0.02, 0.02, 0.02] };

export interface BakeResult {
  /** Vertex colours (linear RGB, 0–1) of each part, for COLOR_0. */
  colors: Map<Part, Float32Array>;
  vertices: number;
}

export function bakeScene(scene: SceneModel, albedoOf: (material: string) => Rgb, settings: BakeSettings = DEFAULT_BAKE, log: (line: string) => void = () => {}): BakeResult {
  const mesh = buildBakeMesh(scene, albedoOf);
  const started = performance.now();
  const direct = directLight(mesh, scene.lights, scene.sky);
  log(`direct light at ${mesh.receivers.length} vertices in ${Math.round(performance.now() - started)} ms`);
  let total = direct;
  for (let bounce = 0; bounce < settings.bounces; bounce++) {
    const t = performance.now();
    const indirect = smooth(mesh, gather(mesh, total, settings.gatherRays), 2);
    total = new Float32Array(direct.length);
    for (let i = 0; i < total.length; i++) total[i] = direct[i]! + indirect[i]!;
    log(`bounce ${bounce + 1} in ${Math.round(performance.now() - t)} ms`);
  }
  const colors = new Map<Part, Float32Array>();
  for (const node of scene.nodes) {
    for (const part of node.parts) {
      const start = mesh.partStart.get(part)!;
      const count = part.geometry.positions.length / 3;
      const out = new Float32Array(count * 3);
      const emissive = scene.materials[part.material]!.emissive;
      for (let i = 0; i < count; i++) {
        for (let k = 0; k < 3; k++) {
          out[i * 3 + k] = emissive ? Math.min(1, emissive[k]!) : toneCurve(scene.exposure * (total[(start + i) * 3 + k]! + settings.ambient[k]!));
        }
      }
      colors.set(part, out);
    }
  }
  return { colors, vertices: mesh.receivers.length };
}
