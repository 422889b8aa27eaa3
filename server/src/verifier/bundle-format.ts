// The evidence bundle format, shared by the exporter that writes it and the verifier that checks it:
// file names, the manifest, and the exact bytes of each file. docs/EVIDENCE-BUNDLE.md describes it.
import type { LedgerEntry, LedgerKey } from '../../../protocol/http.ts';
import { canonicalJson } from '../ledger/canonical-json.ts';
import { purgeCoverage } from '../ledger/tombstones.ts';

export const BUNDLE_FORMAT = 'sightline-evidence-bundle/1';
export const MANIFEST_FILE = 'manifest.json';
export const LEDGER_FILE = 'ledger.jsonl';
export const PUBLIC_KEY_FILE = 'public-key.pem';
export const README_FILE = 'README.txt';
export const BLOB_DIR = 'blobs/';

export const blobPath = (sha256: string): string => `${BLOB_DIR}${sha256}`;

export interface ManifestBlob {
  path: string;
  sha256: string;
  size: number;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  case: { id: string; kind: string; title: string; createdAt: string };
  exportedAt: string;
  ledgerKey: LedgerKey;
  ledger: { path: typeof LEDGER_FILE; entries: number; headHash: string };
  /** Every blob the ledger names, once, in order of first mention; blobs a tombstone lists as purged are left out. */
  blobs: ManifestBlob[];
  readme: { path: typeof README_FILE; sha256: string };
  /**
   * Ed25519 (base64url) by the ledger key over the canonical JSON of every field above: the server's
   * word that the case had exactly these entries, up to this head, when it was exported — which the
   * entries' own signatures cannot say, since dropping the newest entries leaves a valid chain.
   */
  signature: string;
}

export type UnsignedManifest = Omit<BundleManifest, 'signature'>;

/** The bytes the manifest signature covers. */
export function manifestBytes(manifest: UnsignedManifest): string {
  const { format, case: summary, exportedAt, ledgerKey, ledger, blobs, readme } = manifest;
  return canonicalJson({ format, case: summary, exportedAt, ledgerKey, ledger, blobs, readme });
}

/** manifest.json as written: two-space indented for people, so its bytes are fixed by its value. */
export function manifestText(manifest: BundleManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** One line of ledger.jsonl: the entry exactly as GET /api/cases/:id/ledger serves it. */
export function ledgerLine(entry: LedgerEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

/**
 * Every blob the entries name, once, in order of first mention — except one a later `retention.purged`
 * tombstone lists (unless another entry after that tombstone names it again): the bundle holds no such file.
 */
export function blobsNamed(entries: readonly LedgerEntry[]): string[] {
  return [...purgeCoverage(entries).required().keys()];
}
