// Panoramas of a tour, rendered from its own scene.glb in headless Chromium: a cube map at each
// viewpoint turned equirectangular (4096 × 2048), read back in strips, encoded as WebP at the best
// quality that stays under the size a panorama may take.
import path from 'node:path';
import sharp from 'sharp';
import type { PanoramaView } from '../tour/tour-build.ts';
import { writeFileAtomic } from '../tour/write-tour.ts';
import { openRenderPage } from './chromium.ts';

export const PANORAMA_WIDTH = 4096;
/** Largest WebP a panorama may be: 3–4 of them and the scene fit a tour's 5 MB. */
export const PANORAMA_MAX_BYTES = 700_000;
const FACE_SIZE = 2048;
const SAMPLES = 3;
const STRIP_ROWS = 256;

type RenderApi = {
  panorama: (position: [number, number, number], width: number, face: number, samples: number) => void;
  strip: (row: number, rows: number) => string;
};

/** The best WebP under the limit, trying qualities from high to low. */
export async function encodePanorama(rgb: Uint8Array, width: number, height: number, maxBytes = PANORAMA_MAX_BYTES): Promise<Uint8Array> {
  let last: Uint8Array | null = null;
  for (const quality of [92, 88, 84, 80, 76, 72, 66, 60, 54]) {
    const bytes = new Uint8Array(await sharp(rgb, { raw: { width, height, channels: 3 } }).webp({ quality, effort: 5, smartSubsample: true }).toBuffer());
    if (bytes.byteLength <= maxBytes) return bytes;
    last = bytes;
  }
  throw new Error(`a panorama does not fit in ${maxBytes} bytes even at low quality (${last?.byteLength} bytes)`);
}

export async function renderPanoramas(dir: string, glb: Uint8Array, views: readonly PanoramaView[], fileOf: (viewpoint: string) => string, log: (line: string) => void): Promise<Map<string, string>> {
  const { page, close } = await openRenderPage(glb);
  const written = new Map<string, string>();
  try {
    for (const view of views) {
      const started = performance.now();
      const height = PANORAMA_WIDTH / 2;
      await page.evaluate(([p, w, f, s]) => (window as unknown as { sightlineRender: RenderApi }).sightlineRender.panorama(p, w, f, s), [view.position as [number, number, number], PANORAMA_WIDTH, FACE_SIZE, SAMPLES] as const);
      const rgb = new Uint8Array(PANORAMA_WIDTH * height * 3);
      for (let row = 0; row < height; row += STRIP_ROWS) {
        const base64 = await page.evaluate(([r, n]) => (window as unknown as { sightlineRender: RenderApi }).sightlineRender.strip(r, n), [row, STRIP_ROWS] as const);
        rgb.set(Buffer.from(base64, 'base64'), row * PANORAMA_WIDTH * 3);
      }
      const webp = await encodePanorama(rgb, PANORAMA_WIDTH, height);
      const file = fileOf(view.viewpoint);
      await writeFileAtomic(path.join(dir, file), webp);
      written.set(view.viewpoint, file);
      log(`${file}: ${webp.byteLength} bytes in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await close();
  }
  return written;
}
