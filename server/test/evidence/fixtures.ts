// Test images made at test time with sharp (no binary fixtures in the repo), plus hand-built files
// sharp cannot write: a decompression-bomb PNG and HEIF headers.
import zlib from 'node:zlib';
import sharp from 'sharp';

/** A deterministic, font-free "page of print": rows of small dark glyph-like bars on paper. */
export function detailedSvg(width: number, height: number, seed = 1): Buffer {
  let state = seed;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const glyphs: string[] = [];
  for (let y = 20; y < height - 30; y += 30) {
    for (let x = 20; x < width - 20; x += 6 + Math.floor(random() * 14)) {
      const w = 2 + Math.floor(random() * 6);
      const h = 8 + Math.floor(random() * 14);
      glyphs.push(`<rect x="${x}" y="${y + 22 - h}" width="${w}" height="${h}"/>`);
    }
  }
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect width="100%" height="100%" fill="#e6e1d8"/><g fill="#2a2a2a">${glyphs.join('')}</g></svg>`,
  );
}

export const detailedJpeg = (width: number, height: number): Promise<Buffer> =>
  sharp(detailedSvg(width, height)).jpeg({ quality: 90 }).toBuffer();

export const flatJpeg = (width: number, height: number, colour: string): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: colour } }).jpeg().toBuffer();

/** A JPEG carrying EXIF GPS latitude and longitude (Greenwich), written by sharp's EXIF support. */
export const jpegWithGps = (width: number, height: number): Promise<Buffer> =>
  sharp(detailedSvg(width, height))
    .jpeg()
    .withExif({
      IFD0: { Make: 'Sightline test' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 28/1 40/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 0/1 5/1' },
    })
    .toBuffer();

/**
 * A PNG whose header claims `width` × `height` 8-bit grey pixels but holds only a few deflated rows:
 * 200 bytes on disk that would need `width × height` bytes of memory if anyone decoded it.
 */
export function pngBomb(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth; colour type 0 (grey), compression, filter and interlace all 0
  const rows = zlib.deflateSync(Buffer.alloc((width + 1) * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** The start of an ISO-BMFF file: an `ftyp` box with the given major and compatible brands, then junk. */
export function isoMediaHead(major: string, compatible: string[]): Buffer {
  const size = 16 + 4 * compatible.length;
  const box = Buffer.alloc(size);
  box.writeUInt32BE(size, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(major, 8, 'latin1');
  compatible.forEach((brand, i) => box.write(brand, 16 + 4 * i, 'latin1'));
  return Buffer.concat([box, Buffer.from([0, 0, 0, 0x18, 0x6d, 0x65, 0x74, 0x61]), Buffer.alloc(200, 0x5a)]);
}
