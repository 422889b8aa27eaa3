// Rectangles on the page: fitting an image into a box, and mapping the image's normalised
// coordinates (0..1 from its top left) to page points.
export interface Rect { x: number; y: number; width: number; height: number }

export const inset = (rect: Rect, by: number): Rect => ({ x: rect.x + by, y: rect.y + by, width: rect.width - 2 * by, height: rect.height - 2 * by });

/** The largest rect of the image's aspect centred in `box`; `scale` is page points per original pixel. */
export function fitRect(imageWidth: number, imageHeight: number, box: Rect): Rect & { scale: number } {
  const scale = Math.min(box.width / imageWidth, box.height / imageHeight);
  const width = imageWidth * scale;
  const height = imageHeight * scale;
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height, scale };
}

/** A normalised point of the picture placed at `rect`, in page points. */
export const onPage = (rect: Rect, point: { u: number; v: number }): [number, number] => [rect.x + point.u * rect.width, rect.y + point.v * rect.height];
