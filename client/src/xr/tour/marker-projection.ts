// Places DOM markers (hotspots, link arrows) over the canvas at the screen point of their 3D
// position, every rendered frame, without React renders: a registry of elements the scene projects.
import { Vector3, type Camera } from 'three';

export interface MarkerRegistry {
  set(id: string, element: HTMLElement | null, position: readonly [number, number, number]): void;
  project(camera: Camera, width: number, height: number): void;
}

export function createMarkerRegistry(): MarkerRegistry {
  const markers = new Map<string, { element: HTMLElement; position: Vector3 }>();
  const point = new Vector3();
  return {
    set(id, element, position) {
      if (element) markers.set(id, { element, position: new Vector3(...position) });
      else markers.delete(id);
    },
    project(camera, width, height) {
      for (const { element, position } of markers.values()) {
        point.copy(position).project(camera);
        // Behind the viewer (z > 1) or far off screen: hidden, and out of the tab order.
        const shown = point.z < 1 && Math.abs(point.x) < 1.2 && Math.abs(point.y) < 1.2;
        element.style.transform = `translate(${((point.x + 1) / 2) * width}px, ${((1 - point.y) / 2) * height}px)`;
        element.style.visibility = shown ? 'visible' : 'hidden';
      }
    },
  };
}
