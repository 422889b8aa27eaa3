// Renders each AR frame and leaves the picture the customer sees in the renderer's canvas, where the
// stream compositor reads it. On a phone the XR runtime's layer has a framebuffer of its own, so the
// canvas would hold nothing: the scene is drawn a second time into it, from the XR view's camera.
// With WebXR Raw Camera Access the camera image goes under the scene, as the phone shows it.
import { ArrayCamera, Mesh, PerspectiveCamera, PlaneGeometry, Scene, ShaderMaterial, Vector4, type Camera, type ExternalTexture, type Object3D, type WebGLRenderer } from 'three';

export interface StreamPass {
  /**
   * Renders one frame of the scene (from the XR view while a session runs; call it where R3F would
   * render). Returns whether the picture left in the canvas includes the camera image.
   */
  render(scene: Object3D, camera: Camera, frame?: XRFrame): boolean;
  dispose(): void;
}

/** WebXR Raw Camera Access (https://immersive-web.github.io/raw-camera-access/), not in @types/webxr. */
interface XRCamera {
  readonly width: number;
  readonly height: number;
}
type CameraView = XRView & { readonly camera?: XRCamera | null };
/** @types/three 0.187 types getCameraTexture's argument as its own camera; three's code takes the XRCamera. */
type ThreeCameraKey = Parameters<WebGLRenderer['xr']['getCameraTexture']>[0];

export function createStreamPass(renderer: WebGLRenderer): StreamPass {
  const background = createCameraBackground();
  /**
   * The XR view's camera, copied out of three's XR camera for rendering with XR turned off. An array
   * camera, because three takes only an array camera's viewports as given, in pixels: the renderer's
   * own viewport can lag the canvas's size, which R3F and emulators change during a session.
   */
  const viewCamera = Object.assign(new PerspectiveCamera(), { viewport: new Vector4() });
  const streamCamera = new ArrayCamera([viewCamera]);
  for (const camera of [viewCamera, streamCamera]) {
    camera.matrixAutoUpdate = false;
    camera.matrixWorldAutoUpdate = false;
  }

  /** The scene over the camera image (when there is one) into the current render target. */
  const draw = (scene: Object3D, camera: Camera, image: ExternalTexture | null): boolean => {
    if (!image) {
      renderer.render(scene, camera);
      return false;
    }
    background.show(image);
    renderer.render(background.scene, camera);
    const autoClear = renderer.autoClear;
    renderer.autoClear = false;
    try {
      renderer.render(scene, camera);
    } finally {
      renderer.autoClear = autoClear;
    }
    return true;
  };

  return {
    render(scene, camera, frame) {
      const xr = renderer.xr;
      if (!frame || !xr.isPresenting) {
        renderer.render(scene, camera);
        return false;
      }
      const image = cameraImage(renderer, frame);
      // The layer is the canvas itself (as in an emulator): the one render is the streamed picture.
      if (frame.session.renderState.baseLayer?.framebuffer === null) return draw(scene, camera, image);

      renderer.render(scene, camera);
      const view = xr.getCamera().cameras[0];
      for (const copy of [viewCamera, streamCamera]) {
        copy.matrixWorld.copy(view.matrixWorld);
        copy.matrixWorldInverse.copy(view.matrixWorldInverse);
        copy.projectionMatrix.copy(view.projectionMatrix);
        copy.projectionMatrixInverse.copy(view.projectionMatrixInverse);
      }
      // All of the canvas's own framebuffer, which three sized as the layer when the session started.
      viewCamera.viewport.set(0, 0, renderer.domElement.width, renderer.domElement.height);
      const target = renderer.getRenderTarget();
      xr.enabled = false;
      try {
        renderer.setRenderTarget(null);
        return draw(scene, streamCamera, image);
      } finally {
        renderer.setRenderTarget(target);
        xr.enabled = true;
      }
    },
    dispose() {
      background.dispose();
    },
  };
}

/** This frame's camera image, when the session has camera access and the view is a camera's. */
function cameraImage(renderer: WebGLRenderer, frame: XRFrame): ExternalTexture | null {
  if (!frame.session.enabledFeatures?.includes('camera-access')) return null;
  const space = renderer.xr.getReferenceSpace();
  const views: readonly CameraView[] = (space && frame.getViewerPose(space)?.views) || [];
  const camera = views.find((view) => view.camera)?.camera;
  if (!camera) return null;
  const texture = renderer.xr.getCameraTexture(camera as unknown as ThreeCameraKey);
  return texture?.sourceTexture ? texture : null;
}

/**
 * A full-screen quad showing the camera image. The image spans the view as the projection does, with
 * its origin at the bottom left (GL's convention), so it maps straight onto the quad; its pixels go
 * out unchanged (no colour-space conversion), as the phone shows them.
 */
function createCameraBackground() {
  const uniforms = { image: { value: null as ExternalTexture | null } };
  const material = new ShaderMaterial({
    uniforms,
    vertexShader: 'varying vec2 vUv; void main() { vUv = uv; gl_Position = vec4(position.xy, 0.0, 1.0); }',
    fragmentShader: 'uniform sampler2D image; varying vec2 vUv; void main() { gl_FragColor = vec4(texture2D(image, vUv).rgb, 1.0); }',
    depthTest: false,
    depthWrite: false,
  });
  const geometry = new PlaneGeometry(2, 2);
  const quad = new Mesh(geometry, material);
  quad.frustumCulled = false;
  const scene = new Scene();
  scene.add(quad);
  return {
    scene,
    show(image: ExternalTexture) {
      uniforms.image.value = image;
    },
    dispose() {
      geometry.dispose();
      material.dispose();
    },
  };
}
