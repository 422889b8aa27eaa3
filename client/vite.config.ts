// Builds the two browser surfaces (assessor console, customer join page) into client/dist, which the
// server serves as static files under a strict CSP: no inline scripts or styles end up in the HTML.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  // No React plugin is installed: Vite's own oxc transform compiles TSX with the automatic runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The polyfill would be one more script for browsers that all support modulepreload already.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        console: fileURLToPath(new URL('console.html', import.meta.url)),
        join: fileURLToPath(new URL('join.html', import.meta.url)),
      },
      // Code both pages use (React, PeerJS, zod, the protocol) lands in one cacheable shared chunk.
      output: {
        chunkFileNames: 'assets/shared-[hash].js',
        assetFileNames: (asset) => (asset.names.some((n) => n.endsWith('.css') && !/^(console|join)\b/.test(n)) ? 'assets/shared-[hash][extname]' : 'assets/[name]-[hash][extname]'),
      },
    },
  },
});
