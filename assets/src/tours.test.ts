// The tours `npm run assets` wrote to assets/tours, as committed: each tour.json reads through
// readTour; each scene is valid glTF (Khronos validator, no errors) and carries every hotspot's node
// with its extras; seats, links and hotspots point at things that exist; panoramas are WebP of at
// least 4096×2048; a tour's bytes over the wire (brotli for glb and json) stay within 5 MB.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import validator from 'gltf-validator';
import { MeshoptDecoder } from 'meshoptimizer';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readTour, tourFiles, type TourManifest } from '../../protocol/tour.ts';
import { chineseTranslation } from './tour/zh-cn.ts';

const TOURS = fileURLToPath(new URL('../tours', import.meta.url));
export const BUDGET_BYTES = 5 * 1000 * 1000;
const ids = existsSync(TOURS) ? readdirSync(TOURS).filter((d) => existsSync(path.join(TOURS, d, 'tour.json'))) : [];

/** What a browser accepting brotli receives: glb and json compressed, images as they are. */
function wireBytes(file: string, bytes: Buffer): number {
  return /\.(glb|json)$/.test(file) ? zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length : bytes.length;
}

/** Where a direction from `from` to `to` falls on an equirectangular panorama (protocol/tour.ts): u 0.5 along −Z, 0.25 along −X. */
function panoramaPoint(from: readonly number[], to: readonly number[]): { u: number; v: number } {
  const [x, y, z] = [to[0]! - from[0]!, to[1]! - from[1]!, to[2]! - from[2]!];
  const yaw = Math.atan2(-x, -z);
  const pitch = Math.atan2(y, Math.hypot(x, z));
  return { u: 0.5 - yaw / (2 * Math.PI), v: 0.5 - pitch / Math.PI };
}

/** Mean brightness (0–1) of a small square of a panorama around (u, v). */
async function brightness(file: string, u: number, v: number): Promise<number> {
  const meta = await sharp(file).metadata();
  const size = 24;
  const left = Math.round(u * meta.width! - size / 2);
  const top = Math.round(v * meta.height! - size / 2);
  const { data } = await sharp(file).extract({ left, top, width: size, height: size }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return data.reduce((sum, b) => sum + b, 0) / data.length / 255;
}

describe('generated tours', () => {
  it('are there: both hotel rooms and the cabin', () => {
    expect(ids).toEqual(expect.arrayContaining(['hotel-standard', 'cabin-a321']));
  });

  describe.each(ids)('%s', (id) => {
    const dir = path.join(TOURS, id);
    const reading = readTour(JSON.parse(readFileSync(path.join(dir, 'tour.json'), 'utf8')));
    const tour = (reading.ok ? reading.tour : null) as TourManifest;

    it('reads as a whole tour, named after its folder, its files all there', () => {
      expect(reading.ok ? [] : reading.problems).toEqual([]);
      expect(tour.id).toBe(id);
      for (const file of tourFiles(tour)) expect(existsSync(path.join(dir, file)), file).toBe(true);
    });

    it('speaks Simplified Chinese: every title, text and plan name has its zh-CN words, as the generator writes them', () => {
      const { translations, ...english } = tour;
      const zh = translations['zh-CN']!;
      expect(zh).toEqual(chineseTranslation({ ...english, translations: {} }));
      expect(zh.title && zh.description).toBeTruthy();
      expect(tour.viewpoints.filter((v) => !zh.viewpoints[v.id]).map((v) => v.title)).toEqual([]);
      expect(tour.hotspots.filter((h) => !zh.hotspots[h.id]?.title || (h.text && !zh.hotspots[h.id]?.text)).map((h) => h.title)).toEqual([]);
      expect(tour.bookables.filter((b) => !zh.bookables[b.id]?.title).map((b) => b.title)).toEqual([]);
      // Door codes (L1/R1) are written the same in every language.
      const names = (tour.plan?.shapes ?? []).flatMap((s) => (s.label && /\p{Ll}/u.test(s.label) ? [s.label] : []));
      expect(names.filter((n) => !zh.planLabels[n])).toEqual([]);
    });

    it('has a scene the glTF validator finds no error in, with every hotspot node and its extras', async () => {
      const bytes = new Uint8Array(readFileSync(path.join(dir, tour.scene!)));
      const report = await validator.validateBytes(bytes, { maxIssues: 200 });
      expect(report.issues.messages.filter((m) => m.severity === 0)).toEqual([]);
      await MeshoptDecoder.ready;
      const doc = await new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({ 'meshopt.decoder': MeshoptDecoder }).readBinary(bytes);
      const nodes = new Map(doc.getRoot().listNodes().map((n) => [n.getName(), n.getExtras()]));
      for (const h of tour.hotspots) {
        if (!h.node) continue;
        expect(nodes.has(h.node), `${h.id}: node ${h.node}`).toBe(true);
        expect(nodes.get(h.node), `${h.id}: extras`).toMatchObject({ hotspot: h.id, title: h.title });
      }
    });

    it('has a ceiling without a crack along the middle: both sides of the cabin meet there exactly', async () => {
      if (!tour.plan || tour.plan.kind !== 'seats') return;
      await MeshoptDecoder.ready;
      const doc = await new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({ 'meshopt.decoder': MeshoptDecoder }).read(path.join(dir, tour.scene!));
      const crown: number[] = [];
      for (const node of doc.getRoot().listNodes()) {
        const [sx, , , , , sy, , , , , , , tx, ty] = node.getWorldMatrix();
        for (const prim of node.getMesh()?.listPrimitives() ?? []) {
          if (prim.getMaterial()?.getName() !== 'ceiling') continue;
          const position = prim.getAttribute('POSITION')!;
          const p: number[] = [];
          for (let i = 0; i < position.getCount(); i++) {
            position.getElement(i, p);
            const [x, y] = [p[0]! * sx! + tx!, p[1]! * sy! + ty!];
            if (Math.abs(x) < 0.01 && y > 2) crown.push(x);
          }
        }
      }
      expect(crown.length).toBeGreaterThan(0);
      // Vertices quantized each on its own mesh's grid land up to a grid step (2 mm) either side.
      expect(Math.max(...crown.map(Math.abs))).toBeLessThan(1e-4);
    });

    it('links, hotspots and seats point at what exists; every seat has its own viewpoint from that seat', () => {
      const viewpoints = new Map(tour.viewpoints.map((v) => [v.id, v]));
      const options = new Set(tour.bookables.map((b) => b.id));
      for (const l of tour.links) expect(viewpoints.has(l.from) && viewpoints.has(l.to), `${l.from} → ${l.to}`).toBe(true);
      for (const h of tour.hotspots) if (h.option) expect(options.has(h.option), h.id).toBe(true);
      for (const v of tour.viewpoints) expect(tour.links.some((l) => l.from === v.id) || tour.viewpoints.length === 1, `${v.id} leads somewhere`).toBe(true);
      for (const s of tour.plan?.seats ?? []) {
        const v = viewpoints.get(s.viewpoint);
        expect(v?.seat, s.id).toBe(s.id);
        expect(v?.id).toBe(`seat-${s.id.toLowerCase()}`);
        expect(v?.title).toBe(`View from seat ${s.id}`);
        expect(Math.hypot(v!.position[0] - s.x, v!.position[2] - s.z), `${s.id} eye on its seat`).toBeLessThan(Math.max(s.width, s.depth));
        if (s.option) expect(options.has(s.option), s.id).toBe(true);
      }
    });

    it('has 2–4 panoramas, WebP, at least 4096 × 2048, one where the tour starts', async () => {
      const panoramas = tour.viewpoints.filter((v) => v.panorama);
      // A phone shown panoramas would otherwise open the tour in 3D after all.
      expect(panoramas.map((v) => v.id)).toContain(tour.start);
      expect(panoramas.length).toBeGreaterThanOrEqual(2);
      expect(panoramas.length).toBeLessThanOrEqual(4);
      for (const v of panoramas) {
        const meta = await sharp(path.join(dir, v.panorama!)).metadata();
        expect([meta.format, meta.width! >= 4096, meta.height! >= 2048, meta.width! / meta.height!], v.panorama).toEqual(['webp', true, true, 2]);
      }
    });

    it('has its panoramas turned as the scene is: a dark television shows where the contract puts it, not mirrored', async () => {
      const tv = tour.hotspots.find((h) => h.id === 'smart-tv');
      const viewpoint = tour.viewpoints.find((v) => v.panorama && tv && Math.hypot(v.position[0] - tv.position[0], v.position[2] - tv.position[2]) < 3);
      if (!tv || !viewpoint) return;
      const file = path.join(dir, viewpoint.panorama!);
      const { u, v } = panoramaPoint(viewpoint.position, tv.position);
      expect(await brightness(file, u, v)).toBeLessThan(0.12);
      expect(await brightness(file, 1 - u, v)).toBeGreaterThan(0.2);
    });

    it('stays within 5 MB over the wire', () => {
      const total = ['tour.json', ...tourFiles(tour)].reduce((sum, file) => sum + wireBytes(file, readFileSync(path.join(dir, file))), 0);
      expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
    });
  });
});
