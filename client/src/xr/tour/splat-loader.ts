// Reads a tour's Gaussian-splat file with Spark, and makes the SparkRenderer that draws it. Spark is
// ~2.5 MB of script and WebAssembly: only this module imports it, and only tours with a splat import
// this module (tour-assets.ts, on demand), so the pages of every other tour stay as light as they were.
import { SparkRenderer, SplatMesh } from '@sparkjsdev/spark';
import type { Object3D, WebGLRenderer } from 'three';

export interface LoadedSplat {
  /** The splats, in the tour's coordinates: goes into the scene. */
  mesh: Object3D;
  /**
   * The object that draws every splat of the scene it is in, for one WebGL renderer. Spark sorts the
   * splats in a worker after the view moves and calls `onDirty` when a new frame would show more: an
   * on-demand canvas must render then, or the picture stays as it was before the sort.
   */
  createRenderer(renderer: WebGLRenderer, onDirty: () => void): Object3D & { dispose(): void };
  dispose(): void;
}

/** Decodes a splat file (Spark's worker; the format by the file's extension and its first bytes). */
export async function readSplat(file: string, bytes: ArrayBuffer): Promise<LoadedSplat> {
  const mesh = new SplatMesh({ fileBytes: bytes, fileName: file });
  await mesh.initialized;
  if (mesh.numSplats === 0) {
    mesh.dispose();
    throw new Error('it holds no splats');
  }
  return {
    mesh,
    createRenderer: (renderer, onDirty) => new SparkRenderer({ renderer, onDirty }),
    dispose: () => mesh.dispose(),
  };
}
