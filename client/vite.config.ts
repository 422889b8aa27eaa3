// Builds the two browser surfaces (assessor console, customer join page) into client/dist, which the
// server serves as static files under a strict CSP: no inline scripts or styles end up in the HTML.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

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

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [withoutXrEmulator()],
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
      },
      // Code both pages use (React, PeerJS, zod, the protocol) lands in one cacheable shared chunk.
      output: {
        // …and code loaded on demand (the XR views, three.js) is named after what it is.
        chunkFileNames: (chunk) => (chunk.isDynamicEntry ? 'assets/[name]-[hash].js' : 'assets/shared-[hash].js'),
        assetFileNames: (asset) => (asset.names.some((n) => n.endsWith('.css') && !/^(console|join)\b/.test(n)) ? 'assets/shared-[hash][extname]' : 'assets/[name]-[hash][extname]'),
      },
    },
  },
});
