// Entry point of the one-file verifier the server hands out (/verify/sightline-verify.cjs): the same
// CLI as `sightline-verify`, bundled with its only dependency (yauzl), for an auditor with Node.js and
// nothing else. scripts/build-verifier.mjs builds it; nothing in it reaches the network.
import path from 'node:path';
import { main } from './cli.ts';

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: path.resolve(process.cwd()),
}).then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  process.stderr.write(`sightline-verify: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
