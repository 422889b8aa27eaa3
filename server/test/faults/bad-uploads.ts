// fast-check arbitraries for bad uploads: photos that are not sound images (random bytes, a real magic
// number before garbage, truncated real files, decompression bombs, huge declared dimensions), broken
// multipart bodies (boundaries, part and field floods, missing or extra files, bad details), and bad
// recording chunks (number, hash header, type, size, conflicts).
import crypto from 'node:crypto';
import fc from 'fast-check';
import { CHECKLIST_TEMPLATES, ChecklistItemId, type ChecklistTemplateId } from '../../../protocol/checklist.ts';
import { EvidenceUploadMeta } from '../../../protocol/http.ts';
import { isoMediaHead, pngBomb } from '../evidence/fixtures.ts';
import { loneSurrogate, type BadRequest, type ValidRequest } from './bad-bodies.ts';
import { dotted, stringLeaves, withLeaf } from './string-fields.ts';

export interface Part {
  name: string;
  filename?: string;
  type?: string;
  data: Uint8Array | string;
}

export function multipart(boundary: string, parts: Part[], terminated = true): Uint8Array {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const type = part.type === undefined ? '' : `Content-Type: ${part.type}\r\n`;
    pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), Buffer.from(part.data), Buffer.from('\r\n'));
  }
  if (terminated) pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

const BOUNDARY = 'sightline-fault-boundary';
const multipartType = (boundary = BOUNDARY) => ({ 'content-type': `multipart/form-data; boundary=${boundary}` });
const filePart = (data: Uint8Array, type = 'image/jpeg'): Part => ({ name: 'file', filename: 'photo.jpg', type, data });

/** Photos that no image decoder should accept, with the real images they are made from. */
export function corruptImages(real: { jpeg: Buffer; png: Buffer }, maxPixels: number): fc.Arbitrary<Uint8Array> {
  const junk = (max = 4096) => fc.uint8Array({ minLength: 0, maxLength: max });
  const withPrefix = (prefix: number[]) => junk().map((rest) => Buffer.concat([Buffer.from(prefix), Buffer.from(rest)]));
  const side = Math.ceil(Math.sqrt(maxPixels)) + 1;
  return fc.oneof(
    junk(8192).filter((b) => b.length > 0),
    withPrefix([0xff, 0xd8, 0xff, 0xe0]),
    withPrefix([0xff, 0xd8, 0xff, 0xdb]),
    withPrefix([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    withPrefix([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]),
    withPrefix([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]),
    fc.integer({ min: 1, max: real.jpeg.length - 1 }).map((k) => real.jpeg.subarray(0, k)),
    // Cut before the 12-byte IEND trailer: a PNG missing only that still holds every pixel, and decodes.
    fc.integer({ min: 1, max: real.png.length - 13 }).map((k) => real.png.subarray(0, k)),
    // pngBomb deflates a few real rows, so its width stays modest; the height goes up to PNG's maximum.
    fc.tuple(fc.integer({ min: side, max: 200_000 }), fc.integer({ min: side, max: 2 ** 31 - 1 })).map(([w, h]) => pngBomb(w, h)),
    fc.tuple(fc.integer({ min: side, max: 65_535 }), fc.integer({ min: side, max: 65_535 })).map(([w, h]) => withJpegSize(real.jpeg, w, h)),
    fc.constantFrom('heic', 'avif', 'mif1').map((brand) => isoMediaHead(brand, [brand, 'mif1'])),
  );
}

/** A real JPEG whose frame header (SOF0/SOF2) claims another size; the scan data still fits the old one. */
function withJpegSize(jpeg: Buffer, width: number, height: number): Buffer {
  const copy = Buffer.from(jpeg);
  for (let i = 2; i < copy.length - 9; i++) {
    if (copy[i] === 0xff && (copy[i + 1] === 0xc0 || copy[i + 1] === 0xc2)) {
      copy.writeUInt16BE(height, i + 5);
      copy.writeUInt16BE(width, i + 7);
      return copy;
    }
  }
  throw new Error('no SOF marker in the test JPEG');
}

const metaValue: fc.Arbitrary<string> = fc.oneof(fc.string({ maxLength: 80 }), fc.double().map(String), fc.constantFrom('satellite', 'NaN', '91', '-181', 'yesterday', '', 'x'.repeat(65)));

/** A multipart body broken in its structure, or with a sound photo but details the schema refuses. */
export function badMultipart(photo: Buffer): fc.Arbitrary<BadRequest> {
  const meta = fc.tuple(fc.constantFrom('source', 'deviceTime', 'latitude', 'longitude', 'accuracy', 'requestId', 'uploadId', 'checklistItem', 'layer'), metaValue)
    .filter(([key, value]) => !EvidenceUploadMeta.safeParse({ [key]: value }).success);
  const field = fc.tuple(fc.stringMatching(/^[a-z]{1,12}$/), fc.string({ maxLength: 40 }));
  const entry = (family: string, headers: Record<string, string>, body: Uint8Array): [string, Record<string, string>, Uint8Array] => [family, headers, body];
  const bodies = fc.oneof(
    meta.map(([k, v]) => entry('invalid photo details', multipartType(), multipart(BOUNDARY, [{ name: k, data: v }, filePart(photo)]))),
    fc.array(field, { minLength: 21, maxLength: 80 }).map((fields) => entry('field flood', multipartType(), multipart(BOUNDARY, [...fields.map(([n, d]) => ({ name: n, data: d })), filePart(photo)]))),
    fc.nat({ max: 200 }).map((n) => entry('part flood', multipartType(), multipart(BOUNDARY, [...Array.from({ length: 26 + n }, (_, i) => ({ name: `p${i}`, filename: `f${i}`, data: 'x' })), filePart(photo)]))),
    fc.nat({ max: 5000 }).map((n) => entry('field over 4 KiB', multipartType(), multipart(BOUNDARY, [{ name: 'requestId', data: 'r'.repeat(4097 + n) }, filePart(photo)]))),
    fc.array(field, { maxLength: 5 }).map((fields) => entry('no file', multipartType(), multipart(BOUNDARY, fields.map(([n, d]) => ({ name: n, data: d }))))),
    fc.stringMatching(/^[a-z]{1,10}$/).filter((n) => n !== 'file').map((n) => entry('file in another field', multipartType(), multipart(BOUNDARY, [{ ...filePart(photo), name: n }]))),
    fc.nat({ max: 3 }).map((n) => entry('two or more files', multipartType(), multipart(BOUNDARY, Array.from({ length: 2 + n }, () => filePart(photo))))),
    fc.stringMatching(/^[A-Za-z0-9]{1,40}$/).filter((b) => b !== BOUNDARY).map((b) => entry('boundary that is not the body\'s', multipartType(b), multipart(BOUNDARY, [filePart(photo)]))),
    fc.constantFrom('multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; boundary="unclosed', 'multipart/mixed; boundary=x')
      .map((t) => entry('no usable boundary', { 'content-type': t }, multipart(BOUNDARY, [filePart(photo)]))),
    fc.integer({ min: 1, max: 1000 }).map((cut) => entry('body without its closing boundary', multipartType(), multipart(BOUNDARY, [filePart(photo.subarray(0, Math.max(1, photo.length - cut)))], false))),
    fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((bytes) => entry('random bytes as multipart', multipartType(), bytes)),
  );
  return bodies.map(([family, headers, body]) => ({ family: `multipart: ${family}`, headers, body }));
}

/**
 * A sound photo filed under a checklist item the case's template lacks (a well-formed id, or another
 * template's item), as a multipart field or in the query of a raw body: 422, nothing stored.
 */
export function badChecklistItem(photo: Buffer, template: ChecklistTemplateId, uploadPath: string): fc.Arbitrary<BadRequest> {
  const own = new Set(CHECKLIST_TEMPLATES[template].items.map((i) => i.id));
  const others = Object.values(CHECKLIST_TEMPLATES).flatMap((t) => t.items.map((i) => i.id)).filter((id) => !own.has(id));
  const item = fc.oneof(fc.constantFrom(...others), fc.stringMatching(/^[a-z0-9-]{1,64}$/))
    .filter((id) => !own.has(id) && ChecklistItemId.safeParse(id).success);
  return fc.tuple(item, fc.boolean()).map(([id, raw]): BadRequest => raw
    ? { family: 'unknown checklist item (raw body)', headers: { 'content-type': 'image/jpeg' }, body: photo, path: `${uploadPath}?checklistItem=${id}`, status: 422 }
    : { family: 'unknown checklist item (multipart)', headers: multipartType(), body: multipart(BOUNDARY, [{ name: 'checklistItem', data: id }, filePart(photo)]), status: 422 });
}

/** Valid details of a device photo for the vehicle checklist, with an annotation layer. */
export const VALID_DETAILS = {
  source: 'device-still', deviceTime: '2026-01-02T10:00:00Z', requestId: 'req-00000001', uploadId: 'upload-00000001', checklistItem: 'vin-plate',
  layer: { items: [{ kind: 'label', points: [{ u: 0.4, v: 0.6 }], label: 'Dent', refId: 'ann-00000001' }] },
};

/**
 * A sound photo with `details` beside it: `layer` as JSON text, whose `\u` escapes can carry a lone
 * surrogate, and each other field as UTF-16LE text (a part's own charset, which busboy honours), whose
 * code units can.
 */
export function uploadWithDetails(photo: Buffer, details: unknown): { headers: Record<string, string>; body: Uint8Array } {
  const parts = Object.entries(details as Record<string, unknown>).map(([name, value]): Part => name === 'layer'
    ? { name, data: JSON.stringify(value) }
    : { name, type: 'text/plain; charset=utf-16le', data: Buffer.from(value as string, 'utf16le') });
  return { headers: multipartType(), body: multipart(BOUNDARY, [...parts, filePart(photo)]) };
}

/** A sound photo with a lone surrogate in one string of its details: 400 naming that field. */
export function illFormedDetails(photo: Buffer): fc.Arbitrary<BadRequest> {
  return fc.tuple(fc.constantFrom(...stringLeaves(VALID_DETAILS)), loneSurrogate).map(([path, lone]): BadRequest => ({
    family: 'ill-formed text in the photo details', ...uploadWithDetails(photo, withLeaf(VALID_DETAILS, path, (old) => old + lone)), status: 400, mentions: `${dotted(path)}: `,
  }));
}

/** A photo upload whose only fault is the image, as multipart or as a raw image/* body. */
export function badImageUpload(images: fc.Arbitrary<Uint8Array>): fc.Arbitrary<BadRequest> {
  return fc.tuple(images, fc.constantFrom('multipart', 'image/jpeg', 'image/png', 'application/octet-stream')).map(([image, how]) =>
    how === 'multipart'
      ? { family: 'corrupt image (multipart)', headers: multipartType(), body: multipart(BOUNDARY, [{ name: 'source', data: 'gallery' }, filePart(image)]) }
      : { family: 'corrupt image (raw body)', headers: { 'content-type': how }, body: image },
  );
}

/** A sound photo in a body the upload route does not take, or past its size limit. */
export function badUploadEnvelope(photo: Buffer, maxBytes: number): fc.Arbitrary<BadRequest> {
  return fc.oneof(
    fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'video/webm')
      .map((t): BadRequest => ({ family: 'upload: wrong content type', headers: { 'content-type': t }, body: photo })),
    fc.integer({ min: 64 * 1024 + 1, max: 256 * 1024 }).map((extra): BadRequest => ({
      family: 'upload: past the size limit', headers: { 'content-type': 'image/jpeg' }, body: Buffer.concat([photo, Buffer.alloc(maxBytes + extra)]), status: 413,
    })),
  );
}

/** A valid multipart upload of `photo`; a cut anywhere before its closing boundary leaves it incomplete. */
export function validUpload(photo: Buffer): ValidRequest {
  const body = multipart(BOUNDARY, [{ name: 'source', data: 'device-still' }, filePart(photo)]);
  return { headers: multipartType(), body, maxCut: body.length - `--${BOUNDARY}--\r\n`.length - 4 };
}

const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

export interface ChunkTargets {
  /** An open recording holding chunk 0 (`held`); the path up to `/chunks/`. */
  open: string;
  held: Buffer;
  sealed: string;
  maxBytes: number;
}

/** Recording chunks that must be refused: each is sound but for one fault. */
export function badChunks(t: ChunkTargets): fc.Arbitrary<BadRequest> {
  const bytes = fc.uint8Array({ minLength: 1, maxLength: 4096 });
  const type = { 'content-type': 'video/webm' };
  const sound = (b: Uint8Array) => ({ ...type, 'x-chunk-sha256': sha256(b) });
  return fc.oneof(
    fc.tuple(bytes, fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.integer({ min: 100_000 }).map(String), fc.constantFrom('-1', '01', '1.5', '1e3', ' 1', '%zz')))
      .filter(([, n]) => !/^(0|[1-9]\d{0,4})$/.test(n))
      .map(([b, n]) => ({ family: 'chunk: bad number', headers: sound(b), body: b, path: `${t.open}/chunks/${n === '%zz' ? n : encodeURIComponent(n)}` })),
    fc.tuple(bytes, fc.oneof(fc.string({ maxLength: 80 }), fc.stringMatching(/^[0-9a-fA-F]{63}$/))).map(([b, h]) => ({
      family: 'chunk: bad hash header', headers: { ...type, 'x-chunk-sha256': h }, body: b, path: `${t.open}/chunks/1`,
    })),
    bytes.map((b) => ({ family: 'chunk: no hash header', headers: type, body: b, path: `${t.open}/chunks/1` })),
    fc.tuple(bytes, bytes).filter(([a, b]) => sha256(a) !== sha256(b)).map(([a, b]) => ({
      family: 'chunk: bytes that do not match their hash', headers: sound(b), body: a, path: `${t.open}/chunks/1`, status: 422,
    })),
    bytes.filter((b) => !t.held.equals(Buffer.from(b))).map((b) => ({ family: 'chunk: conflicts with a held one', headers: sound(b), body: b, path: `${t.open}/chunks/0`, status: 409 })),
    fc.tuple(bytes, fc.nat({ max: 50 })).map(([b, n]) => ({ family: 'chunk: sealed recording', headers: sound(b), body: b, path: `${t.sealed}/chunks/${n}`, status: 409 })),
    fc.tuple(bytes, fc.constantFrom('text/plain', 'application/json', 'image/jpeg', 'video/ogg', 'multipart/form-data; boundary=x'))
      .map(([b, ct]) => ({ family: 'chunk: wrong content type', headers: { 'content-type': ct, 'x-chunk-sha256': sha256(b) }, body: b, path: `${t.open}/chunks/1`, status: 415 })),
    fc.integer({ min: 1, max: 64 * 1024 }).map((extra) => {
      const b = Buffer.alloc(t.maxBytes + extra, 7);
      return { family: 'chunk: past the size limit', headers: sound(b), body: b, path: `${t.open}/chunks/1`, status: 413 };
    }),
  );
}

/** A valid chunk for the open recording (chunk 1, not held). */
export function validChunk(t: ChunkTargets): ValidRequest & { path: string } {
  const body = crypto.randomBytes(2048);
  return { headers: { 'content-type': 'video/webm', 'x-chunk-sha256': sha256(body) }, body, path: `${t.open}/chunks/1` };
}
