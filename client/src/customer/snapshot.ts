// A full-resolution still from the customer's camera: ImageCapture.takePhoto() where it exists and
// works, else the camera's current frame at its full size drawn to a canvas and encoded as JPEG.
import { videoToJpeg } from '../ui/video-frame.ts';

export async function takeStill(track: MediaStreamTrack): Promise<Blob> {
  if (typeof ImageCapture === 'function') {
    try {
      const photo = await withTimeout(takePhoto(new ImageCapture(track)), 8000);
      if (photo.size > 0) return photo;
    } catch (error) {
      console.warn('takePhoto failed; using a video frame instead', error);
    }
  }
  return grabFrame(track);
}

/** Asks the camera for its largest photo size (phones often shoot stills larger than the video). */
async function takePhoto(capture: ImageCapture): Promise<Blob> {
  const capabilities = await capture.getPhotoCapabilities().catch(() => null);
  const width = capabilities?.imageWidth?.max;
  const height = capabilities?.imageHeight?.max;
  return capture.takePhoto(width && height ? { imageWidth: width, imageHeight: height } : undefined);
}

/** Draws the track's current frame at its intrinsic size and encodes it as JPEG. */
export async function grabFrame(track: MediaStreamTrack): Promise<Blob> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  try {
    await video.play();
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    return await videoToJpeg(video);
  } finally {
    video.pause();
    video.srcObject = null;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
