// What a picture shows, coarsely, for comparing the assessor's received video with the room the
// emulated phone's cameras see: a grid of mean colours, and how much of it is the getUserMedia
// camera's mark colour (magenta, CAMERA_STREAM_MARK) or near black. Runs in a page.

export interface PictureSummary {
  /** Mean [r, g, b] of each cell, row by row (COLUMNS × ROWS cells over the whole picture). */
  cells: [number, number, number][];
  /** Fraction of pixels in the mark colour. */
  mark: number;
  /** Fraction of near-black pixels (the compositor's empty fill, or nothing rendered). */
  dark: number;
}

/**
 * Summarises the console's live video (`received`) or, in the customer's page, the next frame of the
 * emulated room (`room`). Null while there is no picture yet.
 */
export async function pictureSummary(which: 'received' | 'room'): Promise<PictureSummary | null> {
  const COLUMNS = 4;
  const ROWS = 8;
  const CELL = 8;
  const source = which === 'room' ? await window.__xrRoomPicture() : document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]');
  if (!source || (source instanceof HTMLVideoElement && source.videoWidth === 0)) return null;
  const canvas = document.createElement('canvas');
  canvas.width = COLUMNS * CELL;
  canvas.height = ROWS * CELL;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  const cells: [number, number, number][] = Array.from({ length: COLUMNS * ROWS }, () => [0, 0, 0]);
  let mark = 0;
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (r > 200 && g < 80 && b > 200) mark++;
    if (r + g + b < 60) dark++;
    const x = (i / 4) % canvas.width;
    const y = Math.floor(i / 4 / canvas.width);
    const cell = cells[Math.floor(y / CELL) * COLUMNS + Math.floor(x / CELL)]!;
    cell[0] += r / (CELL * CELL);
    cell[1] += g / (CELL * CELL);
    cell[2] += b / (CELL * CELL);
  }
  const pixels = canvas.width * canvas.height;
  return { cells, mark: mark / pixels, dark: dark / pixels };
}

/** Mean difference of two summaries' cell colours, per channel (0–255). */
export function cellDifference(a: PictureSummary, b: PictureSummary): number {
  let sum = 0;
  a.cells.forEach((cell, i) => cell.forEach((value, channel) => (sum += Math.abs(value - b.cells[i]![channel]!))));
  return sum / (a.cells.length * 3);
}
