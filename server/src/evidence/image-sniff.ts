// Byte-level facts about an upload, read without decoding it: what the file really is (from its magic
// numbers, never its name or declared Content-Type) and whether its EXIF/XMP metadata carries a location.

export type SniffedType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | 'image/avif' | 'image/gif';

/** How many leading bytes sniffing reads: HEIF/AVIF list their brands after byte 16, often past byte 32. */
export const SNIFF_BYTES = 64;

export type SniffedContent =
  | { kind: 'image'; mime: SniffedType }
  /** An image format we recognise but do not take, named for the user, e.g. 'TIFF'. */
  | { kind: 'other-image'; format: string }
  /** Not an image; `what` completes "the file is not an image (…)", or says the file is empty. */
  | { kind: 'not-image'; what: string };

/** Reads the first bytes (magic numbers) and returns the real type, or null. Never trust file names or Content-Type. */
export function sniffImageType(head: Uint8Array): SniffedType | null {
  const content = sniffContent(head);
  return content.kind === 'image' ? content.mime : null;
}

export function sniffContent(head: Uint8Array): SniffedContent {
  if (head.length === 0) return { kind: 'not-image', what: 'the file is empty' };
  const starts = (offset: number, ...bytes: number[]): boolean => bytes.every((b, i) => head[offset + i] === b);
  const ascii = (offset: number, text: string): boolean => starts(offset, ...[...text].map((c) => c.charCodeAt(0)));

  if (starts(0, 0xff, 0xd8, 0xff)) return image('image/jpeg');
  if (starts(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return image('image/png');
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return image('image/gif');
  if (ascii(0, 'RIFF')) return ascii(8, 'WEBP') ? image('image/webp') : notImage('it is an audio or video file');
  if (ascii(4, 'ftyp')) return sniffIsoMedia(head);

  if (ascii(0, 'II*\0') || ascii(0, 'MM\0*')) return { kind: 'other-image', format: 'TIFF and camera RAW' };
  if (starts(0, 0xff, 0x0a) || starts(0, 0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20)) return { kind: 'other-image', format: 'JPEG XL' };
  if (starts(0, 0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20)) return { kind: 'other-image', format: 'JPEG 2000' };
  if (ascii(0, '8BPS')) return { kind: 'other-image', format: 'Photoshop' };

  if (ascii(0, '%PDF-')) return notImage('it is a PDF document');
  if (starts(0, 0x50, 0x4b, 0x03, 0x04) || starts(0, 0x50, 0x4b, 0x05, 0x06)) return notImage('it is a ZIP archive or an office document');
  if (starts(0, 0x1f, 0x8b)) return notImage('it is a compressed archive');
  if (starts(0, 0x1a, 0x45, 0xdf, 0xa3) || ascii(0, 'OggS')) return notImage('it is an audio or video file');

  const text = asText(head);
  if (text !== null) {
    const start = text.trimStart().toLowerCase();
    if (start.startsWith('<svg') || (start.startsWith('<?xml') && start.includes('<svg'))) return { kind: 'other-image', format: 'SVG' };
    if (start.startsWith('<!doctype html') || start.startsWith('<html')) return notImage('it is a web page');
    return notImage('its content is plain text');
  }
  // Two-byte magic numbers are weak, so they are tried only once the bytes are known not to be text.
  if (ascii(0, 'BM')) return { kind: 'other-image', format: 'BMP' };
  return notImage('its content is not in any image format we recognise');
}

// HEIC and AVIF are both HEIF (ISO base media) files; the brands in the `ftyp` box tell them apart.
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'miaf']);

function sniffIsoMedia(head: Uint8Array): SniffedContent {
  const boxSize = ((head[0] ?? 0) << 24 | (head[1] ?? 0) << 16 | (head[2] ?? 0) << 8 | (head[3] ?? 0)) >>> 0;
  const brand = (offset: number): string => String.fromCharCode(...head.subarray(offset, offset + 4));
  const major = brand(8);
  const compatible: string[] = [];
  for (let offset = 16; offset + 4 <= Math.min(boxSize, head.length); offset += 4) compatible.push(brand(offset));
  const brands = [major, ...compatible];

  if (brands.some((b) => AVIF_BRANDS.has(b))) return image('image/avif');
  if (brands.some((b) => HEIC_BRANDS.has(b))) return image('image/heic');
  if (brands.some((b) => HEIF_BRANDS.has(b))) return { kind: 'other-image', format: 'HEIF (other than HEIC and AVIF)' };
  return notImage('it is a video or other media file');
}

/** The bytes as text if they look like text (UTF-8 without control characters), else null. */
function asText(head: Uint8Array): string | null {
  let text: string;
  try {
    // `stream: true` keeps a multi-byte character cut off by the end of `head` from counting as invalid.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return null;
  }
  return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) ? null : text;
}

const image = (mime: SniffedType): SniffedContent => ({ kind: 'image', mime });
const notImage = (what: string): SniffedContent => ({ kind: 'not-image', what });

const GPS_IFD_POINTER = 0x8825;
const GPS_LATITUDE = 0x0002;
const GPS_LONGITUDE = 0x0004;

/**
 * Whether metadata read by sharp places the photo on a map: an EXIF GPS IFD holding a latitude or
 * longitude, or the same fields in XMP. A GPS IFD with only a timestamp or altitude is not a location.
 */
export function metadataHasLocation(exif: Uint8Array | undefined, xmp: string | undefined): boolean {
  if (xmp !== undefined && /GPS(Latitude|Longitude)/.test(xmp)) return true;
  if (exif === undefined) return false;
  const tiff = exif.length >= 6 && String.fromCharCode(...exif.subarray(0, 6)) === 'Exif\0\0' ? exif.subarray(6) : exif;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = String.fromCharCode(...tiff.subarray(0, 2));
  if (order !== 'II' && order !== 'MM') return false;
  const little = order === 'II';
  const u16 = (at: number): number | null => (at + 2 <= view.byteLength ? view.getUint16(at, little) : null);
  const u32 = (at: number): number | null => (at + 4 <= view.byteLength ? view.getUint32(at, little) : null);
  /** The tags of the IFD at `offset` with their value/offset field, or [] if it lies outside the data. */
  const entries = (offset: number | null): Array<{ tag: number; value: number | null }> => {
    const count = offset === null ? null : u16(offset);
    if (offset === null || count === null) return [];
    const found: Array<{ tag: number; value: number | null }> = [];
    for (let i = 0; i < count; i++) {
      const at = offset + 2 + i * 12;
      const tag = u16(at);
      if (tag === null) break;
      found.push({ tag, value: u32(at + 8) });
    }
    return found;
  };
  if (u16(2) !== 42) return false;
  const gps = entries(u32(4)).find((e) => e.tag === GPS_IFD_POINTER);
  if (gps === undefined) return false;
  return entries(gps.value).some((e) => e.tag === GPS_LATITUDE || e.tag === GPS_LONGITUDE);
}
