// The emulated VR headset for tour journeys: xr-headset-entry.ts bundled once (iwer) into a script
// added to a context before any page script, so the page meets a headset that offers immersive VR,
// and its right controller can be aimed and its trigger pressed.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { repoRoot } from './server.ts';

const entry = path.join(repoRoot, 'tests/e2e/support/xr-headset-entry.ts');
const cacheFile = path.join(repoRoot, 'node_modules/.cache/sightline/xr-headset.js');

async function bundle(): Promise<string> {
  if (existsSync(cacheFile) && statSync(cacheFile).mtimeMs > statSync(entry).mtimeMs) return readFileSync(cacheFile, 'utf8');
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    build: { write: false, minify: false, target: 'es2022', lib: { entry, formats: ['iife'], name: 'SightlineXrHeadset', fileName: () => 'xr-headset.js' } },
  });
  const results = Array.isArray(output) ? output : [output];
  const chunk = results.flatMap((r) => ('output' in r ? r.output : [])).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the emulated headset did not bundle');
  mkdirSync(path.dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, chunk.code);
  return chunk.code;
}

export async function installXrHeadset(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: await bundle() });
}

/** Points the right controller, held at `from` (local-floor metres), at `target`. */
export async function aimRightController(page: Page, from: [number, number, number], target: [number, number, number]): Promise<void> {
  await page.evaluate(
    ({ from, target }) => {
      const controller = window.__xrHeadset.controllers.right!;
      controller.position.set(from[0], from[1], from[2]);
      // The shortest rotation taking −Z onto the unit direction d: normalise((−Z × d, 1 + (−Z · d))).
      const d = [target[0] - from[0], target[1] - from[1], target[2] - from[2]];
      const length = Math.hypot(d[0]!, d[1]!, d[2]!);
      const [x, y, z] = d.map((v) => v / length) as [number, number, number];
      const q = [y, -x, 0, 1 - z];
      const norm = Math.hypot(q[0]!, q[1]!, q[2]!, q[3]!) || 1;
      controller.quaternion.set(q[0]! / norm, q[1]! / norm, q[2]! / norm, q[3]! / norm);
    },
    { from, target },
  );
}

/** A full trigger press and release on the right controller: a "select", i.e. a click in the scene. */
export async function pullRightTrigger(page: Page): Promise<void> {
  await page.evaluate(() => window.__xrHeadset.controllers.right!.updateButtonValue('trigger', 1));
  await page.waitForTimeout(200);
  await page.evaluate(() => window.__xrHeadset.controllers.right!.updateButtonValue('trigger', 0));
}
