// A node's parts gathered by material: one glTF primitive (one draw call) per material per node.
import type { Part } from '../scene/scene-model.ts';

export interface MergedPart {
  material: string;
  positions: number[];
  normals: number[];
  uvs: number[];
  indices: number[];
  colors: Float32Array;
}

export function mergeParts(parts: readonly Part[], colors: ReadonlyMap<Part, Float32Array>): MergedPart[] {
  const byMaterial = new Map<string, Part[]>();
  for (const p of parts) {
    if (p.geometry.indices.length === 0) continue;
    const list = byMaterial.get(p.material) ?? [];
    list.push(p);
    byMaterial.set(p.material, list);
  }
  return [...byMaterial].map(([material, list]) => {
    const merged: MergedPart = { material, positions: [], normals: [], uvs: [], indices: [], colors: new Float32Array(0) };
    const colorChunks: Float32Array[] = [];
    for (const p of list) {
      const base = merged.positions.length / 3;
      for (const v of p.geometry.positions) merged.positions.push(v);
      for (const v of p.geometry.normals) merged.normals.push(v);
      for (const v of p.geometry.uvs) merged.uvs.push(v);
      for (const i of p.geometry.indices) merged.indices.push(base + i);
      const c = colors.get(p);
      if (!c) throw new Error(`part of material ${material} was not baked`);
      colorChunks.push(c);
    }
    merged.colors = new Float32Array(colorChunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of colorChunks) {
      merged.colors.set(c, at);
      at += c.length;
    }
    return merged;
  });
}
