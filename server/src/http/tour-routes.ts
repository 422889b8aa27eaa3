// Preview tours over HTTP: the list an agent picks from (`GET /api/tours`), and each tour's files at
// `/tours/<id>/<file>` — public like any hotel's or airline's marketing pictures, so a self-guided
// link or a headset browser can fetch them without a session. Files that compress (tour.json, .glb,
// .ply) go out brotli- or gzip-compressed, compressed once on first request and kept in memory. A
// panorama asked for with `?preview` is its small copy (panorama-preview.ts), derived once and kept.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import express from 'express';
import type { Request, Response } from 'express';
import { TourActivityBody, type TourAnalytics, type TourExposure } from '../../../protocol/tour-activity.ts';
import type { TourList } from '../../../protocol/tour.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { TourActivityService } from '../tours/tour-activity-service.ts';
import { createPanoramaPreviews, PREVIEW_QUERY, type PanoramaPreviews } from '../tours/panorama-preview.ts';
import { TOUR_MANIFEST, type Tour, type TourFileEntry, type TourLibrary } from '../tours/tour-library.ts';
import { preferredEncoding, type ContentCoding } from './accept-encoding.ts';
import type { Auth } from './auth.ts';
import { parseInput } from './validate.ts';

const COMPRESSIBLE = /\.(json|glb|ply)$/;
/** Files above this stream from disk as they are; tours are meant to be a few MB. */
const MAX_COMPRESSED_SOURCE = 64 * 1024 * 1024;
const CACHE_CONTROL = 'public, max-age=300';
const TYPES: Record<string, string> = {
  '.json': 'application/json', '.glb': 'model/gltf-binary', '.webp': 'image/webp', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.png': 'image/png', '.ktx2': 'image/ktx2', '.spz': 'application/octet-stream', '.ply': 'application/octet-stream',
};

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

interface Variants {
  identity: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
  etag: string;
}

export interface TourRouteDeps {
  auth: Auth;
  tours: TourLibrary;
  cases: CaseService;
  tourActivity: TourActivityService;
}

/** The tours an agent can show, what customers looked at, and the activity of a case's tour. */
export function tourApiRoutes({ auth, tours, cases, tourActivity }: TourRouteDeps): express.Router {
  const router = express.Router();
  router.get('/tours', async (req, res) => {
    await auth.requireUser(req);
    const body: TourList = { tours: tours.list() };
    res.json(body);
  });

  router.get('/tours/:tourId/analytics', async (req, res) => {
    res.json(await tourActivity.analytics(await auth.requireUser(req), req.params.tourId) satisfies TourAnalytics);
  });

  router.post('/cases/:id/tour-activity', async (req, res) => {
    const principal = await auth.requirePrincipal(req);
    await cases.authorizeWrite(principal, req.params.id);
    const receipt = await tourActivity.record(principal, req.params.id, parseInput(TourActivityBody, req.body));
    res.status(receipt.created ? 201 : 200).json(receipt);
  });

  router.get('/cases/:id/tour-exposure', async (req, res) => {
    const record = await cases.authorize(await auth.requirePrincipal(req), req.params.id);
    res.json({ exposure: await tourActivity.exposure(record.id, record.tour) } satisfies { exposure: TourExposure | null });
  });
  return router;
}

/** The tours' files, mounted at `/tours`. */
export function tourFiles(tours: TourLibrary, previews: PanoramaPreviews = createPanoramaPreviews()): express.Router {
  const router = express.Router();
  const compressed = new Map<string, Promise<Variants>>();

  const previewOf = (entry: TourFileEntry) => {
    const mtimeMs = fs.statSync(entry.path).mtimeMs;
    return { mtimeMs, bytes: previews.get({ path: entry.path, mtimeMs }) };
  };

  const sendPreview = async (req: Request, res: Response, entry: TourFileEntry): Promise<void> => {
    const { mtimeMs, bytes } = previewOf(entry);
    res.setHeader('ETag', `"${entry.size.toString(36)}-${Math.round(mtimeMs).toString(36)}-preview"`);
    res.type('image/webp');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    let body: Buffer;
    try {
      body = await bytes;
    } catch {
      res.status(404).json({ error: { code: 'no_preview', message: 'this panorama has no preview: it is not an image the server can read' } });
      return;
    }
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  /**
   * A page that reads tour.json asks for a panorama's preview next: the start viewpoint's is derived
   * at once, the others one after another, so the first customer after a start waits for none of them.
   * A failure here is met again, and answered, when the preview is asked for.
   */
  const warmPreviews = (tour: Tour): void => {
    const start = tour.manifest.viewpoints.find((v) => v.id === tour.manifest.start)?.panorama;
    const files = [...new Set([start, ...tour.manifest.viewpoints.map((v) => v.panorama)])].filter((f): f is string => f !== undefined);
    files.reduce<Promise<unknown>>((previous, file) => {
      const entry = tour.files.get(file);
      return entry ? previous.then(() => previewOf(entry).bytes).catch(() => undefined) : previous;
    }, Promise.resolve());
  };

  const variantsOf = (entry: TourFileEntry): Promise<Variants> => {
    let pending = compressed.get(entry.path);
    if (!pending) {
      pending = (async () => {
        const identity = await fs.promises.readFile(entry.path);
        const [br, gz] = await Promise.all([
          brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
          gzip(identity, { level: 9 }),
        ]);
        const etag = `"${entry.size.toString(36)}-${Math.round(fs.statSync(entry.path).mtimeMs).toString(36)}"`;
        // A variant that is not smaller is not worth a Content-Encoding.
        return { identity, br: br.length < identity.length ? br : null, gzip: gz.length < identity.length ? gz : null, etag };
      })();
      pending.catch(() => compressed.delete(entry.path));
      compressed.set(entry.path, pending);
    }
    return pending;
  };

  const sendCompressed = async (req: Request, res: Response, entry: TourFileEntry): Promise<void> => {
    const variants = await variantsOf(entry);
    const available = (['br', 'gzip'] as ContentCoding[]).filter((c) => variants[c] !== null);
    const coding = preferredEncoding(req.headers['accept-encoding'], available);
    const body = coding ? variants[coding]! : variants.identity;
    res.vary('Accept-Encoding');
    res.setHeader('ETag', coding ? `${variants.etag.slice(0, -1)}-${coding}"` : variants.etag);
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    if (coding) res.setHeader('Content-Encoding', coding);
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  router.get('/:tourId/*file', (req, res, next) => {
    const tour = tours.get(req.params.tourId);
    const name = ([] as string[]).concat(req.params.file).join('/');
    const entry = tour?.files.get(name);
    if (!tour || !entry) {
      res.status(404).json({ error: { code: 'not_found', message: tour ? `tour "${tour.manifest.id}" has no file "${name}"` : 'no such tour' } });
      return;
    }
    res.setHeader('Cache-Control', CACHE_CONTROL);
    if (PREVIEW_QUERY in req.query && tour.manifest.viewpoints.some((v) => v.panorama === name)) {
      sendPreview(req, res, entry).catch(next);
      return;
    }
    if (name === TOUR_MANIFEST) warmPreviews(tour);
    res.type(TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream');
    if (COMPRESSIBLE.test(name) && entry.size <= MAX_COMPRESSED_SOURCE) {
      sendCompressed(req, res, entry).catch(next);
      return;
    }
    res.sendFile(entry.path, { cacheControl: false, dotfiles: 'deny' }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  });
  return router;
}
