// A tour's files as the renderer needs them: the manifest read through protocol/tour.ts, the glTF
// scene (meshopt-compressed, WebP textures), the splat capture and each panorama as a texture, every
// download counted in bytes for a progress bar. Plain TypeScript, no React: the customer's page and
// the console share it.
import { LinearFilter, Mesh, SRGBColorSpace, Texture, type Material, type Object3D } from 'three';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { readTour, type TourManifest, type TourProblem } from '../../../../protocol/tour.ts';
import { fetchBytes, TourFileError, type ByteProgress } from './fetch-bytes.ts';
import { disposeObject } from './dispose-object.ts';
import type { LoadedSplat } from './splat-loader.ts';

export type ManifestReading = { ok: true; tour: TourManifest } | { ok: false; problems: TourProblem[] };

/** Reads `tour.json`; a file that is not JSON or not a whole tour comes back as problems naming the field. */
export async function loadTourManifest(url: string, signal?: AbortSignal): Promise<ManifestReading> {
  const bytes = await fetchBytes(url, 'tour.json', () => {}, signal);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    return { ok: false, problems: [{ path: '(the whole file)', message: `not JSON: ${(error as Error).message}` }] };
  }
  return readTour(json);
}

export interface LoadProgress {
  /** Bytes received and expected over all downloads so far (a file of unknown size counts what arrived). */
  loaded: number;
  total: number;
  /** Downloads still running. */
  active: number;
}

const IDLE: LoadProgress = { loaded: 0, total: 0, active: 0 };

export class TourAssets {
  private readonly downloads = new Map<string, ByteProgress & { done: boolean }>();
  private readonly listeners = new Set<() => void>();
  private snapshot: LoadProgress = IDLE;
  private scenePromise: Promise<Object3D> | null = null;
  private splatPromise: Promise<LoadedSplat> | null = null;
  private readonly panoramas = new Map<string, Promise<Texture>>();
  private readonly prefetched = new Set<string>();
  private readonly controller = new AbortController();
  private disposed = false;

  constructor(
    readonly tour: TourManifest,
    /** The manifest's URL: the tour's files are named relative to it. */
    private readonly manifestUrl: string,
    /** The largest texture the renderer takes (WebGL MAX_TEXTURE_SIZE); larger panoramas are scaled down. */
    private readonly maxTextureSize: number,
  ) {}

  fileUrl(file: string): string {
    return new URL(file, new URL(this.manifestUrl, location.href)).href;
  }

  /** The glTF scene, loaded once. */
  scene(): Promise<Object3D> {
    const file = this.tour.scene;
    if (!file) return Promise.reject(new TourFileError('scene', 'This tour has no 3D scene.'));
    this.scenePromise ??= this.download(file).then(async (bytes) => {
      const url = this.fileUrl(file);
      const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
      try {
        const gltf = await loader.parseAsync(bytes, url.slice(0, url.lastIndexOf('/') + 1));
        closeBitmapsOnDispose(gltf.scene);
        if (this.disposed) disposeObject(gltf.scene);
        return gltf.scene;
      } catch (error) {
        throw new TourFileError(file, `${file} is not a scene this viewer can show: ${(error as Error).message}`);
      }
    });
    return this.scenePromise;
  }

  /** The Gaussian-splat capture, loaded once; Spark is fetched with it, only for a tour that has one. */
  splat(): Promise<LoadedSplat> {
    const file = this.tour.splat;
    if (!file) return Promise.reject(new TourFileError('splat', 'This tour has no splat capture.'));
    this.splatPromise ??= Promise.all([this.download(file), import('./splat-loader.ts')]).then(async ([bytes, { readSplat }]) => {
      try {
        const splat = await readSplat(file, bytes);
        if (this.disposed) splat.dispose();
        return splat;
      } catch (error) {
        throw new TourFileError(file, `${file} is not a splat capture this viewer can show: ${(error as Error).message}`);
      }
    });
    return this.splatPromise;
  }

  /** A panorama as a texture, loaded once and kept until `release`. */
  panorama(file: string): Promise<Texture> {
    let pending = this.panoramas.get(file);
    if (!pending) {
      pending = this.download(file).then((bytes) => this.decodePanorama(file, bytes));
      this.panoramas.set(file, pending);
    }
    return pending;
  }

  /**
   * Fetches a file the customer is likely to need next into the browser's cache (the server lets it
   * keep tour files for minutes), at low priority and without counting towards the progress bar.
   */
  prefetch(file: string): void {
    if (this.prefetched.has(file) || this.panoramas.has(file) || this.disposed) return;
    this.prefetched.add(file);
    fetch(this.fileUrl(file), { signal: this.controller.signal, priority: 'low' }).then(
      (response) => response.arrayBuffer(),
      () => this.prefetched.delete(file),
    ).catch(() => this.prefetched.delete(file));
  }

  /** Frees a panorama's texture (a 4096×2048 one holds 32 MB of GPU memory). */
  release(file: string): void {
    const pending = this.panoramas.get(file);
    this.panoramas.delete(file);
    pending?.then((texture) => texture.dispose(), () => {});
  }

  /** Panoramas loaded or loading, by file. */
  panoramaFiles(): string[] {
    return [...this.panoramas.keys()];
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  progress(): LoadProgress {
    return this.snapshot;
  }

  dispose(): void {
    this.disposed = true;
    this.controller.abort(new DOMException('The tour was closed.', 'AbortError'));
    this.scenePromise?.then(disposeObject, () => {});
    this.splatPromise?.then((splat) => splat.dispose(), () => {});
    for (const file of [...this.panoramas.keys()]) this.release(file);
    this.listeners.clear();
  }

  private download(file: string): Promise<ArrayBuffer> {
    this.downloads.set(file, { loaded: 0, total: null, done: false });
    this.changed();
    return fetchBytes(this.fileUrl(file), file, (progress) => {
      this.downloads.set(file, { ...progress, done: false });
      this.changed();
    }, this.controller.signal).finally(() => {
      const last = this.downloads.get(file);
      if (last) this.downloads.set(file, { ...last, done: true });
      this.changed();
    });
  }

  private changed(): void {
    let loaded = 0;
    let total = 0;
    let active = 0;
    for (const d of this.downloads.values()) {
      loaded += d.loaded;
      total += d.total ?? d.loaded;
      if (!d.done) active++;
    }
    this.snapshot = { loaded, total, active };
    for (const listener of [...this.listeners]) listener();
  }

  private async decodePanorama(file: string, bytes: ArrayBuffer): Promise<Texture> {
    const type = file.endsWith('.webp') ? 'image/webp' : file.endsWith('.png') ? 'image/png' : 'image/jpeg';
    let image: ImageBitmap;
    try {
      // Flipped while decoding: WebGL ignores flipY for image bitmaps.
      image = await createImageBitmap(new Blob([bytes], { type }), { imageOrientation: 'flipY' });
      if (image.width > this.maxTextureSize) {
        const scaled = await createImageBitmap(image, { resizeWidth: this.maxTextureSize, resizeHeight: Math.round((image.height * this.maxTextureSize) / image.width), resizeQuality: 'high' });
        image.close();
        image = scaled;
      }
    } catch (error) {
      throw new TourFileError(file, `${file} is not an image this browser can show: ${(error as Error).message}`);
    }
    const texture = new Texture(image);
    texture.colorSpace = SRGBColorSpace;
    texture.flipY = false;
    // A panorama is seen at about one texel per pixel: mipmaps would add a third to its memory for nothing.
    texture.generateMipmaps = false;
    texture.minFilter = LinearFilter;
    texture.needsUpdate = true;
    texture.addEventListener('dispose', () => image.close());
    if (this.disposed) texture.dispose();
    return texture;
  }
}

/**
 * The loader decodes a scene's textures into image bitmaps (off the main thread), which hold their
 * pixels until closed rather than until collected: each is closed with its texture.
 */
function closeBitmapsOnDispose(root: Object3D): void {
  const textures = new Set<Texture>();
  root.traverse((node) => {
    if (!(node instanceof Mesh)) return;
    const materials: Material[] = Array.isArray(node.material) ? node.material : [node.material];
    for (const material of materials) for (const value of Object.values(material)) if (value instanceof Texture) textures.add(value);
  });
  for (const texture of textures) {
    const image: unknown = texture.image;
    if (image instanceof ImageBitmap) texture.addEventListener('dispose', () => image.close());
  }
}
