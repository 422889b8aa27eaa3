// From an uploaded file to stored renditions: the header is judged before any decoding, the decode
// waits its turn in the image gate, and each blob is written and fsynced as soon as it exists, while
// the next rendition is being made. Resolves once the original, the preview and the thumbnail are all
// durably stored, so the caller may name them in the ledger.
import { HttpError, text, type ErrorText } from '../errors.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { createImageGate, ImageGateFull, type ImageGateLimits } from './image-gate.ts';
import type { Quality } from './image-quality.ts';
import { decodeImage, ImageRejected, inspectImage, type ImageRejectionCode, limitImageLibrary, makePreview, makeThumbnailAndQuality, shareCores, type InspectedImage } from './image-pipeline.ts';

export interface ImageWorkLimits extends ImageGateLimits {
  maxPixels: number;
  maxDecodedBytes: number;
}

/** An upload refused for now because images are queued; the answer carries Retry-After. */
export class ImageBusy extends HttpError {
  constructor(
    status: 429 | 503,
    code: string,
    message: ErrorText,
    readonly retryAfterSeconds: number,
  ) {
    super(status, code, message);
    this.name = 'ImageBusy';
  }
}

export interface StoredImage {
  image: Omit<InspectedImage, 'cost' | 'source'>;
  quality: Quality;
  previewSha256: string;
  thumbnailSha256: string;
}

const REJECTION_STATUS: Record<ImageRejectionCode, number> = {
  not_an_image: 415,
  unsupported_type: 415,
  image_too_large: 413,
  corrupt_image: 422,
};

/** A rejection in other languages; the English is the pipeline's own sentence, which names the details. */
const REJECTION_TEXT: Record<ImageRejectionCode, ErrorText> = {
  not_an_image: text('image.notAnImage'),
  unsupported_type: text('image.unsupportedType'),
  image_too_large: text('image.tooLarge'),
  corrupt_image: text('image.corrupt'),
};

export type ImageIntake = ReturnType<typeof createImageIntake>;

export function createImageIntake(deps: { blobs: BlobStore; limits: ImageWorkLimits }) {
  const { blobs, limits } = deps;
  limitImageLibrary();
  const gate = createImageGate(limits);

  const busy = (error: ImageGateFull): ImageBusy => error.who === 'caller'
    ? new ImageBusy(429, 'too_many_images', text('image.tooMany', { seconds: error.retryAfterSeconds }), error.retryAfterSeconds)
    : new ImageBusy(503, 'images_busy', text('image.busy', { seconds: error.retryAfterSeconds }), error.retryAfterSeconds);

  const asHttpError = (error: unknown): unknown => {
    if (error instanceof ImageRejected) return new HttpError(REJECTION_STATUS[error.code], error.code, error.message, REJECTION_TEXT[error.code]);
    if (error instanceof ImageGateFull) return busy(error);
    return error;
  };

  return {
    /** Refuses at once when `caller` could not queue another image now, before its body is read. */
    check(caller: string): void {
      try {
        gate.check(caller);
      } catch (error) {
        throw asHttpError(error);
      }
    },

    /**
     * Checks, decodes and stores one upload (a temp file of the blob store holding bytes whose sha-256
     * is known). The temp file is adopted into the store only once it has decoded cleanly.
     */
    async store(caller: string, file: { tempFile: string; sha256: string }, signal?: AbortSignal): Promise<StoredImage> {
      const writes: Array<Promise<{ sha256: string }>> = [];
      // Awaited together below; marked handled now, so a write failing while the next rendition is
      // being made is not an unhandled rejection in the meantime.
      const write = (stored: Promise<{ sha256: string }>): void => {
        stored.catch(() => undefined);
        writes.push(stored);
      };
      // The original's bytes are flushed while the image is checked, waits its turn and is decoded: the
      // flush of a 12 MP photo takes as long as its preview's encode, and it is needed only if the file is adopted.
      const flushed = blobs.syncTemp(file.tempFile);
      flushed.catch(() => undefined);
      try {
        // An image the gate could never admit is refused here, before it waits for nothing.
        const inspected = await inspectImage(file.tempFile, { maxPixels: limits.maxPixels, maxDecodedBytes: limits.maxDecodedBytes, maxMemoryBytes: gate.largestCost });
        const quality = await gate.run(caller, inspected.cost.memoryBytes, async () => {
          shareCores(gate.load().running, gate.isHeavy(inspected.cost.memoryBytes));
          const decoded = await decodeImage(inspected);
          write(flushed.then(() => blobs.adoptFile(file.tempFile, file.sha256, { synced: true })).then(() => ({ sha256: file.sha256 })));
          // The preview is encoded beside the analysis copy: two short jobs on preview-sized pixels,
          // so an image holds a second libuv thread for a few milliseconds at most.
          const preview = makePreview(decoded).then((bytes) => blobs.putBuffer(bytes));
          write(preview);
          const { thumbnail, quality: judged } = await makeThumbnailAndQuality(decoded);
          write(blobs.putBuffer(thumbnail));
          await preview;
          return judged;
        }, signal);
        const [, preview, thumbnail] = await Promise.all(writes);
        const { mime, width, height, orientation, hasLocation } = inspected;
        return { image: { mime, width, height, orientation, hasLocation }, quality, previewSha256: preview!.sha256, thumbnailSha256: thumbnail!.sha256 };
      } catch (error) {
        // No write (nor the flush) may still be running when the caller removes the temp file.
        await Promise.allSettled([flushed, ...writes]);
        if (signal?.aborted && error === signal.reason) throw new HttpError(400, 'upload_abandoned', text('upload.abandoned'));
        throw asHttpError(error);
      }
    },

    load: gate.load,
  };
}
