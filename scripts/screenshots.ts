// Saves screenshots of the customer page and the console into docs/screenshots/.
// Run: npx tsx scripts/screenshots.ts   (as root, wrap it in a loopback-only network namespace:
// unshare -n sh -c 'ip link set lo up && npx tsx scripts/screenshots.ts')
import path from 'node:path';
import { repoRoot } from '../tests/e2e/support/server.ts';
import { captureScreenshots } from '../tests/e2e/support/screenshots.ts';

captureScreenshots(path.join(repoRoot, 'docs', 'screenshots')).catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exitCode = 1;
});
