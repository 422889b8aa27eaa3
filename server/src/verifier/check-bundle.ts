// Every check of a bundle, in a fixed order, as one pure function of the zip's contents; and the
// entry point that reads a zip first. Problems are listed in the order found, so the first one
// names the first thing wrong.
import type { SignatureCheck } from '../ledger/chain.ts';
import { oneKeyCheck } from '../ledger/key-trust.ts';
import { LEDGER_FILE, MANIFEST_FILE, PUBLIC_KEY_FILE } from '../../../protocol/bundle.ts';
import { readBundle, type BundleContents } from './bundle-reader.ts';
import { checkFiles, checkLayout } from './check-files.ts';
import { checkCaptures } from './check-capture.ts';
import { checkLedger, checkLedgerAgainstManifest } from './check-ledger.ts';
import { checkLedgerKeys } from './check-keys.ts';
import { checkKey, checkManifestSignature, readManifest, type Trust } from './check-manifest.ts';
import { fileProblem, type BundleReport, type KeyLine, type Problem } from './report.ts';

export type { Trust } from './check-manifest.ts';

/** Reads a bundle (a path or the zip's bytes) and checks it; throws UnreadableBundle when it is not a readable zip. */
export async function verifyBundle(source: string | Buffer, trust: Trust = {}): Promise<BundleReport> {
  return checkBundle(await readBundle(source), trust);
}

export function checkBundle(contents: BundleContents, trust: Trust): BundleReport {
  const problems: Problem[] = [];
  const byPath = checkLayout(contents, problems);

  const manifest = readManifest(byPath.get(MANIFEST_FILE)?.bytes ?? null, problems);
  const key = checkKey(byPath.get(PUBLIC_KEY_FILE)?.bytes ?? null, manifest, trust, problems);
  const keyPem = key.publicKeyPem;
  if (manifest && keyPem) checkManifestSignature(manifest, keyPem, problems);

  // Format 3 checks each entry with the key it names; 1 and 2 have one key. Without a usable key the
  // key problem is already reported; the other checks still run.
  let verify: SignatureCheck = () => null;
  let keys: KeyLine[] | undefined;
  if (manifest?.ledgerKeys) {
    ({ check: verify, keys } = checkLedgerKeys(manifest, manifest.ledgerKeys, trust, problems));
  } else if (keyPem) {
    const one = oneKeyCheck(keyPem);
    verify = (entry, bytes) => (entry.keyId !== undefined && entry.keyId !== key.keyId
      ? `names key ${entry.keyId}, but the bundle has the one key ${key.keyId}${manifest ? ` (format ${manifest.format} lists no others)` : ''}`
      : one(entry, bytes));
  }
  const ledgerBytes = byPath.get(LEDGER_FILE)?.bytes ?? null;
  const ledger = ledgerBytes ? checkLedger(ledgerBytes, manifest?.case.id ?? null, verify, problems) : null;
  if (ledger && manifest) checkLedgerAgainstManifest(ledger, manifest, problems);
  else if (ledger?.lines === 0) problems.push(fileProblem(LEDGER_FILE, 'holds no entries'));

  const tally = checkFiles(byPath, ledger?.entries ?? [], manifest, problems);
  const captures = ledger ? checkCaptures(ledger.entries, problems) : null;
  return {
    ok: problems.length === 0,
    caseId: manifest?.case.id ?? ledger?.entries[0]?.caseId ?? null,
    entries: ledger?.lines ?? 0,
    blobs: tally.blobs,
    blobBytes: tally.bytes,
    headHash: ledger?.last?.hash ?? null,
    keyId: key.keyId,
    key: trust.publicKeyPem !== undefined || trust.keyId !== undefined
      ? { source: 'trusted', trustedAs: trust.label ?? (trust.keyId ? `key id ${trust.keyId}` : 'the given key') }
      : { source: 'bundle' },
    ...(keys ? { keys } : {}),
    ...(captures ? { captures } : {}),
    problems,
  };
}
