// How much of the console's received picture is annotation orange (#ff5a1f as encoded and decoded):
// proof that a mark is in the stream itself, not only drawn by the console. Runs in the console page.

/** Counts the annotation-orange pixels of the current frame of the console's live video. */
export function annotationPixels(): number {
  const video = document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]');
  if (!video || video.videoWidth === 0) return 0;
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(video, 0, 0);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! > 200 && data[i + 1]! > 50 && data[i + 1]! < 140 && data[i + 2]! < 90) count++;
  return count;
}
