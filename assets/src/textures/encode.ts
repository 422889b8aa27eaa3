// The one place textures become files: a picture to WebP bytes with sharp.
import sharp from 'sharp';
import { toBytes, type Picture } from './image.ts';

export async function encodeWebp(picture: Picture, quality = 82): Promise<Uint8Array> {
  const raw = { width: picture.width, height: picture.height, channels: 3 as const };
  const bytes = await sharp(toBytes(picture), { raw }).webp({ quality, effort: 6 }).toBuffer();
  return new Uint8Array(bytes);
}
