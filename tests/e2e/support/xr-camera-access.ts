// WebXR Raw Camera Access (https://immersive-web.github.io/raw-camera-access/) on the emulated AR
// phone, which iwer 2.5 lacks: with 'camera-access' enabled, each view has a camera (XRCamera) and the
// session's XRWebGLBinding hands out its image as a texture on the page's GL context — here the room
// the emulator renders for that frame, as a phone's AR camera sees it. Part of xr-device-entry.ts.
import { P_FRAME, P_SESSION, P_VIEW, XRView, XRWebGLBinding, type XRSession } from 'iwer';

/** The camera a view is aligned with; its image is the camera's full frame, `width` × `height` pixels. */
export class XRCamera {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  get [Symbol.toStringTag](): string {
    return 'XRCamera';
  }
}

/** Where the camera image comes from: the room canvas while it still holds this frame, and the frame's number. */
export interface CameraFeed {
  picture(): HTMLCanvasElement;
  frame(): number;
}

const hasCameraAccess = (session: XRSession): boolean => session.enabledFeatures.includes('camera-access');

/** Adds XRView.camera, XRWebGLBinding.getCameraImage and XRCamera to the runtime iwer installed. */
export function installCameraAccess(feed: CameraFeed): void {
  const cameras = new WeakMap<XRView, XRCamera>();
  Object.defineProperty(XRView.prototype, 'camera', {
    configurable: true,
    get(this: XRView): XRCamera | null {
      if (!hasCameraAccess(this[P_VIEW].session)) return null;
      let camera = cameras.get(this);
      if (!camera) {
        const picture = feed.picture();
        camera = new XRCamera(picture.width, picture.height);
        cameras.set(this, camera);
      }
      return camera;
    },
  });

  class CameraAccessBinding extends XRWebGLBinding {
    readonly #session: XRSession;
    readonly #context: WebGL2RenderingContext;
    #texture: WebGLTexture | null = null;
    #uploadedFrame = -1;

    constructor(session: XRSession, context: WebGL2RenderingContext) {
      super(session, context);
      this.#session = session;
      this.#context = context;
      session.addEventListener('end', () => context.deleteTexture(this.#texture), { once: true });
    }

    /** The camera image of the current frame: valid only inside the frame's callbacks, origin at the bottom left. */
    getCameraImage(camera: XRCamera): WebGLTexture | null {
      if (!(camera instanceof XRCamera)) throw new TypeError('getCameraImage needs an XRCamera.');
      const frame = this.#session[P_SESSION].activeFrame;
      if (!frame || !frame[P_FRAME].active) throw new DOMException('XRFrame access outside the callback that produced it is invalid.', 'InvalidStateError');
      if (!hasCameraAccess(this.#session)) throw new DOMException('camera-access is not enabled on this session.', 'InvalidStateError');
      if (this.#uploadedFrame !== feed.frame()) {
        this.#upload(feed.picture());
        this.#uploadedFrame = feed.frame();
      }
      return this.#texture;
    }

    /** Copies the picture into the texture, leaving the GL state as the page had it. */
    #upload(picture: HTMLCanvasElement): void {
      const gl = this.#context;
      const bound = gl.getParameter(gl.TEXTURE_BINDING_2D) as WebGLTexture | null;
      const flipY = gl.getParameter(gl.UNPACK_FLIP_Y_WEBGL) as boolean;
      const premultiply = gl.getParameter(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL) as boolean;
      if (!this.#texture) {
        this.#texture = gl.createTexture();
        gl.bindTexture(gl.TEXTURE_2D, this.#texture);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      }
      gl.bindTexture(gl.TEXTURE_2D, this.#texture);
      // A camera image has GL's origin (bottom left); a canvas's first row is its top.
      gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, true);
      gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, picture);
      gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, flipY);
      gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, premultiply);
      gl.bindTexture(gl.TEXTURE_2D, bound);
    }
  }

  Object.assign(globalThis, { XRCamera, XRWebGLBinding: CameraAccessBinding });
}
