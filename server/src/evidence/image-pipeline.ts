// Turns an uploaded photo into what evidence needs: its real type and displayed size, a location-free
// preview and thumbnail, and a quality score so a blurry or badly exposed capture is flagged at once.
// The only module that imports sharp. In steps, so that the caller can admit the work before any pixel
// is decoded and store each rendition as soon as it exists: inspectImage reads the header and refuses
// what would cost too much; decodeImage is the one decode; the renditions and the score derive from it.
import fs from 'node:fs';
import os from 'node:os';
import sharp, { type Metadata, type SharpOptions } from 'sharp';
import { decodeCost, overBudget, type DecodeCost } from './image-cost.ts';
import { judgeQuality, type Quality } from './image-quality.ts';
import { metadataHasLocation, SNIFF_BYTES, sniffContent, type SniffedType } from './image-sniff.ts';

export { BLUR_THRESHOLD } from './image-quality.ts';
export { sniffImageType, type SniffedType } from './image-sniff.ts';

export interface ImageLimits {
  /** Largest accepted width × height of the original, e.g. 50_000_000. */
  maxPixels: number;
  /** Largest width × height × channels × bytes per sample: the pixel work of one decode. @default unbounded */
  maxDecodedBytes?: number;
  /** Largest estimated memory one image's processing may hold (image-cost.ts). @default unbounded */
  maxMemoryBytes?: number;
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

/** What the header says, and what decoding will cost; nothing has been decoded yet. */
export interface InspectedImage {
  mime: SniffedType;
  /** Width as displayed, i.e. after the EXIF orientation is applied. */
  width: number;
  height: number;
  /** EXIF orientation tag of the original, if any. */
  orientation: number | null;
  /** Whether the original carried a location (EXIF GPS latitude/longitude, or the same in XMP). */
  hasLocation: boolean;
  cost: DecodeCost;
  /** The upload and its pixel limit, for decodeImage. */
  readonly source: { input: string | Buffer; maxPixels: number };
}

/** The original decoded once, at preview size: sRGB, 8-bit, flattened on white. */
export interface DecodedImage {
  readonly pixels: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: 3;
}

export interface ProcessedImage extends Omit<InspectedImage, 'cost' | 'source'>, Quality {
  /** JPEG, long side <= 1600, orientation applied, sRGB, no metadata at all. */
  preview: Buffer;
  /** JPEG, fits in 320×320, orientation applied, no metadata. */
  thumbnail: Buffer;
}

const PREVIEW_LONG_SIDE = 1600;
const THUMBNAIL_SIDE = 320;
const ANALYSIS_LONG_SIDE = 512;
const PREVIEW_QUALITY = 85;
const THUMBNAIL_QUALITY = 80;

/**
 * GIF is recognised but refused: a 256-colour palette loses the detail an assessment needs, and no
 * phone camera produces it, so a GIF upload is a screenshot or an animation, not evidence.
 */
const ACCEPTED: ReadonlySet<SniffedType> = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/avif']);

/**
 * The whole pipeline in one call, for callers that need not admit or overlap the steps. The steps below
 * are what the evidence service runs inside the image gate.
 */
export async function processImage(input: string | Buffer, limits: ImageLimits): Promise<ProcessedImage> {
  const image = await inspectImage(input, limits);
  const decoded = await decodeImage(image);
  const preview = await makePreview(decoded);
  const { thumbnail, quality } = await makeThumbnailAndQuality(decoded);
  const { mime, width, height, orientation, hasLocation } = image;
  return { mime, width, height, orientation, hasLocation, preview, thumbnail, ...quality };
}

/** Reads the type and the header only, and refuses what we do not accept or what would cost too much to decode. */
export async function inspectImage(input: string | Buffer, limits: ImageLimits): Promise<InspectedImage> {
  const mime = acceptedType(readHead(input));

  // The header alone is read here, with no pixel limit, so an oversized image is refused by our own
  // checks before anything is decoded; the decode keeps sharp's limit as a second guard.
  const meta = await decodeStep(() => sharp(input, { limitInputPixels: false, failOn: 'error' }).metadata());
  if (meta.width * meta.height > limits.maxPixels) {
    throw new ImageRejected(
      'image_too_large',
      `the image is too large (${meta.width} × ${meta.height} pixels); the limit is ${megapixels(limits.maxPixels)} megapixels`,
    );
  }
  const header = headerFacts(meta);
  const cost = decodeCost(header);
  const refusal = overBudget(header, cost, { maxDecodedBytes: limits.maxDecodedBytes ?? Infinity, maxMemoryBytes: limits.maxMemoryBytes ?? Infinity });
  if (refusal) throw new ImageRejected('image_too_large', refusal);
  return {
    mime,
    width: meta.autoOrient.width,
    height: meta.autoOrient.height,
    orientation: meta.orientation ?? null,
    hasLocation: metadataHasLocation(meta.exif, meta.xmpAsString),
    cost,
    source: { input, maxPixels: limits.maxPixels },
  };
}

/**
 * The one decode: straight to preview size (JPEG and WebP shrink while they load), orientation
 * applied. Damage anywhere in the original surfaces here, so once this resolves the original is sound.
 */
export async function decodeImage(image: InspectedImage): Promise<DecodedImage> {
  const options: SharpOptions = { limitInputPixels: image.source.maxPixels, failOn: 'error', autoOrient: true, sequentialRead: true };
  const { data, info } = await decodeStep(() =>
    sharp(image.source.input, options)
      .resize(PREVIEW_LONG_SIDE, PREVIEW_LONG_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true }),
  );
  return { pixels: data, width: info.width, height: info.height, channels: 3 };
}

/**
 * The preview JPEG. Huffman tables are not optimised: that pass costs as much as the rest of the
 * encode (10 ms at 1600×900, 30 ms at 1600×1200) and saves only 4-6 % of the bytes.
 */
export function makePreview(decoded: DecodedImage): Promise<Buffer> {
  return sharp(decoded.pixels, rawInput(decoded)).jpeg({ quality: PREVIEW_QUALITY, optimiseCoding: false }).toBuffer();
}

/**
 * The thumbnail and the quality score, both from one analysis copy (long side 512): greyscale is
 * converted at that size, since converting the preview-sized pixels would cost four times as much.
 */
export async function makeThumbnailAndQuality(decoded: DecodedImage): Promise<{ thumbnail: Buffer; quality: Quality }> {
  const analysis = await sharp(decoded.pixels, rawInput(decoded))
    .resize(ANALYSIS_LONG_SIDE, ANALYSIS_LONG_SIDE, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const small = { raw: { width: analysis.info.width, height: analysis.info.height, channels: 3 as const } };
  const thumbnail = await sharp(analysis.data, small)
    .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: THUMBNAIL_QUALITY })
    .toBuffer();
  const grey = await sharp(analysis.data, small).greyscale().extractChannel(0).raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  return { thumbnail, quality: judgeQuality(grey.data, grey.info.width, grey.info.height) };
}

/**
 * Library-wide settings for a server: one libvips thread per image until shareCores says otherwise (the
 * image gate decides how many run at once), and no operation cache, which would only hold memory and
 * open files of past uploads.
 */
export function limitImageLibrary(): void {
  sharp.concurrency(1);
  sharp.cache(false);
}

const CORES = os.availableParallelism();

/**
 * Before an image starts: the cores are shared among the images being processed (this one counted), so
 * a photo processed alone decodes on every core (a 12 MP JPEG in 53 ms instead of 67 on two cores) and
 * several at once still take one thread each. A heavy image (the gate's word: a large PNG, an AVIF)
 * keeps one thread: each thread holds its own band of rows, and image-cost.ts's estimate, which the
 * gate's memory budget rests on, was measured with one. libvips reads the setting as a pipeline starts,
 * so images already running keep theirs: at worst one more thread than cores, for one image's time.
 */
export function shareCores(imagesRunning: number, heavy = false): void {
  const threads = heavy ? 1 : Math.max(1, Math.floor(CORES / Math.max(1, imagesRunning)));
  if (sharp.concurrency() !== threads) sharp.concurrency(threads);
}

const rawInput = (decoded: DecodedImage): SharpOptions => ({ raw: { width: decoded.width, height: decoded.height, channels: decoded.channels } });

function headerFacts(meta: Metadata) {
  return {
    format: meta.format,
    width: meta.width,
    height: meta.height,
    channels: meta.channels,
    depth: meta.depth,
    isProgressive: meta.isProgressive,
    chromaSubsampling: meta.chromaSubsampling,
  };
}

/**
 * The first bytes, read synchronously: 32 bytes of a file just written are in the page cache, and
 * three trips through the threadpool (open, read, close) would cost more than they block.
 */
function readHead(input: string | Buffer): Uint8Array {
  if (typeof input !== 'string') return input.subarray(0, SNIFF_BYTES);
  const fd = fs.openSync(input, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    return head.subarray(0, fs.readSync(fd, head, 0, SNIFF_BYTES, 0));
  } finally {
    fs.closeSync(fd);
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

const megapixels = (pixels: number): string => String(Math.round(pixels / 1e5) / 10);
