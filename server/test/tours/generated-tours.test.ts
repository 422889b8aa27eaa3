// The tours `npm run assets` generated and the repository ships: each is offered whole by the server,
// its scene is valid glTF 2.0 (checked by the Khronos validator as written, and again with the meshopt
// compression undone, which the validator cannot look inside), every hotspot's node is in the scene
// with its extras, panoramas are WebP of at least 4096×2048, and the tour stays within 5 MB on the wire.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import validator from 'gltf-validator';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { tourFiles } from '../../../protocol/tour.ts';
import { loadTourLibrary } from '../../src/tours/tour-library.ts';

const TOURS = fileURLToPath(new URL('../../../assets/tours', import.meta.url));
const BUDGET_BYTES = 5 * 1000 * 1000;
const library = loadTourLibrary(TOURS);
const ids = library.list().map((t) => t.id);

/** Bytes the server sends a browser that accepts brotli: compressible files at the server's quality. */
const wireBytes = (file: string, bytes: Buffer): number =>
  /\.(json|glb|ply)$/.test(file) ? zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }).length : bytes.length;

const errorsOf = async (bytes: Uint8Array) => {
  const report = await validator.validateBytes(bytes, { maxIssues: 100 });
  return report.issues.messages.filter((m: { severity: number }) => m.severity === 0);
};

describe('generated tours', () => {
  it('are all offered, none refused', () => {
    expect(library.refused).toEqual([]);
    expect(ids.length).toBeGreaterThan(0);
  });

  describe.each(ids)('%s', (id) => {
    const tour = library.get(id)!;
    const manifest = tour.manifest;

    it('has a valid glTF scene, and every hotspot node in it with its extras', async () => {
      if (!manifest.scene) return;
      const bytes = fs.readFileSync(path.join(tour.dir, manifest.scene));
      expect(await errorsOf(new Uint8Array(bytes))).toEqual([]);
      await MeshoptDecoder.ready;
      await MeshoptEncoder.ready;
      const io = new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({ 'meshopt.decoder': MeshoptDecoder, 'meshopt.encoder': MeshoptEncoder });
      const document = await io.readBinary(new Uint8Array(bytes));
      for (const extension of document.getRoot().listExtensionsUsed()) if (extension.extensionName === 'EXT_meshopt_compression') extension.dispose();
      expect(await errorsOf(await io.writeBinary(document)), 'with the compression undone').toEqual([]);
      const nodes = new Map(document.getRoot().listNodes().map((n) => [n.getName(), n.getExtras()]));
      for (const hotspot of manifest.hotspots.filter((h) => h.node)) {
        expect(nodes.has(hotspot.node!), `${hotspot.id}: node ${hotspot.node}`).toBe(true);
        expect(nodes.get(hotspot.node!), `${hotspot.id}: extras`).toMatchObject({ hotspot: hotspot.id });
      }
    });

    it('has WebP panoramas of at least 4096×2048, and a viewpoint for every seat', async () => {
      for (const viewpoint of manifest.viewpoints.filter((v) => v.panorama)) {
        const meta = await sharp(path.join(tour.dir, viewpoint.panorama!)).metadata();
        expect([meta.format, meta.width! >= 4096, meta.height! >= 2048, meta.width! / meta.height!], viewpoint.panorama).toEqual(['webp', true, true, 2]);
      }
      const viewpoints = new Set(manifest.viewpoints.map((v) => v.id));
      for (const seat of manifest.plan?.seats ?? []) expect(viewpoints.has(seat.viewpoint), seat.id).toBe(true);
    });

    it('stays within 5 MB over the wire', () => {
      const total = ['tour.json', ...tourFiles(manifest)].reduce((sum, file) => sum + wireBytes(file, fs.readFileSync(path.join(tour.dir, file))), 0);
      expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
    });
  });
});
