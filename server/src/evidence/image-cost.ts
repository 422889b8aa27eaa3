// What decoding an image will cost, judged from its header before a single pixel is decoded: the
// decoded bytes (the pixel work) and the memory the decode holds at its peak (what the image gate
// budgets). A small file can claim a huge image; these numbers, not its size on disk, decide.

/** The header fields the estimate needs, as sharp's metadata reports them. */
export interface ImageHeaderFacts {
  format: string;
  width: number;
  height: number;
  /** Bands after decoding: a palette PNG counts as 3 or 4. */
  channels: number;
  /** libvips band format of the decoded pixels: 'uchar', 'ushort', … */
  depth: string;
  /** An Adam7-interlaced PNG or a progressive JPEG. */
  isProgressive: boolean;
  /** JPEG only, e.g. '4:2:0'. */
  chromaSubsampling?: string;
}

export interface DecodeCost {
  /** width × height × channels × bytes per sample. */
  decodedBytes: number;
  /** Estimated peak memory of decoding it and making the preview, thumbnail and quality score. */
  memoryBytes: number;
}

export interface DecodeBudget {
  maxDecodedBytes: number;
  /** The most one image may hold; more could never run within the image gate's budget. */
  maxMemoryBytes: number;
}

const MB = 1024 * 1024;

/** Buffers every image needs whatever its size: the preview-sized pixels, the encoders, the renditions. */
const FIXED_BYTES = 32 * MB;
/**
 * A streaming decode (baseline JPEG, non-interlaced PNG, WebP) holds a band of rows while it shrinks,
 * not the image: measured 1,100 to 2,100 rows of the original's width, whatever its height.
 */
const STREAMED_ROWS = 2048;
/**
 * AVIF/HEIF are decoded whole by libheif, and that costs far more than the RGB pixels: libaom's frame
 * buffers, libheif's planes, its RGB conversion and libvips' copy. Measured peaks: 19 bytes per pixel
 * for 8-bit RGB (12 MP and 64 MP), 25 for 10-bit; modelled as 4 × channels × bytes per sample + 6.
 */
const HEIF_FACTOR = 4;
const HEIF_EXTRA_PER_PIXEL = 6;

const BYTES_PER_SAMPLE: Record<string, number> = { uchar: 1, char: 1, ushort: 2, short: 2, uint: 4, int: 4, float: 4, double: 8, complex: 8, dpcomplex: 16 };

export function decodeCost(header: ImageHeaderFacts): DecodeCost {
  const pixels = header.width * header.height;
  const sampleBytes = header.channels * (BYTES_PER_SAMPLE[header.depth] ?? 4);
  const decodedBytes = pixels * sampleBytes;
  return { decodedBytes, memoryBytes: FIXED_BYTES + Math.ceil(heldBytes(header, pixels, sampleBytes)) };
}

function heldBytes(header: ImageHeaderFacts, pixels: number, sampleBytes: number): number {
  // libpng hands back an interlaced image only once all seven passes are in: the whole image is held.
  if (header.format === 'png' && header.isProgressive) return pixels * sampleBytes;
  // A progressive JPEG keeps every DCT coefficient (16-bit) of every component until its last scan,
  // then the decoded image as well.
  if (header.format === 'jpeg' && header.isProgressive) return pixels * (2 * jpegComponents(header) + 1);
  if (header.format === 'heif') return pixels * (HEIF_FACTOR * sampleBytes + HEIF_EXTRA_PER_PIXEL);
  return Math.min(header.height, STREAMED_ROWS) * header.width * sampleBytes;
}

/** Components per pixel a JPEG stores: chroma subsampling keeps fewer chroma samples than pixels. */
function jpegComponents(header: ImageHeaderFacts): number {
  if (header.chromaSubsampling?.startsWith('4:2:0')) return header.channels - 1.5;
  if (header.chromaSubsampling?.startsWith('4:2:2')) return header.channels - 1;
  return header.channels;
}

/** Why the image is refused before decoding, written for the person who sent it; null when within budget. */
export function overBudget(header: ImageHeaderFacts, cost: DecodeCost, budget: DecodeBudget): string | null {
  const size = `${header.width} × ${header.height} pixels`;
  if (cost.decodedBytes > budget.maxDecodedBytes) {
    const what = header.depth === 'uchar' ? '' : ', 16 bits per channel';
    return `the image is too large to process (${size}, ${header.channels} channels${what}: ${megabytes(cost.decodedBytes)} MB once decoded); the limit is ${megabytes(budget.maxDecodedBytes)} MB — please send a smaller photo or an ordinary 8-bit JPEG`;
  }
  if (cost.memoryBytes > budget.maxMemoryBytes) {
    return `the image is too large to process (${size}): ${wholeDecodeReason(header)}, which would take about ${megabytes(cost.memoryBytes)} MB; the limit is ${megabytes(budget.maxMemoryBytes)} MB — please send a smaller photo or an ordinary JPEG`;
  }
  return null;
}

function wholeDecodeReason(header: ImageHeaderFacts): string {
  if (header.format === 'png' && header.isProgressive) return 'an interlaced PNG has to be decoded whole';
  if (header.format === 'jpeg' && header.isProgressive) return 'a progressive JPEG has to be decoded whole';
  if (header.format === 'heif') return 'an AVIF or HEIF image has to be decoded whole';
  return 'decoding it';
}

const megabytes = (bytes: number): number => Math.ceil(bytes / MB);
