// Places DOM markers (hotspots, link arrows) over the canvas at the screen point of their 3D
// position, every rendered frame, without React renders: a registry of elements the scene projects.
import { Vector3, type Camera } from 'three';

type Point = readonly [number, number, number];

export interface MarkerRegistry {
  /** `heading`: a point the marker points towards (a link arrow's way); its screen angle goes to the CSS variable --heading. */
  set(id: string, element: HTMLElement | null, position: Point, heading?: Point): void;
  project(camera: Camera, width: number, height: number): void;
}

/** How far along its heading a marker's direction is sampled, metres. */
const HEADING_STEP_M = 0.3;

export function createMarkerRegistry(): MarkerRegistry {
  const markers = new Map<string, { element: HTMLElement; position: Vector3; ahead: Vector3 | null }>();
  const point = new Vector3();
  const further = new Vector3();
  return {
    set(id, element, position, heading) {
      if (!element) {
        markers.delete(id);
        return;
      }
      const at = new Vector3(...position);
      const ahead = heading ? new Vector3(...heading).sub(at).setY(0).normalize().multiplyScalar(HEADING_STEP_M).add(at) : null;
      markers.set(id, { element, position: at, ahead });
    },
    project(camera, width, height) {
      for (const { element, position, ahead } of markers.values()) {
        point.copy(position).project(camera);
        // Behind the viewer (z > 1) or far off screen: hidden, and out of the tab order.
        const shown = point.z < 1 && Math.abs(point.x) < 1.2 && Math.abs(point.y) < 1.2;
        element.style.transform = `translate(${((point.x + 1) / 2) * width}px, ${((1 - point.y) / 2) * height}px)`;
        element.style.visibility = shown ? 'visible' : 'hidden';
        if (ahead && shown) {
          further.copy(ahead).project(camera);
          // Screen angle clockwise from straight up (y runs up in normalised device coordinates).
          const angle = Math.atan2((further.x - point.x) * width, (further.y - point.y) * height);
          element.style.setProperty('--heading', `${angle.toFixed(3)}rad`);
        }
      }
    },
  };
}
