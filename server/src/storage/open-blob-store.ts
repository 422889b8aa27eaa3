// Picks the blob store the configuration names: the local folder under the data dir, or an S3 bucket.
// Both keep temp files in `<data dir>/blobs/tmp`: uploads are staged on local disk either way.
import path from 'node:path';
import type { BlobStoreConfig } from '../config.ts';
import { createLocalBlobStore, type BlobStore } from './blob-store.ts';
import { openS3BlobStore } from './s3-blob-store.ts';

export async function openBlobStore(opts: { blobStore: BlobStoreConfig; dataDir: string }): Promise<BlobStore> {
  const root = path.join(opts.dataDir, 'blobs');
  if (opts.blobStore.kind === 'local') return createLocalBlobStore(root);
  return openS3BlobStore({ ...opts.blobStore, tempDir: path.join(root, 'tmp') });
}
