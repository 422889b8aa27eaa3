// `npm run retention -- --older-than-days N [--dry-run] [--data-dir DIR]`: purges the blobs of cases
// whose latest outcome is at least N days old, leaving a signed tombstone entry in each case's ledger.
// Run it while the server is stopped (see README "Retention").
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadBlobStoreConfig } from '../config.ts';
import { openBlobStore } from '../storage/open-blob-store.ts';
import { openOffline } from './open-offline.ts';
import { runRetention, type RetentionResult } from './retention.ts';

const USAGE = 'usage: npm run retention -- [--older-than-days N] [--dry-run] [--data-dir DIR]  (N defaults to SIGHTLINE_RETENTION_DAYS)';

export async function main(argv: string[], out: (line: string) => void = console.log, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'older-than-days': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'data-dir': { type: 'string', default: env.SIGHTLINE_DATA_DIR ?? './data' },
      },
    }));
  } catch (error) {
    out(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  // The same retention the consent screen tells customers, unless the command line says otherwise.
  const given = values['older-than-days'] ?? env.SIGHTLINE_RETENTION_DAYS;
  const days = Number(given);
  if (given === undefined || given.trim() === '' || !Number.isInteger(days) || days < 0) {
    out(`--older-than-days (or SIGHTLINE_RETENTION_DAYS) must be a whole number of days (0 or more)\n${USAGE}`);
    return 2;
  }
  const dataDir = path.resolve(values['data-dir']);
  const opened = await openOffline(env, dataDir);
  if ('refusal' in opened) {
    out(opened.refusal);
    return 2;
  }
  const { db, ledger } = opened;
  try {
    const blobs = await openBlobStore({ blobStore: loadBlobStoreConfig(env), dataDir });
    const result = await runRetention({ db, ledger, blobs }, { olderThanDays: days, now: new Date(), dryRun: values['dry-run'] }).finally(() => blobs.close());
    for (const line of describeResult(result, days)) out(line);
    return 0;
  } finally {
    await db.close();
  }
}

export function describeResult(result: RetentionResult, days: number): string[] {
  const verb = result.dryRun ? 'would purge' : 'purged';
  const lines = result.cases.map((c) =>
    `${verb} case ${c.caseId} (latest outcome ${c.outcomeAt}): ${c.purgedBlobs.length} blobs` +
    (c.tombstoneSeq !== null ? `, tombstone entry seq ${c.tombstoneSeq}` : ''));
  for (const c of result.held) lines.push(`skipped case ${c.caseId} (latest outcome ${c.outcomeAt}): legal hold on since entry seq ${c.holdSeq} (npm run legal-hold -- ${c.caseId} off lifts it)`);
  lines.push(
    `${result.dryRun ? 'dry run: ' : ''}${verb} ${result.cases.length} case(s) with an outcome at least ${days} days old; ` +
    `${result.dryRun ? 'would delete' : 'deleted'} ${result.deletedBlobs.length} blob file(s), ${result.bytes} bytes` +
    (result.sharedBlobs > 0 ? `; kept ${result.sharedBlobs} blob(s) another case still names` : ''),
  );
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = await main(process.argv.slice(2));
}
