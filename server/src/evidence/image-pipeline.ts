// Turns an uploaded photo into what evidence needs: its real type and displayed size, a location-free
// preview and thumbnail, and a quality score so a blurry or badly exposed capture is flagged at once.
// The only module that imports sharp.
import fsp from 'node:fs/promises';
import sharp, { type SharpOptions } from 'sharp';
import { metadataHasLocation, SNIFF_BYTES, sniffContent, type SniffedType } from './image-sniff.ts';

export { sniffImageType, type SniffedType } from './image-sniff.ts';

export interface ImageLimits {
  /** Largest accepted width × height of the original, e.g. 50_000_000. */
  maxPixels: number;
}

export type ImageRejectionCode = 'not_an_image' | 'unsupported_type' | 'image_too_large' | 'corrupt_image';

/** The upload is not a sound image we accept; `message` is written for the person who sent it. */
export class ImageRejected extends Error {
  constructor(
    readonly code: ImageRejectionCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ImageRejected';
  }
}

export interface ProcessedImage {
  mime: SniffedType;
  /** Width as displayed, i.e. after the EXIF orientation is applied. */
  width: number;
  height: number;
  /** EXIF orientation tag of the original, if any. */
  orientation: number | null;
  /** Whether the original carried a location (EXIF GPS latitude/longitude, or the same in XMP). */
  hasLocation: boolean;
  /** JPEG, long side <= 1600, orientation applied, sRGB, no metadata at all. */
  preview: Buffer;
  /** JPEG, fits in 320×320, orientation applied, no metadata. */
  thumbnail: Buffer;
  /** Variance of the Laplacian of a greyscale downscale (long side 512); higher is sharper. */
  sharpness: number;
  /** Mean luminance, 0..255. */
  brightness: number;
  blurry: boolean;
  exposure: 'ok' | 'under' | 'over';
}

const PREVIEW_LONG_SIDE = 1600;
const THUMBNAIL_SIDE = 320;
const ANALYSIS_LONG_SIDE = 512;
const PREVIEW_QUALITY = 85;
const THUMBNAIL_QUALITY = 80;

/**
 * Below this Laplacian variance (8-bit grey, long side 512) a photo is flagged blurry. The usual rule
 * of thumb for this measure at ~500 px is 100, and calibration agrees (image-pipeline.test.ts): a
 * synthetic page of print at 1920×1080 scores ~17000 crisp, ~6600 after `.blur(2)`, ~800 after
 * `.blur(4)` and ~50 after `.blur(8)`; gaussian noise ~1200 crisp and ~3 after `.blur(8)`; a real
 * 720 px photo of a circuit board ~2300 crisp and ~80 after `.blur(2)`, where its print is no longer
 * legible. It is not set higher because a sharp but textureless scene (flat gradients, a few edges)
 * already scores ~150. Blur is judged at this scale only: `.blur(8)` on a 4000×3000 photo is about
 * 1 px at 512 and scores ~570, so it is not flagged.
 */
export const BLUR_THRESHOLD = 100;

/**
 * Exposure is flagged when the mean luminance is extreme (well-exposed photos sit around 90..170), or
 * when half the frame is crushed to black or blown to white, which hides damage whatever the mean.
 */
const UNDER_MEAN = 50;
const OVER_MEAN = 215;
const CLIPPED_SHARE = 0.5;
const SHADOW_CLIP = 10;
const HIGHLIGHT_CLIP = 245;

/**
 * GIF is recognised but refused: a 256-colour palette loses the detail an assessment needs, and no
 * phone camera produces it, so a GIF upload is a screenshot or an animation, not evidence.
 */
const ACCEPTED: ReadonlySet<SniffedType> = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/avif']);

/** Decodes a whole image file (bytes on disk path or Buffer), rejects what is not a sound image. */
export async function processImage(input: string | Buffer, limits: ImageLimits): Promise<ProcessedImage> {
  const mime = acceptedType(await readHead(input));

  // The header alone is read here, with no pixel limit, so an oversized image is refused by our own
  // check before anything is decoded; the decode below keeps sharp's limit as a second guard.
  const meta = await decodeStep(() => sharp(input, { limitInputPixels: false, failOn: 'error' }).metadata());
  if (meta.width * meta.height > limits.maxPixels) {
    throw new ImageRejected(
      'image_too_large',
      `the image is too large (${meta.width} × ${meta.height} pixels); the limit is ${megapixels(limits.maxPixels)} megapixels`,
    );
  }
  const options: SharpOptions = { limitInputPixels: limits.maxPixels, failOn: 'error', autoOrient: true };

  // Decode once, straight to preview size; the preview, thumbnail and quality score all derive from it.
  const base = await decodeStep(() =>
    sharp(input, options)
      .resize(PREVIEW_LONG_SIDE, PREVIEW_LONG_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true }),
  );
  const raw = { raw: { width: base.info.width, height: base.info.height, channels: base.info.channels } };
  const [preview, thumbnail, grey] = await Promise.all([
    sharp(base.data, raw).jpeg({ quality: PREVIEW_QUALITY }).toBuffer(),
    sharp(base.data, raw)
      .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: THUMBNAIL_QUALITY })
      .toBuffer(),
    sharp(base.data, raw)
      .greyscale()
      .resize(ANALYSIS_LONG_SIDE, ANALYSIS_LONG_SIDE, { fit: 'inside', withoutEnlargement: true })
      .extractChannel(0)
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true }),
  ]);

  const sharpness = laplacianVariance(grey.data, grey.info.width, grey.info.height);
  const light = luminance(grey.data);
  return {
    mime,
    width: meta.autoOrient.width,
    height: meta.autoOrient.height,
    orientation: meta.orientation ?? null,
    hasLocation: metadataHasLocation(meta.exif, meta.xmpAsString),
    preview,
    thumbnail,
    sharpness: round(sharpness),
    brightness: round(light.mean),
    blurry: sharpness < BLUR_THRESHOLD,
    exposure: light.exposure,
  };
}

async function readHead(input: string | Buffer): Promise<Uint8Array> {
  if (typeof input !== 'string') return input.subarray(0, SNIFF_BYTES);
  const file = await fsp.open(input, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

function acceptedType(head: Uint8Array): SniffedType {
  const content = sniffContent(head);
  if (content.kind === 'not-image') {
    const message = content.what.startsWith('the file') ? content.what : `the file is not an image (${content.what})`;
    throw new ImageRejected('not_an_image', message);
  }
  if (content.kind === 'other-image') throw unsupported(`${content.format} images`);
  if (!ACCEPTED.has(content.mime)) throw unsupported('GIF images');
  if (content.mime === 'image/heic' && !canDecodeHeic()) throw unsupported('HEIC photos');
  return content.mime;
}

/** The prebuilt libvips that ships with sharp decodes AVIF but not HEVC-coded HEIC (a patent matter). */
const canDecodeHeic = (): boolean => sharp.format.heif.input.fileSuffix?.includes('.heic') ?? false;

function unsupported(what: string): ImageRejected {
  const formats = ['JPEG', 'PNG', 'WebP', ...(canDecodeHeic() ? ['HEIC'] : []), 'AVIF'];
  return new ImageRejected('unsupported_type', `${what} are not accepted; please send a photo as ${formats.join(', ')}`);
}

/** Runs a sharp call on the upload, turning decoder failures into a rejection the sender can act on. */
async function decodeStep<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(message)) {
      throw new ImageRejected('image_too_large', 'the image has more pixels than we accept', { cause: error });
    }
    throw new ImageRejected('corrupt_image', 'the image is damaged or incomplete and cannot be read; please send it again', { cause: error });
  }
}

/** Variance of the 4-neighbour Laplacian over interior pixels, computed in JS because sharp's
 * convolve clamps its output to the 0..255 range and would cut off the negative half. */
function laplacianVariance(grey: Uint8Array, width: number, height: number): number {
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumSquares = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const v = grey[i - width]! + grey[i + width]! + grey[i - 1]! + grey[i + 1]! - 4 * grey[i]!;
      sum += v;
      sumSquares += v * v;
    }
  }
  const n = (width - 2) * (height - 2);
  const mean = sum / n;
  return sumSquares / n - mean * mean;
}

function luminance(grey: Uint8Array): { mean: number; exposure: ProcessedImage['exposure'] } {
  let sum = 0;
  let shadows = 0;
  let highlights = 0;
  for (const v of grey) {
    sum += v;
    if (v <= SHADOW_CLIP) shadows++;
    if (v >= HIGHLIGHT_CLIP) highlights++;
  }
  const n = Math.max(grey.length, 1);
  const mean = sum / n;
  const exposure = mean < UNDER_MEAN || shadows / n > CLIPPED_SHARE ? 'under'
    : mean > OVER_MEAN || highlights / n > CLIPPED_SHARE ? 'over'
    : 'ok';
  return { mean, exposure };
}

const megapixels = (pixels: number): string => String(Math.round(pixels / 1e5) / 10);
const round = (value: number): number => Math.round(value * 10) / 10;
