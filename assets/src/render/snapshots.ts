// Looking at a tour: `npx tsx assets/src/render/snapshots.ts <tour-id> <out-dir>` renders a photo
// from every viewpoint of the committed scene (as the 3D viewer would show it, 1280 × 800) and a
// small copy of each panorama, as PNG files to open and judge.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { readTour } from '../../../protocol/tour.ts';
import { openRenderPage } from './chromium.ts';

type ViewApi = { view: (p: [number, number, number], yaw: number, pitch: number, fov: number, w: number, h: number) => string };

const [id, out] = process.argv.slice(2);
if (!id || !out) throw new Error('usage: snapshots.ts <tour-id> <out-dir> [viewpoint…]');
const only = new Set(process.argv.slice(4));
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tours', id);
const reading = readTour(JSON.parse(await readFile(path.join(dir, 'tour.json'), 'utf8')));
if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
const tour = reading.tour;
await mkdir(out, { recursive: true });
const { page, close } = await openRenderPage(new Uint8Array(await readFile(path.join(dir, tour.scene!))));
try {
  for (const v of tour.viewpoints) {
    if (only.size && !only.has(v.id)) continue;
    const url = await page.evaluate(([p, yaw, pitch]) => (window as unknown as { sightlineRender: ViewApi }).sightlineRender.view(p, yaw, pitch, 70, 1280, 800), [v.position, v.yaw, v.pitch] as const);
    await writeFile(path.join(out, `${id}-${v.id}.png`), Buffer.from(url.split(',')[1]!, 'base64'));
    if (v.panorama) await sharp(path.join(dir, v.panorama)).resize(1600, 800).png().toFile(path.join(out, `${id}-${v.id}-panorama.png`));
  }
} finally {
  await close();
}
