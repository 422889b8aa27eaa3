// Client weight, from the Vite manifest of the production build (client/dist/.vite/manifest.json):
// for each page, the JavaScript it loads up front (its entry chunk and everything that reaches by
// static imports, and what its HTML preloads, such as the English messages) and each chunk it may load later (dynamic imports, with their own static imports not
// already loaded): raw, gzip-compressed (zlib level 6, as a compressing proxy would send them) and on
// the wire: the body bytes the built-in server sends for it, asked as Chrome asks (Accept-Encoding
// "gzip, deflate, br, zstd"), which is the brotli variant written at build time. Also checks that three.js, recognised by its content, is
// not among the customer page's up-front chunks: XR code must load on demand.
// Run: npx tsx bench/client-weight.ts (the same run in smoke mode: it is already quick).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { z } from 'zod';
import { startHarness } from '../server/test/http/harness.ts';
import { ensureClientBuild } from '../tests/e2e/support/client-build.ts';
import { ROOT, writeResult } from './support/results.ts';

const DIST = path.join(ROOT, 'client/dist');
const MANIFEST = path.join(DIST, '.vite/manifest.json');
/** Strings only three.js's core carries (minifiers keep class names that are exported). */
const THREE_MARKERS = ['WebGLRenderer', 'WebGLRenderTarget'];
const PAGES = { customer: 'join.html', console: 'console.html', start: 'start.html' } as const;
const CHROME_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
/** Body bytes the built-in server sent for each file, filled in before anything is weighed. */
const wire = new Map<string, number>();

const Manifest = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
    dynamicImports: z.array(z.string()).optional(),
    css: z.array(z.string()).optional(),
  }),
);
type Manifest = z.infer<typeof Manifest>;

interface FileWeight { file: string; bytes: number; gzipBytes: number; wireBytes: number; threeJs: boolean }

function weigh(file: string): FileWeight {
  const bytes = fs.readFileSync(path.join(DIST, file));
  const text = bytes.toString('utf8');
  const wireBytes = wire.get(file);
  if (wireBytes === undefined) throw new Error(`${file} was not fetched from the server`);
  return {
    file,
    bytes: bytes.length,
    gzipBytes: zlib.gzipSync(bytes, { level: 6 }).length,
    wireBytes,
    threeJs: THREE_MARKERS.some((m) => text.includes(m)),
  };
}

/** The manifest keys `key` pulls in through static imports, itself included, minus `loaded`. */
function staticClosure(manifest: Manifest, key: string, loaded: Set<string>): string[] {
  const out: string[] = [];
  const visit = (k: string): void => {
    if (loaded.has(k) || out.includes(k)) return;
    out.push(k);
    for (const next of manifest[k]?.imports ?? []) visit(next);
  };
  visit(key);
  return out;
}

const total = (files: FileWeight[]) => ({
  bytes: files.reduce((s, f) => s + f.bytes, 0),
  gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
  wireBytes: files.reduce((s, f) => s + f.wireBytes, 0),
});

/** The manifest keys of the files the page's HTML preloads (`<link rel="modulepreload">`): fetched up front too. */
function preloadedKeys(manifest: Manifest, entry: string): string[] {
  const html = fs.readFileSync(path.join(DIST, entry), 'utf8');
  const files = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]!);
  return files.map((file) => {
    const key = Object.keys(manifest).find((k) => manifest[k]!.file === file);
    if (!key) throw new Error(`${entry} preloads ${file}, which is not in the manifest`);
    return key;
  });
}

function pageWeight(manifest: Manifest, entry: string) {
  if (!manifest[entry]?.isEntry) throw new Error(`${entry} is not an entry of the manifest`);
  const upfrontKeys = staticClosure(manifest, entry, new Set());
  for (const key of preloadedKeys(manifest, entry)) upfrontKeys.push(...staticClosure(manifest, key, new Set(upfrontKeys)));
  const loaded = new Set(upfrontKeys);
  const upfront = upfrontKeys.map((k) => weigh(manifest[k]!.file));
  const css = [...new Set(upfrontKeys.flatMap((k) => manifest[k]!.css ?? []))].map(weigh);
  // Each dynamic import reachable from the page, with what it brings that is not loaded yet.
  const lazy: Array<{ import: string; files: FileWeight[]; bytes: number; gzipBytes: number; wireBytes: number; threeJs: boolean }> = [];
  const queue = upfrontKeys.flatMap((k) => manifest[k]!.dynamicImports ?? []);
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    if (loaded.has(key)) continue;
    const keys = staticClosure(manifest, key, loaded);
    for (const k of keys) loaded.add(k);
    const files = keys.map((k) => weigh(manifest[k]!.file));
    lazy.push({ import: key, files, ...total(files), threeJs: files.some((f) => f.threeJs) });
    queue.push(...keys.flatMap((k) => manifest[k]!.dynamicImports ?? []));
  }
  return {
    html: weigh(entry),
    upfrontJs: { ...total(upfront), files: upfront },
    upfrontCss: total(css),
    lazyChunks: lazy,
    threeJsUpfront: upfront.some((f) => f.threeJs),
  };
}

/** The body bytes as received, not decoded (fetch would decode them). */
function bodyBytes(base: string, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(`${base}/${file}`, { headers: { 'accept-encoding': CHROME_ACCEPT_ENCODING } }, (res) => {
      let received = 0;
      res.on('data', (part: Buffer) => {
        received += part.length;
      });
      res.on('end', () => (res.statusCode === 200 ? resolve(received) : reject(new Error(`${file}: ${res.statusCode}`))));
    }).on('error', reject);
  });
}

async function fetchWireSizes(files: string[]): Promise<void> {
  const h = await startHarness();
  try {
    for (const file of files) wire.set(file, await bodyBytes(h.base, file));
  } finally {
    await h.close();
  }
}

function build(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

ensureClientBuild();
// A build from before the config asked for a manifest or wrote brotli variants is otherwise up to date: build once more.
if (!fs.existsSync(MANIFEST) || !fs.readdirSync(path.join(DIST, 'assets')).some((f) => f.endsWith('.br'))) build();
const manifest = Manifest.parse(JSON.parse(fs.readFileSync(MANIFEST, 'utf8')));
await fetchWireSizes([...new Set([...Object.values(PAGES), ...Object.values(manifest).flatMap((m) => [m.file, ...(m.css ?? [])])])]);
const customer = pageWeight(manifest, PAGES.customer);
const consolePage = pageWeight(manifest, PAGES.console);
const start = pageWeight(manifest, PAGES.start);
writeResult('client-weight', {
  benchmark: 'client-weight',
  gzip: 'zlib level 6',
  wire: `body bytes the built-in server sends, asked with Accept-Encoding "${CHROME_ACCEPT_ENCODING}"`,
  threeJsMarkers: THREE_MARKERS,
  customer,
  console: consolePage,
  start,
});
// Reported, not failed on: a benchmark reports; the table shows it in bold.
if (customer.threeJsUpfront) console.error('WARNING: three.js is reachable from the customer entry by static imports; it must load on demand.');
