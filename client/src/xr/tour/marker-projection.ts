// Places DOM markers (hotspots, link arrows) over the canvas at the screen point of their 3D
// position, every rendered frame, without React renders: a registry of elements the scene projects.
// Markers that would overlap are thinned out: link arrows first, then the nearer hotspots.
import { Vector3, type Camera } from 'three';

type Point = readonly [number, number, number];

export interface MarkerOptions {
  /** A point the marker points towards (a link arrow's way); its screen angle goes to the CSS variable --heading. */
  heading?: Point;
  /** Lower goes first when markers overlap. @default 0 */
  priority?: number;
  /** The marker's name is always shown above it (`.tour-marker-label`): it keeps later markers off it too. */
  labelAbove?: boolean;
}

export interface MarkerRegistry {
  set(id: string, element: HTMLElement | null, position: Point, options?: MarkerOptions): void;
  project(camera: Camera, width: number, height: number): void;
}

/** How far along its heading a marker's direction is sampled, metres. */
const HEADING_STEP_M = 0.3;
/** Markers whose centres come closer than this on screen are thinned out. */
const MIN_GAP_PX = 44;

interface Marker {
  element: HTMLElement;
  position: Vector3;
  ahead: Vector3 | null;
  priority: number;
  labelAbove: boolean;
  /** The label's box relative to the marker's point, measured once. */
  label: Box | null;
  screen: { x: number; y: number; depth: number; inView: boolean };
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The label's box relative to the marker's point (read from the layout: done once per marker). */
function measureLabel(element: HTMLElement): Box | null {
  const label = element.querySelector<HTMLElement>('.tour-marker-label');
  if (!label) return null;
  const half = element.offsetHeight / 2;
  return { left: -label.offsetWidth / 2, right: label.offsetWidth / 2, top: -half - 6 - label.offsetHeight, bottom: -half - 6 };
}

function nearBox(x: number, y: number, box: Box, margin: number): boolean {
  return x > box.left - margin && x < box.right + margin && y > box.top - margin && y < box.bottom + margin;
}

export function createMarkerRegistry(): MarkerRegistry {
  const markers = new Map<string, Marker>();
  const point = new Vector3();
  const further = new Vector3();
  return {
    set(id, element, position, options = {}) {
      if (!element) {
        markers.delete(id);
        return;
      }
      const at = new Vector3(...position);
      const ahead = options.heading ? new Vector3(...options.heading).sub(at).setY(0).normalize().multiplyScalar(HEADING_STEP_M).add(at) : null;
      const labelAbove = options.labelAbove ?? false;
      const label = markers.get(id)?.element === element ? (markers.get(id)?.label ?? null) : null;
      markers.set(id, { element, position: at, ahead, priority: options.priority ?? 0, labelAbove, label, screen: { x: 0, y: 0, depth: 0, inView: false } });
    },
    project(camera, width, height) {
      for (const marker of markers.values()) {
        point.copy(marker.position).project(camera);
        // Behind the viewer (z > 1) or far off screen: hidden, and out of the tab order.
        const inView = point.z < 1 && Math.abs(point.x) < 1.2 && Math.abs(point.y) < 1.2;
        marker.screen = { x: ((point.x + 1) / 2) * width, y: ((1 - point.y) / 2) * height, depth: point.z, inView };
        marker.element.style.transform = `translate(${marker.screen.x}px, ${marker.screen.y}px)`;
        if (marker.ahead && inView) {
          further.copy(marker.ahead).project(camera);
          // Screen angle clockwise from straight up (y runs up in normalised device coordinates).
          const angle = Math.atan2((further.x - point.x) * width, (further.y - point.y) * height);
          marker.element.style.setProperty('--heading', `${angle.toFixed(3)}rad`);
        }
      }
      const placed: Marker[] = [];
      const order = [...markers.values()].filter((m) => m.screen.inView).sort((a, b) => a.priority - b.priority || a.screen.depth - b.screen.depth);
      for (const marker of markers.values()) marker.element.style.visibility = 'hidden';
      for (const marker of order) {
        const { x, y } = marker.screen;
        const crowded = placed.some((p) => {
          if (Math.hypot(p.screen.x - x, p.screen.y - y) < MIN_GAP_PX) return true;
          // Off a shown name too (relative to that marker's point).
          return p.label !== null && nearBox(x - p.screen.x, y - p.screen.y, p.label, MIN_GAP_PX / 2);
        });
        if (crowded) continue;
        if (marker.labelAbove && marker.label === null) marker.label = measureLabel(marker.element);
        placed.push(marker);
        marker.element.style.visibility = 'visible';
      }
    },
  };
}
