// The S3 stand-in for the benchmarks that compare the S3 blob store with the local one: s3rver (as in
// the tests, server/test/support/s3-server.ts) in a process of its own, so its work is charged neither
// to the benchmark's client nor to the Sightline server under test. Run directly, this file is that
// process: it prints the environment that points a server at its bucket, then serves until SIGTERM.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startS3Server } from '../../server/test/support/s3-server.ts';
import { within } from './results.ts';

const SELF = fileURLToPath(import.meta.url);

export interface S3Child {
  /** SIGHTLINE_BLOB_STORE and the AWS_* variables for a Sightline server. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startS3Child(): Promise<S3Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', SELF], { cwd: path.resolve(path.dirname(SELF), '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout! });
  const exited = once(child, 'exit');
  try {
    const [line] = (await within(30_000, 's3rver start', Promise.race([once(lines, 'line'), exited.then(() => { throw new Error('s3rver exited before listening'); })]))) as [string];
    lines.close();
    return {
      env: JSON.parse(line) as Record<string, string>,
      async stop() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        await within(10_000, 's3rver stop', exited);
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  const s3 = await startS3Server({ bucket: 'sightline-bench' });
  process.stdout.write(`${JSON.stringify(s3.env)}\n`);
  process.once('SIGTERM', () => {
    void s3.close().finally(() => process.exit(0));
  });
}
