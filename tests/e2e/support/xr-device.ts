// The emulated AR phone for browser journeys: xr-device-entry.ts bundled once (iwer, @iwer/sem and
// one synthetic room, several MB) into a script added to the customer's context before any page
// script — so the page meets a WebXR device as on a real phone, and the production bundle carries no
// emulator at all.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { repoRoot } from './server.ts';

const entry = path.join(repoRoot, 'tests/e2e/support/xr-device-entry.ts');
const cacheFile = path.join(repoRoot, 'node_modules/.cache/sightline/xr-device.js');

async function bundle(): Promise<string> {
  if (existsSync(cacheFile) && statSync(cacheFile).mtimeMs > statSync(entry).mtimeMs) return readFileSync(cacheFile, 'utf8');
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry, formats: ['iife'], name: 'SightlineXrDevice', fileName: () => 'xr-device.js' },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  const chunk = results.flatMap((r) => ('output' in r ? r.output : [])).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the emulated XR device did not bundle');
  mkdirSync(path.dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, chunk.code);
  return chunk.code;
}

/** Makes every page of the context an emulated AR phone in a synthetic office. */
export async function installXrDevice(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: await bundle() });
}

/** Where the emulated phone is and where it looks, in the room's local-floor space (metres, degrees). */
export async function setPhonePose(page: Page, position: [number, number, number], pitchDeg: number, yawDeg = 0): Promise<void> {
  await page.evaluate(
    ({ position, pitch, yaw }) => {
      const device = window.__xrDevice;
      device.position.set(position[0], position[1], position[2]);
      // Yaw about +y, then pitch about the rotated +x (intrinsic Y-X), as a phone is held.
      const cy = Math.cos(yaw / 2), sy = Math.sin(yaw / 2), cp = Math.cos(pitch / 2), sp = Math.sin(pitch / 2);
      device.quaternion.set(cy * sp, sy * cp, -sy * sp, cy * cp);
    },
    { position, pitch: (pitchDeg * Math.PI) / 180, yaw: (yawDeg * Math.PI) / 180 },
  );
}

/** Chromium's own navigator.xr (present, with no device) removed, as on a browser without WebXR. */
export function withoutWebXr(): void {
  delete (Navigator.prototype as { xr?: unknown }).xr;
}
