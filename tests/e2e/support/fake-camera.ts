// A camera the test controls, as an init script: getUserMedia answers a video request with a canvas
// stream of a sharp, high-contrast test card (plus a silent audio track when audio was asked), drawn
// heavily blurred while `window.fakeCamera.blur` is true. Like a phone camera, it also takes stills
// larger than its video (ImageCapture.takePhoto at 2560x1440): Chromium's fake capture device would
// otherwise answer takePhoto with its own green test image, whatever the canvas shows.
// Calibrated against the server's quality check (Laplacian variance 100 at 512 px): the card scores
// in the thousands, the blurred card below 20, both as a still and as a video frame.
import type { Page } from 'playwright-core';

/** The handle the test flips: `window.fakeCamera.blur = true` (see setCameraBlur). */
export interface FakeCameraControl {
  blur: boolean;
}

declare global {
  interface Window {
    fakeCamera?: FakeCameraControl;
  }
}

/** Shows the camera's card sharp or heavily blurred from the next frame (and the next still) on. */
export async function setCameraBlur(page: Page, blur: boolean): Promise<void> {
  await page.evaluate((on) => {
    if (!window.fakeCamera) throw new Error('the fake camera is not installed in this page');
    window.fakeCamera.blur = on;
  }, blur);
}

/** Runs in the page before its own scripts (journey `initScripts`); must not close over anything. */
export function installFakeCamera(): void {
  const control: FakeCameraControl = { blur: false };
  window.fakeCamera = control;
  const devices = navigator.mediaDevices as MediaDevices | undefined;
  if (!devices) return;
  const original = devices.getUserMedia.bind(devices);
  const video = { width: 1280, height: 720 };
  const still = { width: 2560, height: 1440 };
  /** The tracks this camera made: their photos are drawn here, not by the fake capture device. */
  const ours = new WeakSet<MediaStreamTrack>();
  let stillCards: (() => HTMLCanvasElement) | null = null;

  const canvasOf = (size: { width: number; height: number }): [HTMLCanvasElement, CanvasRenderingContext2D] => {
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new DOMException('no 2d canvas', 'NotReadableError');
    return [canvas, context];
  };

  /** The sharp card at a size, drawn once: checkerboard, lines of print and fine stripes. */
  const cardOf = (size: { width: number; height: number }): HTMLCanvasElement => {
    const [card, context] = canvasOf(size);
    context.scale(size.width / video.width, size.height / video.height);
    // Mid-grey paper and tones kept off pure black and white, so the exposure check stays happy.
    context.fillStyle = '#c8ccd0';
    context.fillRect(0, 0, video.width, video.height);
    const square = 40;
    for (let y = 0; y < 240; y += square) {
      for (let x = 0; x < video.width; x += square) {
        context.fillStyle = (x / square + y / square) % 2 === 0 ? '#2a2e33' : '#e4e6e8';
        context.fillRect(x, y + 40, square, square);
      }
    }
    context.fillStyle = '#23272b';
    context.font = 'bold 30px sans-serif';
    const words = 'SIGHTLINE TEST CARD 0123456789 FOCUS CHECK ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (let line = 0; line < 8; line++) context.fillText(`${line + 1}  ${words}`.slice(line % 3), 30, 330 + line * 44);
    for (let x = 0; x < video.width; x += 6) context.fillRect(x, video.height - 60, 3, 40);
    return card;
  };

  /** The card blurred, made once per size: a canvas blur filter per frame would stall the page. */
  const blurredOf = (card: HTMLCanvasElement): HTMLCanvasElement => {
    const [blurred, context] = canvasOf(card);
    context.fillStyle = '#c8ccd0';
    context.fillRect(0, 0, card.width, card.height);
    context.filter = `blur(${Math.round((12 * card.width) / video.width)}px)`;
    context.drawImage(card, 0, 0);
    return blurred;
  };

  /** The sharp and the blurred card at a size; the blurred one is made the first time it is shown. */
  const cardsOf = (size: { width: number; height: number }): (() => HTMLCanvasElement) => {
    const sharp = cardOf(size);
    let blurred: HTMLCanvasElement | null = null;
    return () => (control.blur ? (blurred ??= blurredOf(sharp)) : sharp);
  };

  devices.getUserMedia = async (constraints?: MediaStreamConstraints): Promise<MediaStream> => {
    if (!constraints?.video) return original(constraints);
    const [canvas, context] = canvasOf(video);
    const card = cardsOf(video);
    const paint = (): void => context.drawImage(card(), 0, 0);
    paint();
    // A timer, not requestAnimationFrame: the stream keeps its frames while the page is hidden.
    const timer = setInterval(paint, 33);
    const stream = canvas.captureStream(30);
    for (const track of stream.getVideoTracks()) {
      ours.add(track);
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
  const { takePhoto, getPhotoCapabilities } = ImageCapture.prototype;
  ImageCapture.prototype.takePhoto = function (this: ImageCapture, settings?: PhotoSettings): Promise<Blob> {
    if (!ours.has(this.track)) return takePhoto.call(this, settings);
    stillCards ??= cardsOf(still);
    const canvas = stillCards();
    return new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new DOMException('could not encode the still', 'UnknownError'))), 'image/jpeg', 0.92),
    );
  };
  ImageCapture.prototype.getPhotoCapabilities = function (this: ImageCapture): Promise<PhotoCapabilities> {
    if (!ours.has(this.track)) return getPhotoCapabilities.call(this);
    const range = (max: number): MediaSettingsRange => ({ min: max, max, step: 1 });
    return Promise.resolve({ imageWidth: range(still.width), imageHeight: range(still.height), fillLightMode: [], redEyeReduction: 'never' });
  };
}
