// A baked scene as a glTF binary: one node per scene node (points of interest keep their name and
// extras), one primitive per material, unlit materials whose vertex colours carry the baked light,
// WebP textures, instanced copies with EXT_mesh_gpu_instancing, meshopt-compressed geometry.
import { Document, Logger, NodeIO, type Material, type Texture } from '@gltf-transform/core';
import { EXTMeshGPUInstancing, EXTMeshoptCompression, EXTTextureWebP, KHRMaterialsUnlit, KHRMeshQuantization } from '@gltf-transform/extensions';
import { meshopt } from '@gltf-transform/functions';
import { MeshoptEncoder } from 'meshoptimizer';
import type { Part, SceneModel } from '../scene/scene-model.ts';
import type { TextureStore } from '../textures/texture-store.ts';
import { mergeParts } from './merge-parts.ts';

const LINEAR = 9729;
const LINEAR_MIPMAP_LINEAR = 9987;

export async function writeGlb(scene: SceneModel, colors: Map<Part, Float32Array>, textures: TextureStore): Promise<Uint8Array> {
  // Quantization skips texture coordinates outside 0–1 (repeating textures) with a warning each: expected.
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.ERROR));
  const buffer = doc.createBuffer();
  const unlit = doc.createExtension(KHRMaterialsUnlit);
  doc.createExtension(EXTTextureWebP).setRequired(true);
  const instancing = scene.nodes.some((n) => n.instances) ? doc.createExtension(EXTMeshGPUInstancing).setRequired(true) : null;

  const textureByName = new Map<string, Texture>();
  const texture = async (name: string) => {
    let t = textureByName.get(name);
    if (!t) {
      t = doc.createTexture(name).setImage(await textures.webp(name)).setMimeType('image/webp');
      textureByName.set(name, t);
    }
    return t;
  };
  const materialByName = new Map<string, Material>();
  const material = async (name: string) => {
    let m = materialByName.get(name);
    if (m) return m;
    const def = scene.materials[name]!;
    const c = def.color ?? [1, 1, 1];
    if (c.some((v) => v < 0 || v > 1)) throw new Error(`material ${name}: color ${c.join(', ')} is outside 0–1, which glTF does not allow`);
    m = doc.createMaterial(name).setExtension('KHR_materials_unlit', unlit.createUnlit()).setBaseColorFactor([c[0], c[1], c[2], def.opacity ?? 1]);
    m.setMetallicFactor(0).setRoughnessFactor(1);
    if (def.opacity !== undefined && def.opacity < 1) m.setAlphaMode('BLEND');
    if (def.doubleSided) m.setDoubleSided(true);
    if (def.texture) {
      m.setBaseColorTexture(await texture(def.texture));
      m.getBaseColorTextureInfo()!.setMinFilter(LINEAR_MIPMAP_LINEAR).setMagFilter(LINEAR);
    }
    materialByName.set(name, m);
    return m;
  };

  const root = doc.createScene('tour');
  doc.getRoot().setDefaultScene(root);
  for (const node of scene.nodes) {
    const gltfNode = doc.createNode(node.name);
    if (node.extras) gltfNode.setExtras(node.extras);
    const offset = node.instances ? [0, 0, 0] : node.origin;
    if (!node.instances) gltfNode.setTranslation([node.origin[0], node.origin[1], node.origin[2]]);
    root.addChild(gltfNode);
    // A point of interest may be only a place (a minibar inside a cabinet): a node without a mesh.
    if (node.parts.every((p) => p.geometry.indices.length === 0)) continue;
    const mesh = doc.createMesh(node.name);
    for (const merged of mergeParts(node.parts, colors)) {
      const def = scene.materials[merged.material]!;
      const tile = def.tile === undefined ? [1, 1] : typeof def.tile === 'number' ? [def.tile, def.tile] : def.tile;
      const count = merged.positions.length / 3;
      const positions = new Float32Array(merged.positions.length);
      for (let i = 0; i < positions.length; i++) positions[i] = merged.positions[i]! - offset[i % 3]!;
      const uvs = new Float32Array(merged.uvs.length);
      for (let i = 0; i < uvs.length; i++) uvs[i] = merged.uvs[i]! / tile[i % 2]!;
      const prim = doc
        .createPrimitive()
        .setMaterial(await material(merged.material))
        .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(positions).setBuffer(buffer))
        .setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(new Float32Array(merged.normals)).setBuffer(buffer))
        .setAttribute('COLOR_0', doc.createAccessor().setType('VEC3').setArray(merged.colors).setBuffer(buffer))
        .setIndices(doc.createAccessor().setType('SCALAR').setArray(count > 65535 ? new Uint32Array(merged.indices) : new Uint16Array(merged.indices)).setBuffer(buffer));
      if (def.texture) prim.setAttribute('TEXCOORD_0', doc.createAccessor().setType('VEC2').setArray(uvs).setBuffer(buffer));
      mesh.addPrimitive(prim);
    }
    gltfNode.setMesh(mesh);
    if (node.instances && instancing) {
      const translations = new Float32Array(node.instances.list.flatMap((i) => i.translation));
      const rotations = new Float32Array(node.instances.list.flatMap((i) => {
        const half = (i.yaw * Math.PI) / 360;
        return [0, Math.sin(half), 0, Math.cos(half)];
      }));
      const batch = instancing
        .createInstancedMesh()
        .setAttribute('TRANSLATION', doc.createAccessor().setType('VEC3').setArray(translations).setBuffer(buffer))
        .setAttribute('ROTATION', doc.createAccessor().setType('VEC4').setArray(rotations).setBuffer(buffer));
      gltfNode.setExtension('EXT_mesh_gpu_instancing', batch);
    }
  }

  await MeshoptEncoder.ready;
  await doc.transform(meshopt({ encoder: MeshoptEncoder, level: 'high', quantizeColor: 12, quantizeTexcoord: 14 }));
  const io = new NodeIO()
    .registerExtensions([EXTMeshoptCompression, EXTTextureWebP, KHRMaterialsUnlit, KHRMeshQuantization, EXTMeshGPUInstancing])
    .registerDependencies({ 'meshopt.encoder': MeshoptEncoder });
  return io.writeBinary(doc);
}
