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

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [withoutXrEmulator(), preloadEnglishMessages(), precompressed()],
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
      // Code the pages share (React, PeerJS, zod, the protocol) lands in one cacheable shared chunk.
      output: {
        // …and code loaded on demand (the XR views, three.js, the messages) is named after what it is.
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
