// The decode budget: an image is judged by what decoding it would cost, from its header alone, and
// refused before any pixel is decoded when that is too much — whatever its size on disk.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeCost } from '../../src/evidence/image-cost.ts';
import { ImageRejected, inspectImage, processImage, type ImageLimits } from '../../src/evidence/image-pipeline.ts';
import { zeroPng } from './fixtures.ts';

const MB = 1024 * 1024;
/** The server's defaults. */
const defaults: ImageLimits = { maxPixels: 80_000_000, maxDecodedBytes: 256 * MB, maxMemoryBytes: 256 * MB };

async function refusal(input: Buffer, limits: ImageLimits): Promise<ImageRejected> {
  const error: unknown = await inspectImage(input, limits).then(() => new Error('expected a refusal'), (e: unknown) => e);
  expect(error).toBeInstanceOf(ImageRejected);
  return error as ImageRejected;
}

describe('decodeCost', () => {
  it('counts decoded bytes as width × height × channels × bytes per sample', () => {
    const hole1 = { format: 'png', width: 8900, height: 8900, channels: 4, depth: 'ushort', isProgressive: true };
    expect(decodeCost(hole1).decodedBytes).toBe(8900 * 8900 * 4 * 2);
    // Interlaced: held whole, so the memory is at least the decoded bytes.
    expect(decodeCost(hole1).memoryBytes).toBeGreaterThan(8900 * 8900 * 8);
  });

  it('charges a streamed decode a band of rows, and a whole-image decode the whole image', () => {
    const photo = { format: 'jpeg', width: 4000, height: 3000, channels: 3, depth: 'uchar', isProgressive: false, chromaSubsampling: '4:2:0' };
    const streamed = decodeCost(photo).memoryBytes;
    const progressive = decodeCost({ ...photo, isProgressive: true }).memoryBytes;
    const avif = decodeCost({ ...photo, format: 'heif', chromaSubsampling: undefined }).memoryBytes;
    expect(streamed).toBeLessThan(64 * MB);
    expect(progressive).toBeGreaterThan(streamed);
    expect(avif).toBeGreaterThan(progressive);
    // A 12 MP 8-bit AVIF is more than one image may take by default (192 of the 256 MB budget).
    expect(avif).toBeGreaterThan(192 * MB);
  });
});

describe('inspectImage budget', () => {
  it('refuses the 602 KiB interlaced 16-bit 8900×8900 PNG of hole 1 from its header', async () => {
    const bomb = await zeroPng(8900, 8900, { channels: 4, depth: 16, interlaced: true });
    expect(bomb.length).toBeLessThan(700 * 1024);
    const started = performance.now();
    const error = await refusal(bomb, defaults);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.code).toBe('image_too_large');
    expect(error.message).toBe(
      'the image is too large to process (8900 × 8900 pixels, 4 channels, 16 bits per channel: 605 MB once decoded); the limit is 256 MB — please send a smaller photo or an ordinary 8-bit JPEG',
    );
  });

  it('refuses an interlaced PNG that would be held whole over the memory limit, and takes the same pixels non-interlaced', async () => {
    const limits = { ...defaults, maxMemoryBytes: 112 * MB };
    const interlaced = await zeroPng(5000, 5000, { channels: 4, depth: 8, interlaced: true });
    const error = await refusal(interlaced, limits);
    expect(error.code).toBe('image_too_large');
    expect(error.message).toMatch(/^the image is too large to process \(5000 × 5000 pixels\): an interlaced PNG has to be decoded whole, which would take about \d+ MB; the limit is 112 MB/);
    const plain = await zeroPng(5000, 5000, { channels: 4, depth: 8, interlaced: false });
    await expect(inspectImage(plain, limits)).resolves.toMatchObject({ mime: 'image/png', width: 5000, height: 5000 });
  });

  it('refuses a progressive JPEG and an AVIF that would be decoded whole over the memory limit', async () => {
    const limits = { ...defaults, maxMemoryBytes: 48 * MB };
    const scene = () => sharp({ create: { width: 2000, height: 2000, channels: 3, background: '#808080' } });
    const progressive = await scene().jpeg({ progressive: true, chromaSubsampling: '4:4:4' }).toBuffer();
    expect((await refusal(progressive, limits)).message).toMatch(/a progressive JPEG has to be decoded whole/);
    await expect(inspectImage(await scene().jpeg().toBuffer(), limits)).resolves.toMatchObject({ mime: 'image/jpeg' });

    const avif = await sharp({ create: { width: 1000, height: 1000, channels: 3, background: '#808080' } }).avif({ effort: 0 }).toBuffer();
    expect(avif.length).toBeLessThan(2000);
    expect((await refusal(avif, { ...limits, maxMemoryBytes: 40 * MB })).message).toMatch(/an AVIF or HEIF image has to be decoded whole/);
  });

  it('still decodes an interlaced 16-bit PNG within the budget', async () => {
    const image = await processImage(await zeroPng(1200, 900, { channels: 3, depth: 16, interlaced: true }), defaults);
    expect(image).toMatchObject({ mime: 'image/png', width: 1200, height: 900, exposure: 'under' });
  });
});
