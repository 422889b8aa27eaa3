// A camera that films a picture the test chooses (an ID card's front or back, a face), as an init script:
// getUserMedia answers a video request with a canvas stream of `window.imageCamera.picture` letterboxed on a
// dark table, and ImageCapture.takePhoto returns that frame as a JPEG (Chromium's fake capture device would
// answer with its own test image). Until a picture is set, the frame is the table.
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    imageCamera?: { picture: HTMLImageElement | null };
  }
}

/** Shows `jpeg` to the camera from the next frame on; resolves once the picture is decoded. */
export async function showToCamera(page: Page, jpeg: Buffer): Promise<void> {
  await page.evaluate(async (dataUrl) => {
    if (!window.imageCamera) throw new Error('the image camera is not installed in this page');
    const picture = new Image();
    picture.src = dataUrl;
    await picture.decode();
    window.imageCamera.picture = picture;
  }, `data:image/jpeg;base64,${jpeg.toString('base64')}`);
}

/** Runs in the page before its own scripts (journey `initScripts`); must not close over anything. */
export function installImageCamera(): void {
  const control: { picture: HTMLImageElement | null } = { picture: null };
  window.imageCamera = control;
  const devices = navigator.mediaDevices as MediaDevices | undefined;
  if (!devices) return;
  const original = devices.getUserMedia.bind(devices);
  const size = { width: 1280, height: 720 };
  const ours = new WeakMap<MediaStreamTrack, HTMLCanvasElement>();

  devices.getUserMedia = async (constraints?: MediaStreamConstraints): Promise<MediaStream> => {
    if (!constraints?.video) return original(constraints);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d')!;
    const paint = (): void => {
      context.fillStyle = '#4a3f35';
      context.fillRect(0, 0, size.width, size.height);
      const picture = control.picture;
      if (!picture) return;
      const scale = Math.min((size.width * 0.94) / picture.naturalWidth, (size.height * 0.94) / picture.naturalHeight);
      const w = picture.naturalWidth * scale;
      const h = picture.naturalHeight * scale;
      context.drawImage(picture, (size.width - w) / 2, (size.height - h) / 2, w, h);
    };
    paint();
    const timer = setInterval(paint, 33);
    const stream = canvas.captureStream(30);
    for (const track of stream.getVideoTracks()) {
      ours.set(track, canvas);
      const stop = track.stop.bind(track);
      track.stop = () => {
        clearInterval(timer);
        stop();
      };
    }
    if (constraints.audio) {
      const silence = new AudioContext().createMediaStreamDestination();
      for (const track of silence.stream.getAudioTracks()) stream.addTrack(track);
    }
    return stream;
  };

  if (typeof ImageCapture !== 'function') return;
  const { takePhoto } = ImageCapture.prototype;
  ImageCapture.prototype.takePhoto = function (this: ImageCapture, settings?: PhotoSettings): Promise<Blob> {
    const canvas = ours.get(this.track);
    if (!canvas) return takePhoto.call(this, settings);
    return new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new DOMException('could not encode the still', 'UnknownError'))), 'image/jpeg', 0.92),
    );
  };
}
