// Receives one uploaded file — multipart field `file`, or a raw image body — into a temp file of the
// blob store, hashing as it streams and stopping at the size limit. Nothing here is visible as evidence.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { HttpError, text } from '../errors.ts';
import type { ReceivedFile } from '../evidence/evidence-service.ts';

export interface Upload {
  file: ReceivedFile;
  fields: Record<string, string>;
}

/** Bytes a multipart field may hold; the annotation layer (JSON, up to 64 000 characters) may hold more. */
const FIELD_BYTES = 4096;
const LONG_FIELD_BYTES = new Map([['layer', 256 * 1024]]);

const tooLarge = (maxBytes: number) =>
  new HttpError(413, 'upload_too_large', text('upload.tooLarge', { mb: Math.round(maxBytes / 1024 / 1024) }));

/** The client left before its body was read (while the checks before it ran): nothing will arrive or be answered. */
export const clientGone = () => new HttpError(400, 'upload_interrupted', text('upload.interrupted'));

export async function receiveUpload(req: Request, opts: { tempPath: () => string; maxBytes: number }): Promise<Upload> {
  // Closed before its body was read (not closed because a parser read it all, which also destroys it):
  // it emits neither data nor 'close' again, so reading it would wait for ever.
  if (req.destroyed && !req.readableEnded) throw clientGone();
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > opts.maxBytes + 64 * 1024) throw tooLarge(opts.maxBytes);
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return receiveMultipart(req, opts);
  if (type.startsWith('image/') || type.startsWith('application/octet-stream')) {
    const fields = Object.fromEntries(Object.entries(req.query).filter((e): e is [string, string] => typeof e[1] === 'string'));
    return { file: await streamToTempFile(req, opts), fields };
  }
  throw new HttpError(415, 'unsupported_media_type', text('upload.mediaType'));
}

/** Streams a body into a new temp file, hashing as it goes; refuses past `maxBytes` with `tooLarge()`. */
export async function streamToTempFile(
  source: Readable,
  opts: { tempPath: () => string; maxBytes: number; tooLarge?: () => HttpError; /** fsync the bytes before resolving. */ flush?: boolean },
): Promise<ReceivedFile> {
  const refuse = opts.tooLarge ?? (() => tooLarge(opts.maxBytes));
  const tempFile = opts.tempPath();
  const hash = crypto.createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > opts.maxBytes) return done(refuse());
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const sink = fs.createWriteStream(tempFile, { flags: 'wx', flush: opts.flush === true });
  try {
    await pipeline(source, meter, sink);
  } catch (error) {
    // pipeline() settles on the first failure without waiting for the write stream to close, and a
    // body that fails at once (a multipart part already buffered and cut short) fails before the
    // stream has opened, that is created, its file: removed then, the file would appear afterwards.
    await closed(sink);
    await fsp.rm(tempFile, { force: true });
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'upload_interrupted', text('upload.interrupted'));
  }
  return { tempFile, sha256: hash.digest('hex'), size };
}

/** Resolves once `stream` has closed (its file, if it opened one, is closed too); it must be destroyed or ending. */
function closed(stream: fs.WriteStream): Promise<void> {
  return stream.closed ? Promise.resolve() : new Promise((resolve) => stream.once('close', () => resolve()));
}

function receiveMultipart(req: Request, opts: { tempPath: () => string; maxBytes: number }): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fields: 20, fieldSize: Math.max(FIELD_BYTES, ...LONG_FIELD_BYTES.values()), fileSize: opts.maxBytes, parts: 25 } });
    } catch {
      reject(new HttpError(400, 'invalid_multipart', text('upload.noBoundary')));
      return;
    }
    const fields: Record<string, string> = {};
    let pending: Promise<ReceivedFile> | null = null;
    let failure: HttpError | null = null;
    const fail = (error: HttpError) => {
      failure ??= error;
    };

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated || Buffer.byteLength(value) > (LONG_FIELD_BYTES.get(name) ?? FIELD_BYTES)) fail(new HttpError(400, 'field_too_large', text('upload.fieldTooLong', { name })));
      fields[name] = value;
    });
    parser.on('file', (name, stream) => {
      if (name !== 'file' || pending) {
        fail(new HttpError(400, 'unexpected_file', text('upload.unexpectedFile', { name })));
        stream.resume();
        return;
      }
      stream.on('limit', () => fail(tooLarge(opts.maxBytes)));
      pending = streamToTempFile(stream, opts);
      pending.catch((error: unknown) => fail(error instanceof HttpError ? error : new HttpError(400, 'upload_interrupted', text('upload.failed'))));
    });
    parser.on('filesLimit', () => fail(new HttpError(400, 'too_many_files', text('upload.oneFile'))));
    // Past these limits busboy drops parts silently: a dropped `source` or `uploadId` would change what is stored.
    parser.on('fieldsLimit', () => fail(new HttpError(400, 'too_many_fields', text('upload.tooManyFields'))));
    parser.on('partsLimit', () => fail(new HttpError(400, 'too_many_parts', text('upload.tooManyParts'))));
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      if (!pending) {
        reject(failure ?? new HttpError(400, 'file_required', text('upload.fileRequired')));
        return;
      }
      // A refused upload is answered only once its temp file is gone: the file part may still be
      // flushing when busboy closes, and an answer sent before the removal would leave a client (or a
      // crash right after the answer) with a temp file from a request that was refused.
      pending.then(
        (file) => {
          if (!failure) return resolve({ file, fields });
          const refusal = failure;
          fsp.rm(file.tempFile, { force: true }).then(() => reject(refusal), () => reject(refusal));
        },
        // streamToTempFile removed its file before rejecting.
        () => reject(failure ?? new HttpError(400, 'upload_interrupted', text('upload.failed'))),
      );
    };
    parser.on('error', () => {
      fail(new HttpError(400, 'invalid_multipart', text('upload.malformed')));
      req.unpipe(parser);
      req.resume();
      finish();
    });
    parser.on('close', finish);
    req.on('close', () => {
      if (req.complete) return;
      // A body cut off never ends the stream busboy reads: stop the parser, which ends the file part
      // with an error, so its temp file is removed and this upload settles.
      fail(new HttpError(400, 'upload_interrupted', text('upload.interrupted')));
      parser.destroy();
    });
    req.pipe(parser);
  });
}
