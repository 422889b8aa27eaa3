// Which way a device shows a tour: the 3D scene where it can carry it, the panoramas where it cannot
// (no WebGL2, little memory, data saver) or where the tour has no scene. A viewpoint without a
// panorama is shown in 3D even in panorama mode, when the tour has a scene. A splat capture is 3D
// content like a glTF scene: a tour with only a splat is shown in 3D alone.
import type { TourManifest } from '../../../../protocol/tour.ts';

export type TourMode = '3d' | 'panorama';

export interface DeviceCapabilities {
  webgl2: boolean;
  /** navigator.deviceMemory in GB (Chromium only, coarse); null where the browser does not say. */
  deviceMemoryGb: number | null;
  /** The browser asks to save data (navigator.connection.saveData). */
  saveData: boolean;
  /** WebGL's MAX_TEXTURE_SIZE (0 without WebGL2): larger panoramas are scaled down to it. */
  maxTextureSize: number;
}

export interface TourContent {
  /** Something to show in 3D: a glTF scene, a splat capture or both. */
  hasScene: boolean;
  hasPanoramas: boolean;
}

/** Whether a tour has anything to show in 3D (a glTF scene or a splat capture). */
export function hasThreeD(tour: Pick<TourManifest, 'scene' | 'splat'>): boolean {
  return tour.scene !== undefined || tour.splat !== undefined;
}

/** What a tour offers to `pickTourMode`. */
export function tourContent(tour: Pick<TourManifest, 'scene' | 'splat' | 'viewpoints'>): TourContent {
  return { hasScene: hasThreeD(tour), hasPanoramas: tour.viewpoints.some((v) => v.panorama !== undefined) };
}

/** Below this, a phone is better off with panoramas: a scene, its textures and WebGL buffers need room. */
export const MIN_MEMORY_GB_FOR_3D = 4;

export function pickTourMode(content: TourContent, device: DeviceCapabilities): TourMode {
  if (!content.hasScene) return 'panorama';
  if (!content.hasPanoramas) return '3d';
  const weak = !device.webgl2 || (device.deviceMemoryGb !== null && device.deviceMemoryGb < MIN_MEMORY_GB_FOR_3D) || device.saveData;
  return weak ? 'panorama' : '3d';
}

/** The mode a viewpoint is actually shown in, given the chosen one. */
export function shownMode(chosen: TourMode, viewpoint: { panorama?: string | undefined }, hasScene: boolean): TourMode {
  if (chosen === 'panorama' && viewpoint.panorama === undefined && hasScene) return '3d';
  if (chosen === '3d' && !hasScene) return 'panorama';
  return chosen;
}

/** What this browser offers, read once (no WebGL context is kept). */
export function readDeviceCapabilities(): DeviceCapabilities {
  const nav = navigator as Navigator & { deviceMemory?: number; connection?: { saveData?: boolean } };
  let webgl2 = false;
  let maxTextureSize = 0;
  try {
    const context = document.createElement('canvas').getContext('webgl2');
    webgl2 = context !== null;
    maxTextureSize = context ? Number(context.getParameter(context.MAX_TEXTURE_SIZE)) : 0;
    context?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    webgl2 = false;
  }
  return {
    webgl2,
    deviceMemoryGb: typeof nav.deviceMemory === 'number' ? nav.deviceMemory : null,
    saveData: nav.connection?.saveData === true,
    maxTextureSize,
  };
}
