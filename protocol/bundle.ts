// The evidence bundle format, shared by the exporter that writes it and the offline verifier that
// checks it: file names, the manifest, and the exact bytes of each file. docs/EVIDENCE-BUNDLE.md
// describes it.
import type { KeyringKey, LedgerEntry, LedgerKey } from './http.ts';
import { EvidenceAddedPayload } from './ledger.ts';

/**
 * Format 3 adds the manifest's `ledgerKeys` (each entry names the key that signed it; the keys link to
 * the signing key by endorsement, so a bundle stays verifiable across a key rotation). Format 2 added a
 * readable copy of each photo beside its content-addressed blob (`photos/003-a1b2c3d4e5f6.jpg`, listed
 * in the manifest's `photos`); format 1 had `blobs/<sha256>` alone. The verifier reads all three; the
 * exporter writes 3.
 */
export const BUNDLE_FORMAT = 'sightline-evidence-bundle/3';
export const BUNDLE_FORMAT_2 = 'sightline-evidence-bundle/2';
export const BUNDLE_FORMAT_1 = 'sightline-evidence-bundle/1';
export type BundleFormat = typeof BUNDLE_FORMAT | typeof BUNDLE_FORMAT_2 | typeof BUNDLE_FORMAT_1;
export const BUNDLE_FORMATS: readonly BundleFormat[] = [BUNDLE_FORMAT, BUNDLE_FORMAT_2, BUNDLE_FORMAT_1];
export const MANIFEST_FILE = 'manifest.json';
export const LEDGER_FILE = 'ledger.jsonl';
export const PUBLIC_KEY_FILE = 'public-key.pem';
export const README_FILE = 'README.txt';
export const BLOB_DIR = 'blobs/';

export const blobPath = (sha256: string): string => `${BLOB_DIR}${sha256}`;

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/heic': 'heic', 'image/avif': 'avif',
};
/** `image/jpeg` → `jpg`; an unknown type → `bin`. */
const extensionOf = (mime: string | undefined): string => EXTENSIONS[(mime ?? '').split(';')[0]!.trim().toLowerCase()] ?? 'bin';

export const PHOTO_DIR = 'photos/';

/**
 * Format 2's readable copy of each photo as uploaded, beside its content-addressed blob: numbered in
 * ledger order with the start of its hash, `photos/003-a1b2c3d4e5f6.jpg` (the type from the entry's
 * `mime`), so a reviewer can open it; the manifest maps each name to the full hash. A photo named by
 * no blob of `present` (purged under retention) has no copy. A pure function of the ledger, so the
 * verifier derives the same names and checks the manifest's against them.
 */
export function photoNames(entries: readonly LedgerEntry[], present: ReadonlySet<string>): Array<{ path: string; sha256: string }> {
  const names: Array<{ path: string; sha256: string }> = [];
  const seen = new Set<string>();
  let number = 0;
  for (const entry of entries) {
    if (entry.type !== 'evidence.added' || entry.blobs.length === 0) continue;
    number += 1;
    const sha256 = entry.blobs[0]!;
    if (!present.has(sha256) || seen.has(sha256)) continue;
    seen.add(sha256);
    // The type alone, so a photo entry otherwise unlike its kind is still named as it always was.
    const mime = EvidenceAddedPayload.shape.mime.safeParse(entry.payload.mime).data;
    names.push({ path: `${PHOTO_DIR}${String(number).padStart(3, '0')}-${sha256.slice(0, 12)}.${extensionOf(mime)}`, sha256 });
  }
  return names;
}

export interface ManifestBlob {
  path: string;
  sha256: string;
  size: number;
}

export interface BundleManifest {
  format: BundleFormat;
  case: { id: string; kind: string; title: string; createdAt: string };
  exportedAt: string;
  /** The key that signed this manifest (the server's current key); public-key.pem holds it. */
  ledgerKey: LedgerKey;
  /**
   * Format 3: every key that signed an entry of the bundle, and those that link each to `ledgerKey` by
   * endorsement (`ledgerKey` itself included), oldest first.
   */
  ledgerKeys?: KeyringKey[];
  ledger: { path: typeof LEDGER_FILE; entries: number; headHash: string };
  /** Every blob the ledger names, once, in order of first mention; blobs a tombstone lists as purged are left out. */
  blobs: ManifestBlob[];
  /** Format 2: a readable copy of each photo (`photos/001-<hash12>.jpg`) beside its blob, with its hash and size. */
  photos?: ManifestBlob[];
  readme: { path: typeof README_FILE; sha256: string };
  /**
   * Ed25519 (base64url) by the ledger key over the canonical JSON of every field above: the server's
   * word that the case had exactly these entries, up to this head, when it was exported — which the
   * entries' own signatures cannot say, since dropping the newest entries leaves a valid chain.
   */
  signature: string;
}

export type UnsignedManifest = Omit<BundleManifest, 'signature'>;

/** What the manifest signature covers: its signature is over the canonical JSON (RFC 8785) of this value. */
export function signedManifest(manifest: UnsignedManifest): Record<string, unknown> {
  const { format, case: summary, exportedAt, ledgerKey, ledgerKeys, ledger, blobs, photos, readme } = manifest;
  if (format === BUNDLE_FORMAT_1) return { format, case: summary, exportedAt, ledgerKey, ledger, blobs, readme };
  if (format === BUNDLE_FORMAT_2) return { format, case: summary, exportedAt, ledgerKey, ledger, blobs, photos: photos ?? [], readme };
  return { format, case: summary, exportedAt, ledgerKey, ledgerKeys: ledgerKeys ?? [], ledger, blobs, photos: photos ?? [], readme };
}

/** manifest.json as written: two-space indented for people, so its bytes are fixed by its value. */
export function manifestText(manifest: BundleManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** One line of ledger.jsonl: the entry exactly as GET /api/cases/:id/ledger serves it. */
export function ledgerLine(entry: LedgerEntry): string {
  return `${JSON.stringify(entry)}\n`;
}
