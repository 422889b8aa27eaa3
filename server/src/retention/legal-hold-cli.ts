// `npm run legal-hold -- <case-id> on|off [--reason "..."] [--data-dir DIR]`: puts (or lifts) an S3
// Object Lock legal hold on every blob the case's ledger still requires and appends a signed
// `retention.legal-hold` entry; while it is on, `npm run retention` skips the case. Needs an S3 blob
// store with Object Lock; the local store is refused.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadBlobStoreConfig } from '../config.ts';
import { openBlobStore } from '../storage/open-blob-store.ts';
import { openOffline } from './open-offline.ts';
import { LegalHoldRefused, LOCAL_STORE_REFUSAL, setLegalHold } from './legal-hold.ts';

const USAGE = 'usage: npm run legal-hold -- <case-id> on|off [--reason "..."] [--data-dir DIR]';
const MAX_REASON = 500;

export async function main(argv: string[], out: (line: string) => void = console.log, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        reason: { type: 'string' },
        'data-dir': { type: 'string', default: env.SIGHTLINE_DATA_DIR ?? './data' },
      },
    });
  } catch (error) {
    out(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [caseId, status, ...extra] = parsed.positionals;
  if (!caseId || (status !== 'on' && status !== 'off') || extra.length > 0) {
    out(`give a case id and on or off\n${USAGE}`);
    return 2;
  }
  const reason = parsed.values.reason?.trim() || null;
  if (reason !== null && reason.length > MAX_REASON) {
    out(`--reason is ${reason.length} characters; at most ${MAX_REASON}`);
    return 2;
  }
  let blobStore;
  try {
    blobStore = loadBlobStoreConfig(env);
  } catch (error) {
    out((error as Error).message);
    return 2;
  }
  if (blobStore.kind === 'local') {
    out(LOCAL_STORE_REFUSAL);
    return 2;
  }

  const dataDir = path.resolve(parsed.values['data-dir']);
  const opened = await openOffline(env, dataDir);
  if ('refusal' in opened) {
    out(opened.refusal);
    return 2;
  }
  const { db, ledger } = opened;
  try {
    const blobs = await openBlobStore({ blobStore, dataDir });
    try {
      const result = await setLegalHold({ ledger, blobs }, { caseId, status, reason });
      out(`legal hold ${status === 'on' ? 'put on' : 'lifted from'} ${result.blobs} blob(s) of case ${caseId}; ledger entry seq ${result.entrySeq}`);
      return 0;
    } catch (error) {
      // A refusal (no such case) is the caller's mistake; a store that refuses a hold is not.
      out(error instanceof Error ? error.message : String(error));
      return error instanceof LegalHoldRefused ? 2 : 1;
    } finally {
      blobs.close();
    }
  } finally {
    await db.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = await main(process.argv.slice(2));
}
