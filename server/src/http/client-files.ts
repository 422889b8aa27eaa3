// The built client (client/dist): the console at `/`, the customer page at `/j`, the front door at
// `/start`, a settlement receipt at `/receipt`, every other file at its own path. A file goes out as
// the brotli or gzip variant the build wrote beside it (`.br`, `.gz`) when the browser accepts one;
// hashed assets are cached for good, everything else revalidated.
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { preferredEncoding, type ContentCoding } from './accept-encoding.ts';

const SUFFIX: Record<ContentCoding, string> = { br: '.br', gzip: '.gz' };
const CODINGS = Object.keys(SUFFIX) as ContentCoding[];
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Files under assets/ carry their content hash in their name, so a name never changes content. */
export const cacheControlFor = (relative: string): string => (relative.startsWith('assets/') ? IMMUTABLE : 'no-cache');

/** The path below the client folder a request names; null for anything hidden, odd or escaping it. */
function relativePath(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const parts = decoded.split('/').slice(1);
  if (parts.some((part) => part === '' || part.startsWith('.') || /[\\\0]/.test(part))) return null;
  return parts.join('/');
}

const isFile = (file: string): boolean => fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;

export function clientPages(clientDir: string): express.Router {
  const router = express.Router();

  /** Sends `relative`, or calls next() when there is no such file. */
  const send = (relative: string, req: Request, res: Response, next: NextFunction): void => {
    const full = `${clientDir}/${relative}`;
    if (!isFile(full)) return next();
    const variants = CODINGS.filter((coding) => isFile(full + SUFFIX[coding]));
    const coding = preferredEncoding(req.headers['accept-encoding'], variants);
    res.setHeader('Cache-Control', cacheControlFor(relative));
    // The type of the file itself, whichever bytes go out; caches keep one copy per coding.
    res.type(path.extname(relative) || 'application/octet-stream');
    if (variants.length > 0) res.vary('Accept-Encoding');
    if (coding) res.setHeader('Content-Encoding', coding);
    res.sendFile(relative + (coding ? SUFFIX[coding] : ''), { root: clientDir, cacheControl: false, dotfiles: 'deny' }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  };

  const page = (file: string) => (req: Request, res: Response, next: NextFunction): void => {
    if (!isFile(`${clientDir}/${file}`)) {
      res.status(503).type('text/plain').send('The client is not built yet: run `npm run build` (npm start does it for you).');
      return;
    }
    send(file, req, res, next);
  };

  router.get(['/', '/console'], page('console.html'));
  router.get('/j', page('join.html'));
  router.get('/start', page('start.html'));
  router.get('/receipt', page('receipt.html'));
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const relative = relativePath(req.path);
    if (relative === null) return next();
    send(relative, req, res, next);
  });
  return router;
}
