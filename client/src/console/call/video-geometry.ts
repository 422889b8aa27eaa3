// Where the picture of a <video> drawn with `object-fit: contain` really is inside its element, so a
// click maps to the point of the streamed picture the customer's device hit-tests at, and back.
import type { ScreenPoint } from '../../../../protocol/spatial.ts';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The displayed content of a videoWidth×videoHeight picture letterboxed into `box`; null before the first frame. */
export function containedBox(box: Box, videoWidth: number, videoHeight: number): Box | null {
  if (box.width <= 0 || box.height <= 0 || videoWidth <= 0 || videoHeight <= 0) return null;
  const scale = Math.min(box.width / videoWidth, box.height / videoHeight);
  const width = videoWidth * scale;
  const height = videoHeight * scale;
  return { left: box.left + (box.width - width) / 2, top: box.top + (box.height - height) / 2, width, height };
}

/** The point of the picture under a click (client coordinates); null on the letterbox bars. */
export function clickToScreenPoint(click: { x: number; y: number }, element: Box, videoWidth: number, videoHeight: number): ScreenPoint | null {
  const content = containedBox(element, videoWidth, videoHeight);
  if (!content) return null;
  const u = (click.x - content.left) / content.width;
  const v = (click.y - content.top) / content.height;
  if (u < 0 || u > 1 || v < 0 || v > 1) return null;
  return { u, v };
}

/** Where a point of the picture is, in the same coordinates as `element` (for clicking it in a test). */
export function screenPointToClient(point: ScreenPoint, element: Box, videoWidth: number, videoHeight: number): { x: number; y: number } | null {
  const content = containedBox(element, videoWidth, videoHeight);
  if (!content) return null;
  return { x: content.left + point.u * content.width, y: content.top + point.v * content.height };
}
