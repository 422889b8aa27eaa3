// Builds the three browser surfaces (assessor console, customer join page, the front door /start) into
// client/dist, which the server serves as static files under a strict CSP: no inline scripts or styles
// end up in the HTML.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { SOURCE_LANGUAGE } from './src/i18n/languages.ts';
import { messageChunk } from './src/i18n/namespaces.ts';

/**
 * @pmndrs/xr loads its headset emulator (iwer, its dev UI and synthetic rooms, ~24 MB) with a dynamic
 * import. Sightline never turns it on (`emulate: false`; tests install an emulated device themselves),
 * so the module is replaced by a stub and the emulator never reaches the built pages.
 */
function withoutXrEmulator(): Plugin {
  const stub = '\0sightline-no-xr-emulator';
  return {
    name: 'sightline-without-xr-emulator',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './emulate.js' && importer && /@pmndrs[\\/]xr[\\/]dist[\\/]store\.js$/.test(importer)) return stub;
      return null;
    },
    load(id) {
      return id === stub ? 'export function emulate() { throw new Error("The XR emulator is not part of this build."); }' : null;
    },
  };
}

/**
 * Every page needs English, the fallback for a missing key (src/i18n/messages.ts): its messages chunk
 * (messages-en; on the console messages-console-en too) is preloaded with the page's own modules, so it
 * is there when the page's code starts. Another language's chunk is asked for when that code runs.
 */
function preloadEnglishMessages(): Plugin {
  return {
    name: 'sightline-preload-english-messages',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const bundle = context.bundle;
        if (!bundle) return [];
        const parts = /[\\/]console\.html$/.test(context.filename) ? ['pages', 'console'] : ['pages'];
        return Object.values(bundle)
          .filter((chunk) => chunk.type === 'chunk' && parts.some((part) => chunk.facadeModuleId?.replaceAll('\\', '/').endsWith(`/src/i18n/locales/${SOURCE_LANGUAGE}/${part}.ts`)))
          .map((chunk) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` }, injectTo: 'head' as const }));
      },
    },
  };
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
/** Text the browser fetches; source maps are left out (only developer tools read them). */
const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|txt|wasm)$/;

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside every compressible
 * file of the build, so the server sends them by Accept-Encoding without compressing per request. A
 * variant that would not be smaller is not written: the original is then the only thing to send.
 */
export function precompressed(): Plugin {
  return {
    name: 'sightline-precompressed',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir;
      if (!outDir) throw new Error('precompressed: the build has no output folder');
      const files = Object.keys(bundle).filter((file) => COMPRESSIBLE.test(file));
      await Promise.all(files.map(async (file) => {
        const full = path.join(outDir, file);
        const bytes = await fs.readFile(full);
        const [br, gz] = await Promise.all([
          brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
          gzip(bytes, { level: 9 }),
        ]);
        if (br.length < bytes.length) await fs.writeFile(`${full}.br`, br);
        if (gz.length < bytes.length) await fs.writeFile(`${full}.gz`, gz);
      }));
    },
  };
}

/**
 * Fails the build when chunks import each other in a circle. A module evaluated before the chunk it
 * imports from has run sees that chunk's bindings still undefined ('Class extends value undefined' on
 * the receipt page, when shared code was once grouped by the pages using it and small groups merged).
 */
export function noChunkCycles(): Plugin {
  return {
    name: 'sightline-no-chunk-cycles',
    apply: 'build',
    generateBundle(_options, bundle) {
      const imports = new Map(Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item.imports] as const] : [])));
      const state = new Map<string, 'open' | 'done'>();
      const visit = (file: string, path: string[]): void => {
        state.set(file, 'open');
        for (const next of imports.get(file) ?? []) {
          if (state.get(next) === 'open') this.error(`chunks import each other in a circle: ${[...path.slice(path.indexOf(next)), next].join(' → ')}`);
          if (!state.has(next)) visit(next, [...path, next]);
        }
        state.set(file, 'done');
      };
      for (const file of imports.keys()) if (!state.has(file)) visit(file, [file]);
    },
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [withoutXrEmulator(), preloadEnglishMessages(), precompressed(), noChunkCycles()],
  // No React plugin is installed: Vite's own oxc transform compiles TSX with the automatic runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // dist/.vite/manifest.json: which chunks each page loads up front and which on demand (bench/client-weight).
    manifest: true,
    // The polyfill would be one more script for browsers that all support modulepreload already.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        console: fileURLToPath(new URL('console.html', import.meta.url)),
        join: fileURLToPath(new URL('join.html', import.meta.url)),
        start: fileURLToPath(new URL('start.html', import.meta.url)),
        receipt: fileURLToPath(new URL('receipt.html', import.meta.url)),
      },
      output: {
        // Code two or more pages load up front (React, PeerJS, zod, the protocol, the call) is one shared
        // chunk, cached once for every page. Left to itself rolldown makes a chunk per set of pages and
        // on-demand views that share a module: 27 files up front for the join page, 26 for the console,
        // 16 for /start, each a round trip's share over HTTP/1.1 on a phone. One chunk brings them to 4,
        // 5 and 4 files, and the join page and console to fewer bytes (fewer chunk seams); /start then
        // loads the call code it does not run (35 kB gzip), cached for the join page that follows it.
        // It cannot make a circle: a shared module imports only modules that the same pages reach.
        codeSplitting: {
          groups: [{ name: 'shared', tags: ['$initial'], minShareCount: 2 }],
        },
        // Code loaded on demand (the XR views, three.js, the messages) is named after what it is.
        // A language's messages (src/i18n/locales/<lang>/pages.ts and console.ts) are messages-<lang> and messages-console-<lang>.
        chunkFileNames: (chunk) => {
          const messages = messageChunk(chunk.facadeModuleId);
          if (messages) return `assets/${messages}-[hash].js`;
          return chunk.isDynamicEntry ? 'assets/[name]-[hash].js' : 'assets/shared-[hash].js';
        },
        assetFileNames: (asset) => (asset.names.some((n) => n.endsWith('.css') && !/^(console|join|start)\b/.test(n)) ? 'assets/shared-[hash][extname]' : 'assets/[name]-[hash][extname]'),
      },
    },
  },
});
