// The files of an evidence bundle for one case's entries, as a pure function: the signed manifest,
// ledger.jsonl, the public key and the README (blobs are streamed separately, from the store).
import crypto from 'node:crypto';
import {
  BUNDLE_FORMAT, BUNDLE_FORMAT_1, BUNDLE_FORMAT_2, LEDGER_FILE, MANIFEST_FILE, PUBLIC_KEY_FILE, README_FILE,
  ledgerLine, manifestText, signedManifest,
  type BundleFormat, type BundleManifest, type ManifestBlob, type UnsignedManifest,
} from '../../../protocol/bundle.ts';
import type { KeyringKey, LedgerEntry, LedgerKey } from '../../../protocol/http.ts';
import { canonicalJson } from '../ledger/canonical-json.ts';
import { bundleReadme, type ReadmeFacts } from './bundle-readme.ts';
import type { BundleFile } from './bundle-writer.ts';

export interface BundleInput {
  /** The format to write; the exporter always writes the current one (tests write older ones). */
  format?: BundleFormat;
  case: BundleManifest['case'];
  /** The case's entries, all of them, in sequence order. */
  entries: readonly LedgerEntry[];
  /** Every blob the entries name, once, in order of first mention, with its size. */
  blobs: ManifestBlob[];
  /** Format 2: the readable copy of each photo (photoNames), with its size. */
  photos?: ManifestBlob[];
  ledgerKey: LedgerKey;
  /** Format 3: the keys of the bundle (bundleKeys), oldest first. */
  ledgerKeys?: KeyringKey[];
  sign: (bytes: string) => string;
  exportedAt: Date;
}

export function bundleContents(input: BundleInput): { manifest: BundleManifest; files: BundleFile[] } {
  const head = input.entries.at(-1);
  if (!head) throw new Error('a bundle needs at least one ledger entry');
  const format = input.format ?? BUNDLE_FORMAT;
  const facts: ReadmeFacts = {
    format,
    case: input.case,
    exportedAt: input.exportedAt.toISOString(),
    ledgerKey: input.ledgerKey,
    ...(format === BUNDLE_FORMAT_1 || format === BUNDLE_FORMAT_2 ? {} : { ledgerKeys: input.ledgerKeys ?? [] }),
    ledger: { path: LEDGER_FILE, entries: input.entries.length, headHash: head.hash },
    blobs: input.blobs,
    ...(format === BUNDLE_FORMAT_1 ? {} : { photos: input.photos ?? [] }),
  };
  const readme = bundleReadme(facts);
  const unsigned: UnsignedManifest = { ...facts, readme: { path: README_FILE, sha256: crypto.createHash('sha256').update(readme, 'utf8').digest('hex') } };
  const manifest: BundleManifest = { ...unsigned, signature: input.sign(canonicalJson(signedManifest(unsigned))) };
  const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
  return {
    manifest,
    files: [
      { path: README_FILE, bytes: utf8(readme) },
      { path: MANIFEST_FILE, bytes: utf8(manifestText(manifest)) },
      { path: PUBLIC_KEY_FILE, bytes: utf8(input.ledgerKey.publicKeyPem) },
      { path: LEDGER_FILE, bytes: utf8(input.entries.map(ledgerLine).join('')) },
    ],
  };
}
