// Builds the one-file offline verifier an auditor can download from the server and run with Node.js
// alone: client/dist/verify/sightline-verify.cjs (served at /verify/sightline-verify.cjs). `npm run build` runs it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles the verifier CLI into `outfile`; returns its path. */
export async function buildVerifier(outfile = path.join(root, 'client/dist/verify/sightline-verify.cjs')) {
  await build({
    entryPoints: [path.join(root, 'server/src/verifier/standalone.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    banner: { js: '#!/usr/bin/env node\n// Sightline evidence-bundle verifier (offline). Usage: node sightline-verify.cjs <bundle.zip> --key <key.pem>' },
    legalComments: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildVerifier();
