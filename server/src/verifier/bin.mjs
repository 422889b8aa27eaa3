#!/usr/bin/env node
// Launcher of the sightline-verify bin: registers tsx's loader so the TypeScript CLI runs as it is.
import path from 'node:path';
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
// `npm run verify -- x.zip` runs in the package folder: take relative paths from where npm was called.
const cwd = process.env.npm_lifecycle_event === 'verify' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: path.resolve(cwd),
});
