// Runs in the customer's page before its own scripts (bundled by xr-device.ts): an emulated AR phone
// (iwer) in a synthetic office (@iwer/sem), in place of Chromium's own navigator.xr, and a camera
// that films that office — what a phone's camera would see while it tracks the room.
import { SyntheticEnvironmentModule } from '@iwer/sem';
import room from '@iwer/sem/captures/office_small.json';
import { XRDevice, metaQuest3 } from 'iwer';

declare global {
  interface Window {
    __xrDevice: XRDevice;
  }
}

const phone = {
  ...metaQuest3,
  name: 'Sightline emulated AR phone',
  // A phone has no tracked controllers: its input is the touch screen.
  controllerConfig: undefined,
  supportedSessionModes: ['inline', 'immersive-ar'],
  supportedFeatures: ['viewer', 'local', 'local-floor', 'unbounded', 'anchors', 'hit-test', 'plane-detection', 'mesh-detection'],
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

/** The camera: the synthetic room while an AR session renders it, a test card before. */
function cameraCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const context = canvas.getContext('2d')!;
  // The room is copied right after the emulator renders it: its canvas is blank once the frame is shown.
  const sem = device.sem!;
  const renderRoom = sem.render.bind(sem);
  sem.render = (now: number) => {
    renderRoom(now);
    const room = sem.environmentCanvas;
    if (canvas.width !== room.width || canvas.height !== room.height) {
      canvas.width = room.width;
      canvas.height = room.height;
    }
    context.drawImage(room, 0, 0);
  };
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

const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
navigator.mediaDevices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
  if (!constraints?.video) return original(constraints);
  const stream = cameraCanvas().captureStream(30);
  if (constraints.audio) for (const track of (await original({ audio: constraints.audio })).getAudioTracks()) stream.addTrack(track);
  return stream;
};
