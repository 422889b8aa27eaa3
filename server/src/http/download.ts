// Sends a generated file (bundle, report) as an attachment: headers first, then the stream; HEAD gets
// the headers only.
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';

export interface Download {
  type: string;
  filename: string;
  /** Exact byte count, when known before the first byte. */
  size?: number;
  headHash: string | null;
  stream: Readable;
}

export async function sendDownload(req: Request, res: Response, download: Download): Promise<void> {
  res.setHeader('Content-Type', download.type);
  res.setHeader('Content-Disposition', `attachment; filename="${download.filename}"`);
  if (download.size !== undefined) res.setHeader('Content-Length', String(download.size));
  res.setHeader('Cache-Control', 'no-store');
  if (download.headHash) res.setHeader('X-Ledger-Head', download.headHash);
  if (req.method === 'HEAD') {
    download.stream.destroy();
    res.end();
    return;
  }
  try {
    await pipeline(download.stream, res);
  } catch (error) {
    // A client that stops the download is not a server fault; anything else (a blob that cannot be
    // read, a drawing error) goes to the error handler, which logs it and cuts the connection, so a
    // partial file is never taken for a whole one.
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
  }
}
