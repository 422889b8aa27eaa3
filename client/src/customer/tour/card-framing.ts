// Where to look when a hotspot's card opens: at the hotspot, but with it clear of the card — above
// a phone's bottom sheet, left of a wide screen's side card — as tour viewers turn to a tag.
import type { Vec3 } from '../../../../protocol/tour.ts';
import { clampPitch, lookFromTo, normaliseYaw, verticalFov, type Look } from '../../xr/tour/tour-directions.ts';

const RAD = Math.PI / 180;

/** `layout`: where the card covers the view. */
export function frameHotspot(eye: Vec3, point: Vec3, layout: 'bottom-sheet' | 'side-card', aspect: number, zoom = 1): Look {
  const look = lookFromTo(eye, point);
  const vertical = verticalFov(aspect) / zoom;
  if (layout === 'bottom-sheet') {
    // The sheet covers about the lower half: the hotspot goes to the middle of the upper half.
    return { yaw: look.yaw, pitch: clampPitch(look.pitch - vertical * 0.25) };
  }
  const horizontal = (2 * Math.atan(Math.tan((vertical / 2) * RAD) * aspect)) / RAD;
  // Turning right (yaw down) moves the hotspot left, away from the card on the right.
  return { yaw: normaliseYaw(look.yaw - horizontal * 0.18), pitch: clampPitch(look.pitch) };
}
