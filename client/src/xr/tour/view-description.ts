// What a tour's view shows, for people who cannot see it: where the customer stands, what they face,
// which hotspots and ways on are in the picture, and what the agent points at. Pure (titles and
// directions only); the viewer puts it into words in the page's language and a live region.
import type { TourManifest, Vec3 } from '../../../../protocol/tour.ts';
import { NEAR_HOTSPOT_M } from './hotspot-visibility.ts';
import { lookFromTo, verticalFov, yawDelta, type Look } from './tour-directions.ts';
import { linksFrom, viewpointById } from './tour-view-state.ts';

/** A thing this close to the middle of the view (degrees either way) is what the customer faces. */
export const FACING_DEG = 15;
/** The agent points "at" a hotspot when the pointer is this close to it (metres). */
export const POINTING_NEAR_M = 0.6;

const RAD = Math.PI / 180;

export interface ViewDescription {
  /** The viewpoint's title. */
  place: string;
  /** The hotspot nearest the middle of the view, when one is near enough to it. */
  facing: string | null;
  /** Hotspots in the picture, nearest the middle first. */
  inView: string[];
  /** Viewpoints the arrows in the picture lead to, nearest the middle first. */
  ways: string[];
}

export interface SeenView extends Look {
  viewpoint: string;
  zoom: number;
}

/** The horizontal and vertical half-angles of a view of this aspect (width / height) and zoom. */
export function halfAngles(aspect: number, zoom: number): { across: number; up: number } {
  const up = verticalFov(aspect) / zoom / 2;
  const across = Math.atan(Math.tan(up * RAD) * Math.max(aspect, 0.1)) / RAD;
  return { across, up };
}

export function describeView(tour: TourManifest, view: SeenView, aspect: number): ViewDescription | null {
  const viewpoint = viewpointById(tour, view.viewpoint);
  if (!viewpoint) return null;
  const eye = viewpoint.position;
  const { across, up } = halfAngles(aspect, view.zoom);
  const offCentre = (look: Look) => ({ yaw: Math.abs(yawDelta(view.yaw, look.yaw)), pitch: Math.abs(look.pitch - view.pitch) });
  const spots = tour.hotspots
    .filter((h) => Math.hypot(h.position[0] - eye[0], h.position[1] - eye[1], h.position[2] - eye[2]) <= NEAR_HOTSPOT_M)
    .map((h) => ({ title: h.title, off: offCentre(lookFromTo(eye, h.position)) }))
    .filter((s) => s.off.yaw <= across && s.off.pitch <= up)
    .sort((a, b) => a.off.yaw - b.off.yaw);
  const ways = linksFrom(tour, viewpoint.id)
    .map((l) => ({ title: l.title, off: Math.abs(yawDelta(view.yaw, l.yaw)) }))
    .filter((w) => w.off <= across)
    .sort((a, b) => a.off - b.off);
  const first = spots[0];
  return {
    place: viewpoint.title,
    facing: first && first.off.yaw <= FACING_DEG && first.off.pitch <= Math.max(FACING_DEG, up) ? first.title : null,
    inView: spots.map((s) => s.title),
    ways: ways.map((w) => w.title),
  };
}

/** Which way a point lies from the customer's view: ahead, to the left or right, or behind. */
export type Bearing = 'ahead' | 'left' | 'right' | 'behind';

export function bearingOf(view: Look, eye: Vec3, point: Vec3): Bearing {
  // yaw grows turning left (90 looks along −X).
  const turn = yawDelta(view.yaw, lookFromTo(eye, point).yaw);
  if (Math.abs(turn) <= 45) return 'ahead';
  if (Math.abs(turn) >= 135) return 'behind';
  return turn > 0 ? 'left' : 'right';
}

/** What the agent's pointer marks: a hotspot's title when it is at one, else the way it lies from the view. */
export function pointedAt(tour: TourManifest, view: SeenView, target: Vec3): { hotspot: string } | { bearing: Bearing } {
  const near = tour.hotspots
    .map((h) => ({ title: h.title, distance: Math.hypot(h.position[0] - target[0], h.position[1] - target[1], h.position[2] - target[2]) }))
    .filter((h) => h.distance <= POINTING_NEAR_M)
    .sort((a, b) => a.distance - b.distance)[0];
  if (near) return { hotspot: near.title };
  const eye = viewpointById(tour, view.viewpoint)?.position ?? target;
  return { bearing: bearingOf(view, eye, target) };
}
