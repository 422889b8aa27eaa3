// A panorama's preview: the whole equirectangular picture at 1024×512, so each direction stays where
// it was; derived once per file version; a failure is not kept.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPanoramaPreviews, derivePanoramaPreview, PREVIEW_WIDTH } from '../../src/tours/panorama-preview.ts';

/** A 2048×1024 panorama whose left half is red and right half blue. */
async function halves(): Promise<Buffer> {
  const half = { width: 1024, height: 1024, channels: 3 as const };
  const red = await sharp({ create: { ...half, background: { r: 220, g: 20, b: 20 } } }).png().toBuffer();
  const blue = await sharp({ create: { ...half, background: { r: 20, g: 20, b: 220 } } }).png().toBuffer();
  return sharp({ create: { width: 2048, height: 1024, channels: 3, background: '#000' } })
    .composite([{ input: red, left: 0, top: 0 }, { input: blue, left: 1024, top: 0 }])
    .webp({ quality: 90 })
    .toBuffer();
}

describe('panorama preview', () => {
  it('is the whole panorama as a 1024×512 WebP, each side where it was', async () => {
    const preview = await derivePanoramaPreview(await halves());
    const { data, info } = await sharp(preview).raw().toBuffer({ resolveWithObject: true });
    expect((await sharp(preview).metadata()).format).toBe('webp');
    expect([info.width, info.height]).toEqual([PREVIEW_WIDTH, PREVIEW_WIDTH / 2]);
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(at(200, 256)[0]).toBeGreaterThan(180);
    expect(at(824, 256)[2]).toBeGreaterThan(180);
    expect(preview.length).toBeLessThan(40_000);
  });

  it('is derived once per version of a file, and tried again after a failure', async () => {
    let calls = 0;
    let fail = true;
    const previews = createPanoramaPreviews(async () => {
      calls++;
      if (fail) throw new Error('not an image');
      return Buffer.from('small');
    });
    await expect(previews.get({ path: '/t/a.webp', mtimeMs: 1 })).rejects.toThrow('not an image');
    fail = false;
    expect((await previews.get({ path: '/t/a.webp', mtimeMs: 1 })).toString()).toBe('small');
    await previews.get({ path: '/t/a.webp', mtimeMs: 1 });
    expect(calls).toBe(2);
    await previews.get({ path: '/t/a.webp', mtimeMs: 2 });
    expect(calls).toBe(3);
  });
});
