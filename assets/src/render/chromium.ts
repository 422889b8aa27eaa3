// Headless Chromium with WebGL on SwiftShader (shared/BROWSER-TESTS.md), showing the render page
// bundled with esbuild and served from memory together with the scene being rendered.
import esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ORIGIN = 'http://sightline-render.local';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

async function bundle(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(HERE, 'page/render-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export interface RenderPage {
  page: Page;
  close: () => Promise<void>;
}

/** A page with the scene loaded, ready for `sightlineRender` calls. */
export async function openRenderPage(glb: Uint8Array, viewport = { width: 1280, height: 800 }): Promise<RenderPage> {
  const script = await bundle();
  const browser: Browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: FLAGS });
  try {
    const page = await browser.newPage({ viewport });
    await page.route(`${ORIGIN}/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><html><body style="margin:0"><canvas width="1280" height="800"></canvas><script src="/render.js"></script></body></html>' });
      if (url.pathname === '/render.js') return route.fulfill({ contentType: 'text/javascript', body: script });
      if (url.pathname === '/scene.glb') return route.fulfill({ contentType: 'model/gltf-binary', body: Buffer.from(glb) });
      return route.fulfill({ status: 404, body: '' });
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 60_000 }).catch(() => {
      throw new Error(`the render page did not start: ${errors.join('; ')}`);
    });
    await page.evaluate(async (url) => (window as unknown as { sightlineRender: { load: (u: string) => Promise<void> } }).sightlineRender.load(url), `${ORIGIN}/scene.glb`);
    return { page, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
