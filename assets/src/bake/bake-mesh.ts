// The scene flattened for baking: every vertex in scene space with its normal, how much light its
// material reflects and emits, and the triangles that block light, in a BVH for ray casts.
import { BufferAttribute, BufferGeometry } from 'three';
import { MeshBVH } from 'three-mesh-bvh';
import type { Rgb } from '../textures/image.ts';
import type { Part, SceneModel } from '../scene/scene-model.ts';
import { transformGeometry, place } from '../scene/transform.ts';

export interface BakeMesh {
  positions: Float32Array;
  normals: Float32Array;
  /** Reflectance per vertex (linear RGB). */
  albedo: Float32Array;
  /** Light given off per vertex, in the bake's units (0 for most). */
  emission: Float32Array;
  /** The vertex whose light this one shares (an instance copy shares its baked original's), or itself. */
  source: Int32Array;
  /** Vertices whose light is computed. */
  receivers: Int32Array;
  /** Triangles of each receiving part, in global vertex numbers: neighbours for smoothing. */
  partTriangles: Int32Array[];
  bvh: MeshBVH;
  /** The BVH's triangle list (reordered by the BVH): vertex numbers by face index. */
  triangles: ArrayLike<number>;
  /** Where each baked part's vertices start, to read its colours back. */
  partStart: Map<Part, number>;
}

export function buildBakeMesh(scene: SceneModel, albedoOf: (material: string) => Rgb): BakeMesh {
  const pos: number[] = [];
  const nrm: number[] = [];
  const alb: number[] = [];
  const emi: number[] = [];
  const source: number[] = [];
  const receivers: number[] = [];
  const occluding: number[] = [];
  const partTriangles: Int32Array[] = [];
  const partStart = new Map<Part, number>();

  for (const node of scene.nodes) {
    for (const part of node.parts) {
      const material = scene.materials[part.material];
      if (!material) throw new Error(`node ${node.name}: no material "${part.material}"`);
      const a = albedoOf(part.material);
      const e = material.emissive ? material.emissive.map((c) => c / scene.exposure) : [0, 0, 0];
      const copies = node.instances ? node.instances.list.map((inst, k) => ({ geometry: transformGeometry(part.geometry, place(inst.translation, inst.yaw)), baked: k === node.instances!.bakeAt })) : [{ geometry: part.geometry, baked: true }];
      const bakedStart = pos.length / 3 + (node.instances ? part.geometry.positions.length / 3 * node.instances.bakeAt : 0);
      for (const copy of copies) {
        const start = pos.length / 3;
        const g = copy.geometry;
        const count = g.positions.length / 3;
        for (let i = 0; i < count; i++) {
          pos.push(g.positions[i * 3]!, g.positions[i * 3 + 1]!, g.positions[i * 3 + 2]!);
          nrm.push(g.normals[i * 3]!, g.normals[i * 3 + 1]!, g.normals[i * 3 + 2]!);
          alb.push(a[0], a[1], a[2]);
          emi.push(e[0]!, e[1]!, e[2]!);
          source.push(copy.baked ? start + i : bakedStart + i);
          if (copy.baked && !material.emissive) receivers.push(start + i);
        }
        if (material.occluder !== false) for (const index of g.indices) occluding.push(start + index);
        if (copy.baked) {
          partStart.set(part, start);
          partTriangles.push(Int32Array.from(g.indices, (index) => start + index));
        }
      }
    }
  }

  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(pos), 3));
  geometry.setIndex(new BufferAttribute(new Uint32Array(occluding), 1));
  const bvh = new MeshBVH(geometry, { targetLeafSize: 8 });
  return {
    positions: new Float32Array(pos),
    normals: new Float32Array(nrm),
    albedo: new Float32Array(alb),
    emission: new Float32Array(emi),
    source: Int32Array.from(source),
    receivers: Int32Array.from(receivers),
    partTriangles,
    bvh,
    triangles: geometry.index!.array,
    partStart,
  };
}
