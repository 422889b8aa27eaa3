import { createXRLayer } from '@pmndrs/xr';
import { buildXRSessionInit } from '@pmndrs/xr/internals';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Group, Mesh, Quaternion, Scene, Vector3 } from 'three';
import { tourXrOptions } from '../../customer/tour/use-vr.ts';
import { browserMakesEquirectLayers, equirectLayerProps, panoramaSurface, type LayerSupport } from './panorama-layer.ts';
import { PANORAMA_RADIUS_M } from './panorama-sphere.ts';
import { panoramaDirection, type Direction } from './tour-directions.ts';

const all: LayerSupport = { presenting: true, layersEnabled: true, equirectLayers: true, imageSource: true };

describe('panorama surface', () => {
  it('is a layer only in a session granted layers, by a browser that makes equirect layers, for an image', () => {
    expect(panoramaSurface(all)).toBe('layer');
    for (const missing of ['presenting', 'layersEnabled', 'equirectLayers', 'imageSource'] as const) {
      expect(panoramaSurface({ ...all, [missing]: false })).toBe('sphere');
    }
  });

  it('asks for layers as an optional feature of the headset session', () => {
    // @pmndrs/xr reads the user agent (for Apple Vision Pro) and knows DOM elements: Node 20 has neither.
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64; Quest 3)' });
    vi.stubGlobal('Element', class {});
    const init = buildXRSessionInit('immersive-vr', undefined, tourXrOptions('https://example.test'));
    expect(init.optionalFeatures).toContain('layers');
    expect(init.requiredFeatures).not.toContain('layers');
    vi.unstubAllGlobals();
  });

  it('tells a browser with createEquirectLayer from one without (iwer 2.5 has an XRWebGLBinding for depth only)', () => {
    class Layers {
      createEquirectLayer(): void {}
    }
    class DepthOnly {
      getDepthInformation(): void {}
    }
    expect(browserMakesEquirectLayers({ XRWebGLBinding: Layers })).toBe(true);
    expect(browserMakesEquirectLayers({ XRWebGLBinding: DepthOnly })).toBe(false);
    expect(browserMakesEquirectLayers({})).toBe(false);
  });
});

// The layer as @pmndrs/xr makes it from <XRLayer>'s props, with stand-ins for the browser's classes.
class FakeRigidTransform {
  constructor(
    readonly position: DOMPointInit,
    readonly orientation: DOMPointInit,
  ) {}
}
class FakeEquirectLayer {
  centralHorizontalAngle = 0;
  upperVerticalAngle = 0;
  lowerVerticalAngle = 0;
  constructor(readonly init: XREquirectLayerInit & { transform: FakeRigidTransform; radius: number }) {}
}

/**
 * Where a layer's texel (u across, t up from its first row) lies, in the layer's own space, as WebXR
 * Layers defines an equirect layer (and OpenXR's equirect2): u = 0.5 along −Z, u growing clockwise
 * seen from above (towards +X), t from the lower vertical angle to the upper.
 */
function layerDirection(layer: FakeEquirectLayer, u: number, t: number): Vector3 {
  const across = (u - 0.5) * layer.centralHorizontalAngle;
  const up = layer.lowerVerticalAngle + t * (layer.upperVerticalAngle - layer.lowerVerticalAngle);
  return new Vector3(Math.sin(across) * Math.cos(up), Math.sin(up), -Math.cos(across) * Math.cos(up));
}

describe('panorama equirect layer', () => {
  beforeAll(() => {
    vi.stubGlobal('XRRigidTransform', FakeRigidTransform);
    vi.stubGlobal('XREquirectLayer', FakeEquirectLayer);
    vi.stubGlobal('XRCylinderLayer', class {});
    vi.stubGlobal('XRQuadLayer', class {});
    vi.stubGlobal('HTMLVideoElement', class {});
  });
  afterAll(() => vi.unstubAllGlobals());

  /** Builds the layer for an eye with the XR origin under it turned to `yaw` degrees, as tour-xr.tsx does. */
  function makeLayer(eye: [number, number, number], yaw: number) {
    const scene = new Scene();
    const origin = new Group();
    origin.position.set(eye[0], eye[1] - 1.6, eye[2]);
    origin.rotation.y = (yaw * Math.PI) / 180;
    const props = equirectLayerProps(eye);
    const mesh = new Mesh();
    mesh.position.set(...props.position);
    mesh.scale.setScalar(props.scale);
    scene.add(origin, mesh);
    scene.updateMatrixWorld(true);
    const space = { kind: 'origin reference space' } as unknown as XRReferenceSpace;
    const binding = { createEquirectLayer: (init: FakeEquirectLayer['init']) => new FakeEquirectLayer(init) };
    const xrManager = { getBinding: () => binding } as never;
    const bitmap = { width: 4096, height: 2048 } as unknown as ImageBitmap;
    const layer = createXRLayer(bitmap, { origin } as never, space, xrManager, mesh, { shape: props.shape, layout: props.layout }, props) as unknown as FakeEquirectLayer;
    return { layer, origin, space };
  }

  it('is a whole sphere of the panorama sphere’s radius around the eye, in the origin’s space, at the photo’s own size', () => {
    const eye: [number, number, number] = [1.2, 1.1, -7.5];
    const { layer, origin, space } = makeLayer(eye, 35);
    expect(layer).toBeInstanceOf(FakeEquirectLayer);
    expect(layer.init.space).toBe(space);
    expect(layer.init.radius).toBeCloseTo(PANORAMA_RADIUS_M, 6);
    expect(layer.init.layout).toBe('mono');
    expect([layer.init.viewPixelWidth, layer.init.viewPixelHeight]).toEqual([4096, 2048]);
    expect(layer.centralHorizontalAngle).toBeCloseTo(2 * Math.PI, 9);
    expect(layer.upperVerticalAngle).toBeCloseTo(Math.PI / 2, 9);
    expect(layer.lowerVerticalAngle).toBeCloseTo(-Math.PI / 2, 9);
    const { x, y, z } = layer.init.transform.position;
    const centre = new Vector3(x, y, z).applyMatrix4(origin.matrixWorld);
    expect(centre.distanceTo(new Vector3(...eye))).toBeLessThan(1e-6);
  });

  it('shows each direction the panorama pixel the sphere shows there, whichever way the origin is turned', () => {
    for (const yaw of [0, 35, -120, 180]) {
      const { layer, origin } = makeLayer([0, 1.6, 0], yaw);
      const { x, y, z, w } = layer.init.transform.orientation;
      const toScene = origin.getWorldQuaternion(new Quaternion()).multiply(new Quaternion(x, y, z, w));
      for (let i = 0; i <= 8; i++) {
        for (let j = 1; j < 8; j++) {
          const u = i / 8;
          const t = j / 8;
          const seen = layerDirection(layer, u, t).applyQuaternion(toScene);
          // The panorama's bitmap is decoded flipped (tour-assets.ts), so its first row, the layer's
          // t = 0, is the photo's bottom: the photo's v (from its top) is 1 − t.
          const expected: Direction = panoramaDirection(u, 1 - t);
          expect(seen.distanceTo(new Vector3(...expected))).toBeLessThan(1e-6);
        }
      }
    }
  });
});
