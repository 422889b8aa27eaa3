// In a headset, a panorama is shown as a WebXR equirect layer where the session has layers: the
// compositor samples the photo at the display's own resolution (sharper than drawing it into the eye
// buffers, and no sphere to draw). Elsewhere it is the inverted sphere every other view uses. The
// layer has the sphere's radius and orientation, so a panorama looks the same either way.
import type { Vec3 } from '../../../../protocol/tour.ts';
import { PANORAMA_RADIUS_M } from './panorama-sphere.ts';

export type PanoramaSurface = 'layer' | 'sphere';

export interface LayerSupport {
  presenting: boolean;
  /** The session was granted the 'layers' feature (asked for as optional). */
  layersEnabled: boolean;
  /** The browser's XRWebGLBinding makes equirect layers. */
  equirectLayers: boolean;
  /** The panorama's pixels can be copied into a layer (an image, a bitmap or a canvas). */
  imageSource: boolean;
}

export function panoramaSurface(support: LayerSupport): PanoramaSurface {
  return support.presenting && support.layersEnabled && support.equirectLayers && support.imageSource ? 'layer' : 'sphere';
}

/** Whether this browser's XRWebGLBinding has createEquirectLayer (WebXR Layers). */
export function browserMakesEquirectLayers(scope: object = globalThis): boolean {
  const binding: unknown = (scope as { XRWebGLBinding?: unknown }).XRWebGLBinding;
  return typeof binding === 'function' && 'createEquirectLayer' in (binding.prototype as object);
}

/** A panorama texture's image, if it is something a layer can be filled from. */
export function layerImageOf(image: unknown): ImageBitmap | HTMLImageElement | HTMLCanvasElement | null {
  for (const kind of ['ImageBitmap', 'HTMLImageElement', 'HTMLCanvasElement'] as const) {
    const type = (globalThis as Record<string, unknown>)[kind];
    if (typeof type === 'function' && image instanceof type) return image as ImageBitmap | HTMLImageElement | HTMLCanvasElement;
  }
  return null;
}

/**
 * The props of @react-three/xr's `<XRLayer>` for a panorama seen from `eye`: a whole sphere (2π across,
 * ±π/2 up and down) whose radius is the object's scale, centred on the eye like the sphere. It is not
 * rotated: like the sphere, it is fixed in the scene (its centre looks along −Z), and the library
 * expresses it relative to the XR origin, which is turned to the viewpoint's arrival direction.
 */
export function equirectLayerProps(eye: Vec3) {
  return {
    shape: 'equirect',
    layout: 'mono',
    position: eye,
    scale: PANORAMA_RADIUS_M,
    centralHorizontalAngle: 2 * Math.PI,
    upperVerticalAngle: Math.PI / 2,
    lowerVerticalAngle: -Math.PI / 2,
  } as const;
}
