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

/** Adam7: each pass's first column and row, and its column and row steps. */
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

/**
 * A valid PNG of black pixels, of any size, colour type and bit depth, optionally Adam7-interlaced:
 * every row is really there, deflated from zeros (about 1 byte per 1,030), so it decodes in full. The
 * image of hole 1 of issue 10 is `zeroPng(8900, 8900, { channels: 4, depth: 16, interlaced: true })`:
 * 602 KiB on disk, 634 MB once decoded.
 */
export async function zeroPng(width: number, height: number, opts: { channels: 1 | 3 | 4; depth: 8 | 16; interlaced: boolean }): Promise<Buffer> {
  const pixelBytes = (opts.channels * opts.depth) / 8;
  let rawBytes = 0;
  for (const [x0, y0, dx, dy] of opts.interlaced ? ADAM7 : [[0, 0, 1, 1] as const]) {
    const columns = Math.ceil((width - x0) / dx);
    const rows = Math.ceil((height - y0) / dy);
    // Each row starts with its filter byte (0, none).
    if (columns > 0 && rows > 0) rawBytes += rows * (1 + columns * pixelBytes);
  }
  const deflate = zlib.createDeflate({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => compressed.push(chunk));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(1 << 20);
  for (let left = rawBytes; left > 0; left -= zeros.length) {
    if (!deflate.write(left >= zeros.length ? zeros : zeros.subarray(0, left))) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = opts.depth;
  header[9] = { 1: 0, 3: 2, 4: 6 }[opts.channels]; // colour type: grey, RGB, RGBA
  header[12] = opts.interlaced ? 1 : 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', Buffer.concat(compressed)),
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
