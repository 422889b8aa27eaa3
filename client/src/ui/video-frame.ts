// A playing <video>'s current frame at its intrinsic size, as a JPEG blob: the console's "Capture
// frame" and the customer's fallback when the camera cannot take a photo.
/** Encodes a playing video element's current frame at its intrinsic size. */
export function videoToJpeg(video: HTMLVideoElement, quality = 0.92): Promise<Blob> {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) return Promise.reject(new Error('The video has no frame yet.'));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return Promise.reject(new Error('This browser cannot draw video frames.'));
  context.drawImage(video, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Could not encode the photo.'))), 'image/jpeg', quality),
  );
}
