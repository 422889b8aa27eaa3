// Places DOM markers (hotspots, link arrows) over the canvas at the screen point of their 3D
// position, every rendered frame, without React renders: a registry of elements the scene projects.
// Markers that would overlap are thinned out: link arrows first, then the nearer hotspots; a name on
// show that would cover another marker or name is hidden while its marker stays (`placeMarkers`).
// A marker under the page's own controls over the view (toolbar, cards, panels) is left out: it
// could be neither seen whole nor tapped.
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

/** The boxes of the controls laid over the view, in the canvas' pixels (its top-left corner at 0, 0). */
export type CoverBoxes = () => readonly Box[];

export interface MarkerRegistry {
  set(id: string, element: HTMLElement | null, position: Point, options?: MarkerOptions): void;
  project(camera: Camera, width: number, height: number): void;
}

/** How far along its heading a marker's direction is sampled, metres. */
const HEADING_STEP_M = 0.3;
/** Room around a marker's disc beyond its box: the dot's ring and shadow. */
const RING_PX = 4;
/** Clear space kept between a name on show and any other marker or name. */
const LABEL_MARGIN_PX = 4;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A marker on screen, as `placeMarkers` sees it. */
export interface MarkerSpot {
  x: number;
  y: number;
  /** Normalised device depth: nearer is smaller. */
  depth: number;
  priority: number;
  /** The disc's radius, ring included. */
  radius: number;
  /** Its name's box relative to (x, y) while the name is on show; null when it is not. */
  label: Box | null;
}

export interface Placement {
  shown: boolean;
  /** The name would cover a marker or name placed before it: the marker shows without it. */
  labelHidden: boolean;
}

const offset = (b: Box, x: number, y: number): Box => ({ left: b.left + x, right: b.right + x, top: b.top + y, bottom: b.bottom + y });
const overlaps = (a: Box, b: Box, margin: number) => a.left < b.right + margin && b.left < a.right + margin && a.top < b.bottom + margin && b.top < a.bottom + margin;
const discBox = (s: MarkerSpot): Box => ({ left: s.x - s.radius, right: s.x + s.radius, top: s.y - s.radius, bottom: s.y + s.radius });

/**
 * Which markers show and which of their names, taking them by priority (lower first), then nearest
 * first: a marker is left out if its disc touches a cover (a control over the view), a disc or a
 * name already placed; a name on show is hidden if it would touch a cover, a disc or name already
 * placed, and its marker still shows.
 */
export function placeMarkers(spots: readonly MarkerSpot[], covers: readonly Box[] = []): Placement[] {
  const result: Placement[] = spots.map(() => ({ shown: false, labelHidden: false }));
  const discs: MarkerSpot[] = [];
  const labels: Box[] = [];
  const order = spots.map((_, i) => i).sort((a, b) => spots[a]!.priority - spots[b]!.priority || spots[a]!.depth - spots[b]!.depth);
  for (const i of order) {
    const spot = spots[i]!;
    const disc = discBox(spot);
    if (discs.some((d) => Math.hypot(d.x - spot.x, d.y - spot.y) < d.radius + spot.radius)) continue;
    if (labels.some((l) => overlaps(l, disc, 0)) || covers.some((c) => overlaps(c, disc, 0))) continue;
    discs.push(spot);
    result[i]!.shown = true;
    if (!spot.label) continue;
    const label = offset(spot.label, spot.x, spot.y);
    const clashes = covers.some((c) => overlaps(label, c, 0)) || discs.some((d) => d !== spot && overlaps(label, discBox(d), LABEL_MARGIN_PX)) || labels.some((l) => overlaps(label, l, LABEL_MARGIN_PX));
    if (clashes) result[i]!.labelHidden = true;
    else labels.push(label);
  }
  return result;
}

interface Marker {
  element: HTMLElement;
  position: Vector3;
  ahead: Vector3 | null;
  priority: number;
  labelAbove: boolean;
  /** The disc's radius and the label's box relative to the marker's point, measured once. */
  size: { radius: number; label: Box | null } | null;
  screen: { x: number; y: number; depth: number; inView: boolean };
}

/** The marker's disc and its label's box relative to its point, from the layout (once per marker). */
function measure(element: HTMLElement): { radius: number; label: Box | null } {
  const radius = Math.max(element.offsetWidth, element.offsetHeight) / 2 + RING_PX;
  const label = element.querySelector<HTMLElement>('.tour-marker-label');
  if (!label) return { radius, label: null };
  // The label is centred across its marker (CSS) and placed above or below it: offsetTop says which.
  const top = label.offsetTop - element.offsetHeight / 2;
  return { radius, label: { left: -label.offsetWidth / 2, right: label.offsetWidth / 2, top, bottom: top + label.offsetHeight } };
}

/** A link's name is always on show; a hotspot's while its card is open. */
function labelOnShow(marker: Marker): boolean {
  return marker.labelAbove || marker.element.classList.contains('is-active');
}

export function createMarkerRegistry(covers: CoverBoxes = () => []): MarkerRegistry {
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
      const size = markers.get(id)?.element === element ? (markers.get(id)?.size ?? null) : null;
      markers.set(id, { element, position: at, ahead, priority: options.priority ?? 0, labelAbove, size, screen: { x: 0, y: 0, depth: 0, inView: false } });
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
      const inView = [...markers.values()].filter((m) => m.screen.inView);
      const placements = placeMarkers(
        inView.map((m) => {
          m.size ??= measure(m.element);
          return { ...m.screen, priority: m.priority, radius: m.size.radius, label: labelOnShow(m) ? m.size.label : null };
        }),
        inView.length > 0 ? covers() : [],
      );
      const placed = new Map(inView.map((m, i) => [m, placements[i]!]));
      for (const marker of markers.values()) {
        const placement = placed.get(marker);
        marker.element.style.visibility = placement?.shown ? 'visible' : 'hidden';
        marker.element.classList.toggle('is-label-hidden', placement?.labelHidden ?? false);
      }
    },
  };
}
