// Writes an evidence bundle as a zip stream: small files from memory, blobs streamed one at a time
// from the store. Every entry is stored uncompressed (photos and recordings are compressed already),
// so the zip's exact size is known before the first byte and can be sent as Content-Length.
import { Readable } from 'node:stream';
import yazl, { type EndOptions } from 'yazl';
import type { ManifestBlob } from '../../../protocol/bundle.ts';

declare module 'yazl' {
  interface ZipFile {
    /** yazl passes the calculated total size (-1 when unknown); its published typings omit it. */
    end(options: EndOptions, calculatedTotalSizeCallback: (calculatedTotalSize: number) => void): void;
  }
}

export interface BundleFile {
  path: string;
  bytes: Buffer;
}

export interface BundleSource {
  files: BundleFile[];
  blobs: ManifestBlob[];
  /** The modification time every zip entry carries (the export time). */
  mtime: Date;
  open: (sha256: string) => Promise<Readable>;
}

const FILE_MODE = 0o100644;

export function writeBundle(source: BundleSource): Promise<{ size: number; stream: Readable }> {
  const zip = new yazl.ZipFile();
  const output = zip.outputStream;
  if (!(output instanceof Readable)) throw new TypeError('yazl did not give a readable stream');
  const options = { compress: false, mtime: source.mtime, mode: FILE_MODE };
  let reading: Readable | null = null;

  // A blob that cannot be read, or whose size changed, fails the download (the client sees a cut
  // connection, never a short zip that looks whole); a client that goes away releases the open blob.
  zip.on('error', (error: Error) => output.destroy(error));
  output.on('close', () => reading?.destroy());

  for (const file of source.files) zip.addBuffer(file.bytes, file.path, options);
  for (const blob of source.blobs) {
    zip.addReadStreamLazy(blob.path, { ...options, size: blob.size }, (done) => {
      source.open(blob.sha256).then((stream) => {
        // The consumer may have gone away while the blob was being opened.
        if (output.destroyed) {
          stream.destroy();
          return;
        }
        reading = stream;
        reading.once('error', (error) => output.destroy(error));
        done(null, reading);
      }, (error: Error) => output.destroy(error));
    });
  }
  return new Promise((resolve, reject) => {
    // Always the ZIP64 end records: yazl 3.3.1 counts them in the calculated size once the central
    // directory passes 64 KiB (about 500 files) but writes them only past 4 GiB, so the promised
    // Content-Length would be 76 bytes too long. Forced, both agree; every current unzip reads them.
    zip.end({ forceZip64Format: true, comment: '' }, (size) => {
      if (size < 0) reject(new Error('the bundle size could not be calculated'));
      else resolve({ size, stream: output });
    });
  });
}
