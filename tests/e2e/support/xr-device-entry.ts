// Runs in the customer's page before its own scripts (bundled by xr-device.ts): an emulated AR phone
// (iwer) in a synthetic office (@iwer/sem), in place of Chromium's own navigator.xr, and a camera
// that films that office — what a phone's camera would see while it tracks the room. The phone offers
// WebXR Raw Camera Access (the same office as the AR camera's image) unless the journey says otherwise.
import { SyntheticEnvironmentModule } from '@iwer/sem';
import room from '@iwer/sem/captures/office_small.json';
import { XRDevice, XRWebGLLayer, metaQuest3 } from 'iwer';
import { installCameraAccess } from './xr-camera-access.ts';
import { CAMERA_STREAM_MARK } from './xr-device-options.ts';

declare global {
  interface Window {
    __xrDevice: XRDevice;
    /** The next frame of the room the emulator renders (what the phone's cameras see), copied. */
    __xrRoomPicture: () => Promise<HTMLCanvasElement>;
  }
}

const options = window.__xrDeviceOptions ?? {};
const cameraAccess = options.cameraAccess ?? true;

const phone = {
  ...metaQuest3,
  name: 'Sightline emulated AR phone',
  // A phone has no tracked controllers: its input is the touch screen.
  controllerConfig: undefined,
  supportedSessionModes: ['inline', 'immersive-ar'],
  // iwer's feature list has no 'camera-access'; its session enables any supported feature asked for.
  supportedFeatures: ['viewer', 'local', 'local-floor', 'unbounded', 'anchors', 'hit-test', 'plane-detection', 'mesh-detection', ...(cameraAccess ? ['camera-access'] : [])],
  supportedFrameRates: [30, 60],
  internalNominalFrameRate: 30,
} as typeof metaQuest3;

const device = new XRDevice(phone, { stereoEnabled: false });
device.installRuntime({ forceInstall: true });
device.installSEM(SyntheticEnvironmentModule as never);
device.sem!.loadEnvironment(room as never);
// Standing in the office at eye height, looking ahead, until a test moves the phone.
device.position.set(0, 1.5, 0.3);
window.__xrDevice = device;

/** Called right after each XR frame of the room is rendered: its canvas is blank once the frame is shown. */
const roomRendered = new Set<(room: HTMLCanvasElement) => void>();
let roomFrame = 0;
const sem = device.sem!;
const renderRoom = sem.render.bind(sem);
sem.render = (now: number) => {
  renderRoom(now);
  roomFrame++;
  for (const use of roomRendered) use(sem.environmentCanvas);
  // iwer shows the page's canvas at the size the page laid it out; a phone's AR view fills the screen.
  const app = device.appCanvas;
  if (app && app.style.width !== '100%') Object.assign(app.style, { width: '100%', height: '100%' });
};

window.__xrRoomPicture = () =>
  new Promise((resolve) => {
    const copy = (room: HTMLCanvasElement): void => {
      roomRendered.delete(copy);
      const picture = document.createElement('canvas');
      picture.width = room.width;
      picture.height = room.height;
      picture.getContext('2d')!.drawImage(room, 0, 0);
      resolve(picture);
    };
    roomRendered.add(copy);
  });

// The room canvas still holds the frame while the page's XR callbacks run: the camera image is taken from it.
if (cameraAccess) installCameraAccess({ picture: () => sem.environmentCanvas, frame: () => roomFrame });
if (options.layer === 'own-framebuffer') installOwnFramebufferLayer();

/**
 * Layers that render into a framebuffer of their own (color and depth renderbuffers at the canvas's
 * size), as a phone's do: nothing of the XR render reaches the page's canvas.
 */
function installOwnFramebufferLayer(): void {
  const framebuffers = new WeakMap<XRWebGLLayer, { framebuffer: WebGLFramebuffer; color: WebGLRenderbuffer; depth: WebGLRenderbuffer; size: string }>();
  class OwnFramebufferLayer extends XRWebGLLayer {}
  Object.defineProperty(OwnFramebufferLayer.prototype, 'framebuffer', {
    get(this: XRWebGLLayer): WebGLFramebuffer {
      const gl = this.context as WebGL2RenderingContext;
      const size = `${this.framebufferWidth}x${this.framebufferHeight}`;
      let own = framebuffers.get(this);
      if (own?.size === size) return own.framebuffer;
      own ??= { framebuffer: gl.createFramebuffer(), color: gl.createRenderbuffer(), depth: gl.createRenderbuffer(), size };
      own.size = size;
      framebuffers.set(this, own);
      const boundFramebuffer = gl.getParameter(gl.FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
      const boundRenderbuffer = gl.getParameter(gl.RENDERBUFFER_BINDING) as WebGLRenderbuffer | null;
      gl.bindRenderbuffer(gl.RENDERBUFFER, own.color);
      gl.renderbufferStorage(gl.RENDERBUFFER, gl.RGBA8, this.framebufferWidth, this.framebufferHeight);
      gl.bindRenderbuffer(gl.RENDERBUFFER, own.depth);
      gl.renderbufferStorage(gl.RENDERBUFFER, gl.DEPTH24_STENCIL8, this.framebufferWidth, this.framebufferHeight);
      gl.bindFramebuffer(gl.FRAMEBUFFER, own.framebuffer);
      gl.framebufferRenderbuffer(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.RENDERBUFFER, own.color);
      gl.framebufferRenderbuffer(gl.FRAMEBUFFER, gl.DEPTH_STENCIL_ATTACHMENT, gl.RENDERBUFFER, own.depth);
      gl.bindFramebuffer(gl.FRAMEBUFFER, boundFramebuffer);
      gl.bindRenderbuffer(gl.RENDERBUFFER, boundRenderbuffer);
      return own.framebuffer;
    },
  });
  Object.assign(globalThis, { XRWebGLLayer: OwnFramebufferLayer });
}

/** The camera: the synthetic room while an AR session renders it (or the mark colour), a test card before. */
function cameraCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const context = canvas.getContext('2d')!;
  const grain = options.cameraGrain ? grainPattern(context) : null;
  roomRendered.add((room) => {
    if (canvas.width !== room.width || canvas.height !== room.height) {
      canvas.width = room.width;
      canvas.height = room.height;
    }
    if (options.cameraStreamInAr === 'mark') {
      context.fillStyle = CAMERA_STREAM_MARK;
      context.fillRect(0, 0, canvas.width, canvas.height);
    } else {
      context.drawImage(room, 0, 0);
      if (grain) {
        context.fillStyle = grain;
        context.fillRect(0, 0, canvas.width, canvas.height);
      }
    }
  });
  const draw = (): void => {
    if (!device.activeSession) {
      context.fillStyle = '#2b4d6b';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.fillStyle = '#f0c040';
      for (let x = 0; x < canvas.width; x += 80) context.fillRect(x, 0, 40, canvas.height);
      context.fillStyle = '#fff';
      context.font = 'bold 32px sans-serif';
      context.fillText(`camera ${Math.round(performance.now())}`, 20, 60);
    }
    requestAnimationFrame(draw);
  };
  draw();
  return canvas;
}

/** A tile of random light and dark specks, repeated over the picture. */
function grainPattern(context: CanvasRenderingContext2D): CanvasPattern {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 64;
  const tileContext = tile.getContext('2d')!;
  const specks = tileContext.createImageData(64, 64);
  for (let i = 0; i < specks.data.length; i += 4) {
    const shade = Math.random() < 0.5 ? 0 : 255;
    specks.data.set([shade, shade, shade, 70], i);
  }
  tileContext.putImageData(specks, 0, 0);
  return context.createPattern(tile, 'repeat')!;
}

const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
navigator.mediaDevices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
  if (!constraints?.video) return original(constraints);
  const stream = cameraCanvas().captureStream(30);
  if (constraints.audio) for (const track of (await original({ audio: constraints.audio })).getAudioTracks()) stream.addTrack(track);
  return stream;
};
