import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLUR_THRESHOLD, ImageRejected, limitImageLibrary, processImage, shareCores, sniffImageType } from '../../src/evidence/image-pipeline.ts';
import { metadataHasLocation } from '../../src/evidence/image-sniff.ts';
import { detailedJpeg, detailedSvg, flatJpeg, isoMediaHead, jpegWithGps, pngBomb } from './fixtures.ts';

const limits = { maxPixels: 50_000_000 };
const heicDecodable = sharp.format.heif.input.fileSuffix?.includes('.heic') ?? false;

/** The rejection `processImage` throws for `input`, or a failure if it resolves. */
async function rejection(input: string | Buffer): Promise<ImageRejected> {
  const error: unknown = await processImage(input, limits).then(
    () => new Error('expected the image to be rejected'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageRejected);
  return error as ImageRejected;
}

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'sightline-image-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('shareCores', () => {
  it('gives an ordinary image processed alone every core, images processed together a share each, never less than one thread, and a heavy image one', () => {
    const cores = os.availableParallelism();
    try {
      limitImageLibrary();
      expect(sharp.concurrency()).toBe(1);
      shareCores(1);
      expect(sharp.concurrency()).toBe(cores);
      shareCores(2);
      expect(sharp.concurrency()).toBe(Math.max(1, Math.floor(cores / 2)));
      shareCores(cores + 5);
      expect(sharp.concurrency()).toBe(1);
      shareCores(1, true);
      expect(sharp.concurrency()).toBe(1);
    } finally {
      limitImageLibrary();
    }
  });
});

describe('sniffImageType', () => {
  const small = () => sharp(detailedSvg(64, 48));

  it('recognises each image type from its first 32 bytes', async () => {
    const encoded = {
      'image/jpeg': await small().jpeg().toBuffer(),
      'image/png': await small().png().toBuffer(),
      'image/webp': await small().webp().toBuffer(),
      'image/avif': await small().avif().toBuffer(),
      'image/gif': await small().gif().toBuffer(),
      'image/heic': isoMediaHead('heic', ['mif1', 'heic']),
    };
    for (const [mime, bytes] of Object.entries(encoded)) {
      expect(sniffImageType(bytes.subarray(0, 32)), mime).toBe(mime);
    }
  });

  it('tells HEIC from AVIF by their brands when the major brand is generic HEIF', () => {
    expect(sniffImageType(isoMediaHead('mif1', ['mif1', 'miaf', 'MA1B', 'avif']))).toBe('image/avif');
    expect(sniffImageType(isoMediaHead('mif1', ['mif1', 'heic']))).toBe('image/heic');
    expect(sniffImageType(isoMediaHead('isom', ['isom', 'avc1', 'mp41']))).toBeNull();
  });

  it('returns null for text, PDF, ZIP, empty input and other image formats', async () => {
    expect(sniffImageType(Buffer.from('Dear assessor, please find attached…'))).toBeNull();
    expect(sniffImageType(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1'))).toBeNull();
    expect(sniffImageType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]))).toBeNull();
    expect(sniffImageType(new Uint8Array(0))).toBeNull();
    expect(sniffImageType(await small().tiff().toBuffer())).toBeNull();
  });
});

describe('processImage', () => {
  it('reads a JPEG from disk and makes a preview and a thumbnail of the right size', async () => {
    const file = path.join(dir, 'upload.bin');
    await fsp.writeFile(file, await detailedJpeg(2400, 1800));
    const image = await processImage(file, limits);
    expect(image).toMatchObject({ mime: 'image/jpeg', width: 2400, height: 1800, orientation: null, hasLocation: false, blurry: false, exposure: 'ok' });
    expect(await sharp(image.preview).metadata()).toMatchObject({ format: 'jpeg', width: 1600, height: 1200, space: 'srgb', channels: 3 });
    expect(await sharp(image.thumbnail).metadata()).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
  });

  it('never enlarges a small image', async () => {
    const image = await processImage(await detailedJpeg(200, 150), limits);
    expect(await sharp(image.preview).metadata()).toMatchObject({ width: 200, height: 150 });
    expect(await sharp(image.thumbnail).metadata()).toMatchObject({ width: 200, height: 150 });
  });

  it('applies EXIF orientation 6: width and height swap, in the result and in the preview', async () => {
    const rotated = await sharp(detailedSvg(600, 400)).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const image = await processImage(rotated, limits);
    expect(image).toMatchObject({ width: 400, height: 600, orientation: 6 });
    const preview = await sharp(image.preview).metadata();
    expect(preview).toMatchObject({ width: 400, height: 600 });
    expect(preview.orientation).toBeUndefined();
    expect(await sharp(image.thumbnail).metadata()).toMatchObject({ width: 213, height: 320 });
  });

  it('reports GPS in the original and strips every piece of metadata from the preview and thumbnail', async () => {
    const original = await jpegWithGps(800, 600);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const image = await processImage(original, limits);
    expect(image.hasLocation).toBe(true);
    for (const derived of [image.preview, image.thumbnail]) {
      const meta = await sharp(derived).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.icc).toBeUndefined();
    }
  });

  it('does not count a GPS block without latitude or longitude as a location', async () => {
    const altitudeOnly = await sharp(detailedSvg(64, 48)).jpeg().withExif({ IFD3: { GPSAltitude: '120/1' } }).toBuffer();
    expect((await processImage(altitudeOnly, limits)).hasLocation).toBe(false);
    expect(metadataHasLocation(Buffer.from('Exif\0\0MM\0\x2a\0\0\0\x08\xff\xff', 'latin1'), undefined)).toBe(false);
    expect(metadataHasLocation(undefined, '<rdf:Description exif:GPSLatitude="51,28.6N"/>')).toBe(true);
  });

  it('converts a wide-gamut (Display P3) original to sRGB in the preview', async () => {
    const p3 = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#ff0000' } }).png().withIccProfile('p3').toBuffer();
    const stored = await sharp(p3, { ignoreIcc: true }).raw().toBuffer();
    expect(stored[1]).toBeGreaterThan(30); // sRGB red written as P3 has a green component
    const image = await processImage(p3, limits);
    const [r, g, b] = await sharp(image.preview).raw().toBuffer();
    expect(r).toBeGreaterThan(245);
    expect(g).toBeLessThan(10);
    expect(b).toBeLessThan(10);
  });

  it('accepts PNG with transparency, 16-bit PNG, CMYK JPEG, WebP and AVIF', async () => {
    const scene = () => sharp(detailedSvg(480, 320));
    const inputs: Array<[string, Buffer]> = [
      ['image/png', await scene().ensureAlpha(0.5).png().toBuffer()],
      ['image/png', await scene().toColourspace('rgb16').png().toBuffer()],
      ['image/jpeg', await scene().toColourspace('cmyk').jpeg().toBuffer()],
      ['image/webp', await scene().webp().toBuffer()],
      ['image/avif', await scene().avif().toBuffer()],
    ];
    for (const [mime, bytes] of inputs) {
      const image = await processImage(bytes, limits);
      expect(image, mime).toMatchObject({ mime, width: 480, height: 320, blurry: false });
      expect(await sharp(image.preview).metadata()).toMatchObject({ space: 'srgb', channels: 3 });
    }
  });
});

describe('processImage quality scores', () => {
  it(`calibrates the blur threshold (${BLUR_THRESHOLD}): a detailed scene is sharp, the same after blur(8) is blurry`, async () => {
    const crisp = await processImage(await detailedJpeg(1920, 1080), limits);
    const softened = await processImage(await sharp(detailedSvg(1920, 1080)).blur(2).jpeg().toBuffer(), limits);
    const blurred = await processImage(await sharp(detailedSvg(1920, 1080)).blur(8).jpeg().toBuffer(), limits);
    const noise = sharp({ create: { width: 1920, height: 1080, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 50 } } });
    const noisy = await processImage(await noise.clone().jpeg().toBuffer(), limits);
    const noisyBlurred = await processImage(await noise.clone().blur(8).jpeg().toBuffer(), limits);

    expect(crisp).toMatchObject({ blurry: false });
    expect(crisp.sharpness).toBeGreaterThan(10 * BLUR_THRESHOLD);
    expect(softened).toMatchObject({ blurry: false });
    expect(noisy).toMatchObject({ blurry: false });
    expect(blurred).toMatchObject({ blurry: true });
    expect(noisyBlurred).toMatchObject({ blurry: true });
    expect(crisp.sharpness).toBeGreaterThan(softened.sharpness);
  });

  it('flags a dark photo as under-exposed and a white one as over-exposed', async () => {
    const dark = await processImage(await flatJpeg(640, 480, '#0c0c10'), limits);
    const white = await processImage(await flatJpeg(640, 480, '#ffffff'), limits);
    const grey = await processImage(await flatJpeg(640, 480, '#808080'), limits);
    expect(dark).toMatchObject({ exposure: 'under' });
    expect(dark.brightness).toBeLessThan(20);
    expect(white).toMatchObject({ exposure: 'over', brightness: 255 });
    expect(grey).toMatchObject({ exposure: 'ok' });
    expect(grey.brightness).toBeCloseTo(128, -1);
  });
});

describe('processImage rejections', () => {
  it('rejects a 20000×20000 PNG bomb as image_too_large from its header, without decoding it', async () => {
    const bomb = pngBomb(20_000, 20_000);
    expect(bomb.length).toBeLessThan(1000);
    const file = path.join(dir, 'bomb.png');
    await fsp.writeFile(file, bomb);
    const started = performance.now();
    for (const input of [bomb, file]) {
      const error = await rejection(input);
      expect(error.code).toBe('image_too_large');
      expect(error.message).toContain('20000 × 20000');
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects truncated JPEG and PNG files as corrupt_image', async () => {
    const jpeg = await detailedJpeg(800, 600);
    const png = await sharp(detailedSvg(800, 600)).png().toBuffer();
    for (const cut of [jpeg.subarray(0, jpeg.length >> 1), jpeg.subarray(0, 300), png.subarray(0, png.length >> 1)]) {
      const error = await rejection(Buffer.from(cut));
      expect(error.code).toBe('corrupt_image');
      expect(error.message).toMatch(/damaged or incomplete/);
    }
  });

  it('rejects text, PDF and empty files as not_an_image, saying what they are', async () => {
    const text = path.join(dir, 'photo.jpg');
    await fsp.writeFile(text, 'These are my notes about the damage to the kitchen ceiling.\n');
    const cases: Array<[string | Buffer, string]> = [
      [text, 'the file is not an image (its content is plain text)'],
      [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'), 'the file is not an image (it is a PDF document)'],
      [Buffer.alloc(0), 'the file is empty'],
      [Buffer.from([0, 1, 2, 3, 200, 201, 202]), 'the file is not an image (its content is not in any image format we recognise)'],
    ];
    for (const [input, message] of cases) {
      expect(await rejection(input)).toMatchObject({ code: 'not_an_image', message });
    }
  });

  it('rejects GIF, TIFF and SVG as unsupported_type', async () => {
    const small = () => sharp(detailedSvg(64, 48));
    for (const input of [await small().gif().toBuffer(), await small().tiff().toBuffer(), detailedSvg(64, 48)]) {
      const error = await rejection(input);
      expect(error.code).toBe('unsupported_type');
      expect(error.message).toMatch(/are not accepted; please send a photo as JPEG, PNG, WebP/);
    }
  });

  it(`handles HEIC by what this sharp build can decode (HEVC decoding available: ${heicDecodable})`, async () => {
    const error = await rejection(isoMediaHead('heic', ['mif1', 'heic']));
    expect(error.code).toBe(heicDecodable ? 'corrupt_image' : 'unsupported_type');
  });
});
