// The files of the zip: each once; every blob the ledger names present, intact (its sha-256 is its
// name) and of the size the manifest gives; no file the format does not account for; the README as
// exported; the manifest's blob list exactly the blobs the ledger names; and (format 2) a readable copy of
// each photo where the ledger puts it (`photos/003-<hash12>.jpg`), with the bytes of the blob it copies. A blob that a later
// `retention.purged` tombstone lists was deleted on purpose: it must be absent, and left off the manifest.
import type { LedgerEntry } from '../../../protocol/http.ts';
import {
  BLOB_DIR, BUNDLE_FORMAT_1, LEDGER_FILE, MANIFEST_FILE, PHOTO_DIR, PUBLIC_KEY_FILE, README_FILE,
  blobPath, photoNames, type BundleManifest, type ManifestBlob,
} from '../../../protocol/bundle.ts';
import type { BundleContents, BundleFileInfo } from './bundle-reader.ts';
import { purgeCoverage } from '../ledger/tombstones.ts';
import { fileProblem, type Problem } from './report.ts';

export const REQUIRED_FILES = [MANIFEST_FILE, LEDGER_FILE, PUBLIC_KEY_FILE, README_FILE] as const;

const HEX64 = /^[0-9a-f]{64}$/;

/** Each path once (later copies are reported, the first is the one checked); required files present. */
export function checkLayout(contents: BundleContents, problems: Problem[]): Map<string, BundleFileInfo> {
  const byPath = new Map(contents.files.map((file) => [file.path, file]));
  for (const path of contents.copies) problems.push(fileProblem(path, 'is in the zip more than once: a copy was added'));
  for (const path of REQUIRED_FILES) if (!byPath.has(path)) problems.push(fileProblem(path, 'is missing from the bundle'));
  return byPath;
}

export interface BlobTally {
  blobs: number;
  bytes: number;
}

export function checkFiles(
  byPath: ReadonlyMap<string, BundleFileInfo>,
  entries: readonly LedgerEntry[],
  manifest: BundleManifest | null,
  problems: Problem[],
): BlobTally {
  const coverage = purgeCoverage(entries);
  const namedBy = coverage.required();
  const purged = new Set<string>();
  for (const entry of entries) for (const sha256 of entry.blobs) if (!namedBy.has(sha256)) purged.add(sha256);
  const listed = new Map((manifest?.blobs ?? []).map((blob) => [blob.path, blob]));
  const tally: BlobTally = { blobs: 0, bytes: 0 };
  // Format 2's readable photo copies, where the ledger says they are (no manifest: when the zip has a photos/ folder).
  const withPhotos = manifest ? manifest.format !== BUNDLE_FORMAT_1 : [...byPath.keys()].some((path) => path.startsWith(PHOTO_DIR));
  const photos = withPhotos ? photoNames(entries, new Set(namedBy.keys())) : [];
  const photoAt = new Map(photos.map((photo) => [photo.path, photo.sha256]));
  const photoEntry = photoEntries(entries);

  for (const [sha256, entry] of namedBy) {
    if (!byPath.has(blobPath(sha256))) problems.push(fileProblem(blobPath(sha256), `is missing: ledger entry seq ${entry.seq} (${entry.type}) names it`));
  }
  for (const photo of photos) {
    if (!byPath.has(photo.path)) problems.push(fileProblem(photo.path, `is missing: the readable copy of the photo of ledger entry seq ${photoEntry.get(photo.sha256)?.seq ?? '?'}`));
  }
  for (const file of byPath.values()) {
    if ((REQUIRED_FILES as readonly string[]).includes(file.path)) continue;
    if (file.directory) {
      if (file.path !== BLOB_DIR && !(withPhotos && file.path === PHOTO_DIR)) problems.push(fileProblem(file.path, 'is a folder the bundle format does not have'));
      continue;
    }
    const photo = photoAt.get(file.path);
    if (photo !== undefined) {
      if (file.sha256 !== photo) problems.push(fileProblem(file.path, `was altered: its content hashes to ${file.sha256}, not to the ${photo} of the photo ledger entry seq ${photoEntry.get(photo)?.seq ?? '?'} names`));
      continue;
    }
    const name = file.path.startsWith(BLOB_DIR) ? file.path.slice(BLOB_DIR.length) : null;
    if (name === null || !HEX64.test(name)) {
      problems.push(fileProblem(file.path, 'is not part of the bundle format: a file was added'));
      continue;
    }
    if (purged.has(name)) {
      problems.push(fileProblem(file.path, 'is listed as purged by a retention.purged ledger entry, so the bundle must not hold it: a file was added'));
      continue;
    }
    if (!namedBy.has(name)) {
      problems.push(fileProblem(file.path, 'is not named by any ledger entry: a file was added'));
      continue;
    }
    tally.blobs += 1;
    tally.bytes += file.size;
    if (file.sha256 !== name) {
      problems.push(fileProblem(file.path, `was altered: its content hashes to ${file.sha256}, not to its name`));
    } else if (manifest && listed.get(file.path)?.size !== file.size) {
      problems.push(fileProblem(file.path, `is ${file.size} bytes, not the ${listed.get(file.path)?.size ?? '(unlisted)'} the manifest gives`));
    }
  }

  const readme = byPath.get(README_FILE);
  if (manifest && readme && readme.sha256 !== manifest.readme.sha256) {
    problems.push(fileProblem(README_FILE, 'was altered: its sha-256 is not the one in the signed manifest'));
  }
  if (manifest) checkManifestBlobs(manifest, namedBy, problems);
  if (manifest && withPhotos) checkManifestPhotos(manifest.photos ?? [], photos, byPath, problems);
  return tally;
}

/** The evidence.added entry that names each photo first. */
function photoEntries(entries: readonly LedgerEntry[]): Map<string, LedgerEntry> {
  const first = new Map<string, LedgerEntry>();
  for (const entry of entries) {
    const sha256 = entry.type === 'evidence.added' ? entry.blobs[0] : undefined;
    if (sha256 !== undefined && !first.has(sha256)) first.set(sha256, entry);
  }
  return first;
}

/** The manifest's photo list is exactly the copies the ledger gives, each of the size in the zip. */
function checkManifestPhotos(
  listed: readonly ManifestBlob[],
  expected: ReadonlyArray<{ path: string; sha256: string }>,
  byPath: ReadonlyMap<string, BundleFileInfo>,
  problems: Problem[],
): void {
  const want = new Map(expected.map((photo) => [photo.path, photo.sha256]));
  const seen = new Set<string>();
  for (const photo of listed) {
    if (want.get(photo.path) !== photo.sha256) problems.push(fileProblem(MANIFEST_FILE, `lists the photo ${photo.path} under the sha-256 ${photo.sha256}, which is not what the ledger gives`));
    else if (seen.has(photo.path)) problems.push(fileProblem(MANIFEST_FILE, `lists the photo ${photo.path} more than once`));
    else {
      const size = byPath.get(photo.path)?.size;
      if (size !== undefined && size !== photo.size) problems.push(fileProblem(photo.path, `is ${size} bytes, not the ${photo.size} the manifest gives`));
    }
    seen.add(photo.path);
  }
  for (const photo of expected) if (!seen.has(photo.path)) problems.push(fileProblem(MANIFEST_FILE, `does not list the photo ${photo.path}`));
}

function checkManifestBlobs(manifest: BundleManifest, namedBy: ReadonlyMap<string, LedgerEntry>, problems: Problem[]): void {
  const listed = new Set<string>();
  for (const blob of manifest.blobs) {
    if (blob.path !== blobPath(blob.sha256)) problems.push(fileProblem(MANIFEST_FILE, `lists ${blob.path} under the sha-256 ${blob.sha256}`));
    else if (listed.has(blob.sha256)) problems.push(fileProblem(MANIFEST_FILE, `lists ${blob.path} more than once`));
    else if (!namedBy.has(blob.sha256)) problems.push(fileProblem(MANIFEST_FILE, `lists ${blob.path}, which no ledger entry names (or a retention tombstone lists as purged)`));
    listed.add(blob.sha256);
  }
  for (const [sha256, entry] of namedBy) {
    if (!listed.has(sha256)) problems.push(fileProblem(MANIFEST_FILE, `does not list ${blobPath(sha256)}, which ledger entry seq ${entry.seq} names`));
  }
}
