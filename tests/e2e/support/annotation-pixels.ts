// How much of the console's received picture is annotation orange (#ff5a1f as encoded and decoded),
// and where: proof that a mark is in the stream itself, not only drawn by the console. Runs in the
// console page (page.evaluate), so it is self-contained.

/** Where the annotation-orange pixels of the console's live video are, on average (u right, v down, 0..1); null when none are. */
export function annotationCentre(): { u: number; v: number; pixels: number } | null {
  const video = document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]');
  if (!video || video.videoWidth === 0) return null;
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(video, 0, 0);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let count = 0;
  let u = 0;
  let v = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (!(data[i]! > 200 && data[i + 1]! > 50 && data[i + 1]! < 140 && data[i + 2]! < 90)) continue;
    count++;
    u += ((i / 4) % canvas.width) / canvas.width;
    v += Math.floor(i / 4 / canvas.width) / canvas.height;
  }
  return count === 0 ? null : { u: u / count, v: v / count, pixels: count };
}
