// A tour's files as the renderer needs them: the glTF scene (meshopt-compressed, WebP textures), the
// splat capture and each panorama as a texture — its small preview first where asked (first-view.ts)
// — every download counted in bytes for a progress bar (tour-downloads.ts). Plain TypeScript, no
// React: the customer's page and the console share it.
import { i18next } from '../../i18n/i18n.ts';
import { LinearFilter, Mesh, SRGBColorSpace, Texture, type Material, type Object3D } from 'three';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { TourManifest } from '../../../../protocol/tour.ts';
import { TourFileError } from './fetch-bytes.ts';
import { disposeObject } from './dispose-object.ts';
import { previewUrlOf } from './first-view.ts';
import type { LoadedSplat } from './splat-loader.ts';
import { TourDownloads, type LoadProgress } from './tour-downloads.ts';
import { markTour } from './tour-marks.ts';


export class TourAssets {
  private scenePromise: Promise<Object3D> | null = null;
  private splatPromise: Promise<LoadedSplat> | null = null;
  private readonly threeDLoaded = { scene: false, splat: false };
  private readonly panoramas = new Map<string, Promise<Texture>>();
  private readonly previews = new Map<string, Promise<Texture>>();
  private readonly prefetched = new Set<string>();
  private readonly downloads: TourDownloads;
  /** Whether this holds downloads it was not given (and so ends them when disposed). */
  private readonly ownsDownloads: boolean;
  private disposed = false;

  constructor(
    readonly tour: TourManifest,
    /** The manifest's URL: the tour's files are named relative to it. */
    private readonly manifestUrl: string,
    /** The largest texture the renderer takes (WebGL MAX_TEXTURE_SIZE); larger panoramas are scaled down. */
    private readonly maxTextureSize: number,
    /** Downloads already under way (the first view's files, asked for with tour.json); else its own. */
    downloads?: TourDownloads,
  ) {
    this.downloads = downloads ?? new TourDownloads();
    this.ownsDownloads = downloads === undefined;
  }

  fileUrl(file: string): string {
    return new URL(file, new URL(this.manifestUrl, location.href)).href;
  }

  /** The glTF scene, loaded once. */
  scene(): Promise<Object3D> {
    const file = this.tour.scene;
    if (!file) return Promise.reject(new TourFileError('scene', i18next.t('tour:files.noScene')));
    this.scenePromise ??= this.download(file).then(async (bytes) => {
      markTour('scene-bytes');
      const url = this.fileUrl(file);
      const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
      try {
        const gltf = await loader.parseAsync(bytes, url.slice(0, url.lastIndexOf('/') + 1));
        closeBitmapsOnDispose(gltf.scene);
        if (this.disposed) disposeObject(gltf.scene);
        markTour('scene-parsed');
        this.threeDLoaded.scene = true;
        return gltf.scene;
      } catch (error) {
        throw new TourFileError(file, i18next.t('tour:files.badScene', { file, reason: (error as Error).message }));
      }
    });
    return this.scenePromise;
  }

  /** The Gaussian-splat capture, loaded once; Spark is fetched with it, only for a tour that has one. */
  splat(): Promise<LoadedSplat> {
    const file = this.tour.splat;
    if (!file) return Promise.reject(new TourFileError('splat', i18next.t('tour:files.noSplat')));
    this.splatPromise ??= Promise.all([this.download(file), import('./splat-loader.ts')]).then(async ([bytes, { readSplat }]) => {
      try {
        const splat = await readSplat(file, bytes);
        if (this.disposed) splat.dispose();
        this.threeDLoaded.splat = true;
        return splat;
      } catch (error) {
        throw new TourFileError(file, i18next.t('tour:files.badSplat', { file, reason: (error as Error).message }));
      }
    });
    return this.splatPromise;
  }

  /** Whether everything the tour shows in 3D (scene, splat) has loaded: a 3D view then needs no stand-in. */
  threeDReady(): boolean {
    return (this.tour.scene === undefined || this.threeDLoaded.scene) && (this.tour.splat === undefined || this.threeDLoaded.splat);
  }

  /** A panorama as a texture, loaded once and kept until `release`. */
  panorama(file: string): Promise<Texture> {
    let pending = this.panoramas.get(file);
    if (!pending) {
      pending = this.download(file).then((bytes) => {
        markTour('panorama-bytes');
        return this.decodePanorama(file, bytes, 'panorama-decoded');
      });
      this.panoramas.set(file, pending);
    }
    return pending;
  }

  /** A panorama's 1024×512 preview (the server's), to show while the full one loads; kept until `release`. */
  panoramaPreview(file: string): Promise<Texture> {
    let pending = this.previews.get(file);
    if (!pending) {
      pending = this.downloads.take(previewUrlOf(this.fileUrl(file)), `${file} (preview)`).then((bytes) => {
        markTour('preview-bytes');
        return this.decodePanorama(`${file} (preview)`, bytes, 'preview-decoded', 'image/webp');
      });
      this.previews.set(file, pending);
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
    // The preview too: a panorama that was prefetched still takes a while to decode.
    for (const url of [this.fileUrl(file), previewUrlOf(this.fileUrl(file))]) {
      fetch(url, { signal: this.downloads.signal, priority: 'low' }).then(
        (response) => response.arrayBuffer(),
        () => this.prefetched.delete(file),
      ).catch(() => this.prefetched.delete(file));
    }
  }

  /** Frees a panorama's textures, full and preview (a 4096×2048 one holds 32 MB of GPU memory). */
  release(file: string): void {
    for (const textures of [this.panoramas, this.previews]) {
      const pending = textures.get(file);
      textures.delete(file);
      pending?.then((texture) => texture.dispose(), () => {});
    }
  }

  /** Panoramas loaded or loading (full or preview), by file. */
  panoramaFiles(): string[] {
    return [...new Set([...this.panoramas.keys(), ...this.previews.keys()])];
  }

  subscribe(listener: () => void): () => void {
    return this.downloads.subscribe(listener);
  }

  progress(): LoadProgress {
    return this.downloads.progress();
  }

  dispose(): void {
    this.disposed = true;
    if (this.ownsDownloads) this.downloads.dispose();
    this.scenePromise?.then(disposeObject, () => {});
    this.splatPromise?.then((splat) => splat.dispose(), () => {});
    for (const file of this.panoramaFiles()) this.release(file);
  }

  private download(file: string): Promise<ArrayBuffer> {
    return this.downloads.take(this.fileUrl(file), file);
  }

  private async decodePanorama(file: string, bytes: ArrayBuffer, mark: 'panorama-decoded' | 'preview-decoded', type = typeOf(file)): Promise<Texture> {
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
      throw new TourFileError(file, i18next.t('tour:files.badImage', { file, reason: (error as Error).message }));
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
    markTour(mark);
    return texture;
  }
}

const typeOf = (file: string): string => (file.endsWith('.webp') ? 'image/webp' : file.endsWith('.png') ? 'image/png' : 'image/jpeg');

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
