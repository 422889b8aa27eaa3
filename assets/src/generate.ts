// `npm run assets [tour-id…] [--no-panoramas] [--keep-scene]`: builds every tour (or those named) from
// parameters into assets/tours/<id>/: the scene baked and written as scene.glb, panoramas rendered
// from it in headless Chromium, and tour.json. Nothing is downloaded. --keep-scene renders panoramas
// from the scene.glb already there instead of baking it again.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bakeScene, DEFAULT_BAKE } from './bake/bake.ts';
import { writeGlb } from './gltf/write-glb.ts';
import { TextureStore } from './textures/texture-store.ts';
import { TOURS } from './tours.ts';
import { writeFileAtomic, writeManifest } from './tour/write-tour.ts';
import { withChinese } from './tour/zh-cn.ts';
import type { TourBuild } from './tour/tour-build.ts';

const TOURS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tours');

function log(line: string): void {
  console.log(`[assets] ${line}`);
}

/** Panoramas already in the folder: kept in tour.json when this run does not render them. */
async function existingPanoramas(dir: string, build: TourBuild): Promise<Map<string, string>> {
  const files = new Set(await readdir(dir).catch(() => [] as string[]));
  const found = new Map<string, string>();
  for (const p of build.panoramas) if (files.has(panoramaFile(p.viewpoint))) found.set(p.viewpoint, panoramaFile(p.viewpoint));
  return found;
}

export function panoramaFile(viewpoint: string): string {
  return `pano-${viewpoint}.webp`;
}

async function bakeAndWrite(id: string, build: TourBuild, dir: string): Promise<Uint8Array> {
  const textures = new TextureStore(build.textures);
  const albedo = (material: string) => {
    const def = build.scene.materials[material]!;
    const c = def.color ?? [1, 1, 1];
    const t = def.texture ? textures.mean(def.texture) : ([1, 1, 1] as const);
    return [c[0] * t[0], c[1] * t[1], c[2] * t[2]] as const;
  };
  const baked = bakeScene(build.scene, albedo, { ...DEFAULT_BAKE, ...build.bake }, (line) => log(`${id}: ${line}`));
  const glb = await writeGlb(build.scene, baked.colors, textures);
  await writeFileAtomic(path.join(dir, 'scene.glb'), glb);
  log(`${id}: scene.glb ${glb.byteLength} bytes, ${baked.vertices} vertices baked`);
  return glb;
}

async function generate(id: string, options: { panoramas: boolean; keepScene: boolean }): Promise<void> {
  const make = TOURS[id];
  if (!make) throw new Error(`no tour "${id}"; the tours are: ${Object.keys(TOURS).join(', ')}`);
  const started = performance.now();
  const build = make();
  const dir = path.join(TOURS_DIR, id);
  const glb = options.keepScene ? new Uint8Array(await readFile(path.join(dir, 'scene.glb'))) : await bakeAndWrite(id, build, dir);
  let panoramas = await existingPanoramas(dir, build);
  if (options.panoramas && build.panoramas.length) {
    const { renderPanoramas } = await import('./render/render-panoramas.ts');
    panoramas = await renderPanoramas(dir, glb, build.panoramas, panoramaFile, (line) => log(`${id}: ${line}`));
  }
  await writeManifest(dir, withChinese(build.manifest(panoramas)));
  log(`${id}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const ids = args.filter((a) => !a.startsWith('--'));
  const options = { panoramas: !args.includes('--no-panoramas'), keepScene: args.includes('--keep-scene') };
  for (const id of ids.length ? ids : Object.keys(TOURS)) await generate(id, options);
}

await main();
