// The emulated AR phone for browser journeys: xr-device-entry.ts bundled once (iwer, @iwer/sem and
// one synthetic room, several MB) into a script added to the customer's context before any page
// script — so the page meets a WebXR device as on a real phone, and the production bundle carries no
// emulator at all.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { repoRoot } from './server.ts';
import type { XrDeviceOptions } from './xr-device-options.ts';

const entry = path.join(repoRoot, 'tests/e2e/support/xr-device-entry.ts');
/** The entry and the modules it bundles from this folder: the bundle is rebuilt when any is newer. */
const sources = [entry, ...['xr-camera-access.ts', 'xr-device-options.ts'].map((file) => path.join(repoRoot, 'tests/e2e/support', file))];
const cacheFile = path.join(repoRoot, 'node_modules/.cache/sightline/xr-device.js');

async function bundle(): Promise<string> {
  if (existsSync(cacheFile) && sources.every((source) => statSync(cacheFile).mtimeMs > statSync(source).mtimeMs)) return readFileSync(cacheFile, 'utf8');
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

/** Makes every page of the context an emulated AR phone in a synthetic office (variants: XrDeviceOptions). */
export async function installXrDevice(context: BrowserContext, options: XrDeviceOptions = {}): Promise<void> {
  await context.addInitScript({ content: `window.__xrDeviceOptions = ${JSON.stringify(options)};` });
  await context.addInitScript({ content: await bundle() });
  await context.addInitScript(emulateDomOverlay);
}

/**
 * What a phone's browser does with an AR session's dom-overlay root, which iwer does not emulate: it
 * shows the root over the AR view (iwer's own view is a full-screen layer at z-index 999).
 */
function emulateDomOverlay(): void {
  const xr = navigator.xr;
  if (!xr) return;
  const request = xr.requestSession.bind(xr);
  xr.requestSession = async (mode: XRSessionMode, init?: XRSessionInit) => {
    const session = await request(mode, init);
    const root = (init as { domOverlay?: { root?: HTMLElement } } | undefined)?.domOverlay?.root;
    if (root && mode === 'immersive-ar') {
      root.style.position = 'fixed';
      root.style.zIndex = '1000';
    }
    return session;
  };
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
