// A small copy of each tour panorama (1024×512 WebP, a few tens of kB), derived from the operator's
// file so their own tours get it too: the customer's page shows it first, while the full one loads.
// The tours' one use of sharp (the evidence image pipeline is the other module that imports it).
import sharp from 'sharp';

/** Wide enough for a first view on a phone; small enough to fetch and decode in tens of milliseconds. */
export const PREVIEW_WIDTH = 1024;
/** What a browser asks for: `/tours/<id>/<panorama>?preview`. */
export const PREVIEW_QUERY = 'preview';

export interface PanoramaPreviews {
  /** The preview of a panorama file on disk, derived once and kept (keyed by path and modification time). */
  get(file: { path: string; mtimeMs: number }): Promise<Buffer>;
}

/**
 * Equirectangular in, equirectangular out: the whole image is scaled (2:1 kept), so each direction
 * maps to the same place of the small and the full panorama and nothing moves when one replaces the
 * other. A panorama already this small is scaled to the same size anyway, for one format to decode.
 */
export function derivePanoramaPreview(input: string | Buffer): Promise<Buffer> {
  return sharp(input, { limitInputPixels: 64 * 1024 * 1024 })
    .resize(PREVIEW_WIDTH, PREVIEW_WIDTH / 2, { fit: 'fill', kernel: 'lanczos3' })
    .webp({ quality: 80, effort: 2 })
    .toBuffer();
}

export function createPanoramaPreviews(derive: (path: string) => Promise<Buffer> = derivePanoramaPreview): PanoramaPreviews {
  const cache = new Map<string, Promise<Buffer>>();
  return {
    get(file) {
      const key = `${file.path}\0${file.mtimeMs}`;
      let pending = cache.get(key);
      if (!pending) {
        pending = derive(file.path);
        // A failure is not kept: the file may be replaced by a good one.
        pending.catch(() => cache.delete(key));
        cache.set(key, pending);
      }
      return pending;
    },
  };
}
