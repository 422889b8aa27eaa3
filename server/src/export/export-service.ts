// Case export: a consistent snapshot of one case (its entries read once, at the start) as an evidence
// bundle streamed from the blob store. Exporting is reading, so it appends nothing to the ledger.
// Blobs a retention tombstone lists are left out: the bundle's ledger says why they are absent.
import type { Readable } from 'node:stream';
import { blobPath, photoNames, type BundleManifest, type ManifestBlob } from '../../../protocol/bundle.ts';
import type { LedgerKey } from '../../../protocol/http.ts';
import type { Principal } from '../auth/principal.ts';
import type { CaseService } from '../cases/case-service.ts';
import { HttpError, text } from '../errors.ts';
import type { Keyring } from '../ledger/keyring.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import { blobsNamed } from '../ledger/tombstones.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { bundleContents } from './bundle-contents.ts';
import { bundleKeys } from './bundle-keys.ts';
import { writeBundle } from './bundle-writer.ts';

export interface ExportServiceDeps {
  cases: CaseService;
  ledger: LedgerStore;
  blobs: BlobStore;
  ledgerKey: LedgerKey;
  sign: (bytes: string) => string;
  keyring: Pick<Keyring, 'list'>;
  clock: () => Date;
}

export interface CaseExport {
  filename: string;
  manifest: BundleManifest;
  /** Exact size of the zip in bytes. */
  size: number;
  stream: Readable;
}

export type ExportService = ReturnType<typeof createExportService>;

export function createExportService(deps: ExportServiceDeps) {
  const { cases, ledger, blobs } = deps;

  /** Sizes of every blob the entries name; a missing one stops the export before a byte is sent. */
  const sizeBlobs = (caseId: string, shas: string[]): Promise<ManifestBlob[]> =>
    Promise.all(shas.map(async (sha256) => {
      const size = await blobs.size(sha256);
      if (size === null) {
        throw new HttpError(409, 'evidence_missing', `case ${caseId} cannot be exported whole: blob ${sha256} that its ledger names is missing from the blob store`);
      }
      return { path: blobPath(sha256), sha256, size };
    }));

  return {
    async export(principal: Principal, caseId: string): Promise<CaseExport> {
      const record = await cases.authorize(principal, caseId);
      // One read: the bundle holds exactly these entries, whatever is appended while it streams.
      const entries = await ledger.list(record.id);
      if (entries.length === 0) throw new HttpError(409, 'empty_ledger', text('export.emptyLedger', { id: record.id }));
      const exportedAt = deps.clock();
      const named = await sizeBlobs(record.id, blobsNamed(entries));
      const sizes = new Map(named.map((blob) => [blob.sha256, blob.size]));
      const photos = photoNames(entries, new Set(sizes.keys())).map((photo) => ({ ...photo, size: sizes.get(photo.sha256)! }));
      const { manifest, files } = bundleContents({
        case: { id: record.id, kind: record.kind, title: record.title, createdAt: record.createdAt },
        entries,
        blobs: named,
        photos,
        ledgerKey: deps.ledgerKey,
        ledgerKeys: bundleKeys(await deps.keyring.list(), entries, deps.ledgerKey.keyId),
        sign: deps.sign,
        exportedAt,
      });
      const bundle = await writeBundle({ files, blobs: [...manifest.blobs, ...(manifest.photos ?? [])], mtime: exportedAt, open: (sha256) => blobs.open(sha256) });
      return { filename: `sightline-${record.id}.zip`, manifest, ...bundle };
    },
  };
}
