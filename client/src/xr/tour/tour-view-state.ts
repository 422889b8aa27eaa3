// What a tour view shows: the viewpoint, the direction looked in and the chosen mode. A plain value
// changed by a pure reducer, so the customer's page, the agent's console and a headset can all drive
// the same renderer from the same state.
import type { Seat, TourManifest, Viewpoint } from '../../../../protocol/tour.ts';
import { clampPitch, lookFromTo, normaliseYaw } from './tour-directions.ts';
import type { TourMode } from './tour-mode.ts';

export interface TourView {
  viewpoint: string;
  yaw: number;
  pitch: number;
  /** 1 shows the whole field of view; 2 halves it. */
  zoom: number;
  mode: TourMode;
}

export const MAX_ZOOM = 3;

export type TourViewAction =
  | { type: 'look'; yaw: number; pitch: number }
  | { type: 'turn'; yaw: number; pitch: number }
  /** Move to a viewpoint, facing its arrival direction unless a yaw (and pitch) is given. */
  | { type: 'go'; viewpoint: string; yaw?: number; pitch?: number }
  /** Zoom in (factor above 1) or out, within 1…MAX_ZOOM. */
  | { type: 'zoom'; factor: number }
  | { type: 'mode'; mode: TourMode };

/** Where a tour opens: a deep link's viewpoint and yaw where it names one that exists, else the start. */
export function initialView(tour: TourManifest, mode: TourMode, link: { node?: string; yaw?: number } = {}): TourView {
  const linked = link.node === undefined ? undefined : viewpointById(tour, link.node);
  const viewpoint = linked ?? viewpointById(tour, tour.start) ?? tour.viewpoints[0]!;
  return {
    viewpoint: viewpoint.id,
    yaw: normaliseYaw(linked && link.yaw !== undefined ? link.yaw : viewpoint.yaw),
    pitch: clampPitch(viewpoint.pitch),
    zoom: 1,
    mode,
  };
}

export function reduceView(tour: TourManifest, view: TourView, action: TourViewAction): TourView {
  switch (action.type) {
    case 'look':
      return looking(view, normaliseYaw(action.yaw), clampPitch(action.pitch));
    case 'turn':
      return looking(view, normaliseYaw(view.yaw + action.yaw), clampPitch(view.pitch + action.pitch));
    case 'go': {
      const target = viewpointById(tour, action.viewpoint);
      if (!target) return view;
      return {
        ...view,
        viewpoint: target.id,
        yaw: normaliseYaw(action.yaw ?? target.yaw),
        pitch: clampPitch(action.pitch ?? (action.yaw === undefined ? target.pitch : 0)),
        zoom: 1,
      };
    }
    case 'zoom':
      return { ...view, zoom: Math.max(1, Math.min(MAX_ZOOM, view.zoom * action.factor)) };
    case 'mode':
      return { ...view, mode: action.mode };
  }
}

/** The view looking this way; the same view when it already does, so nothing re-renders for it (a followed agent's repeated pose). */
function looking(view: TourView, yaw: number, pitch: number): TourView {
  return yaw === view.yaw && pitch === view.pitch ? view : { ...view, yaw, pitch };
}

export function viewpointById(tour: TourManifest, id: string): Viewpoint | undefined {
  return tour.viewpoints.find((v) => v.id === id);
}

export interface LinkArrow {
  to: string;
  title: string;
  /** Where the arrow sits, seen from the viewpoint it leaves. */
  yaw: number;
}

/** The moves a customer can make from a viewpoint, each with the direction its arrow sits in. */
export function linksFrom(tour: TourManifest, viewpointId: string): LinkArrow[] {
  const from = viewpointById(tour, viewpointId);
  if (!from) return [];
  return tour.links
    .filter((l) => l.from === viewpointId)
    .flatMap((l) => {
      const to = viewpointById(tour, l.to);
      if (!to) return [];
      return [{ to: to.id, title: to.title, yaw: normaliseYaw(l.yaw ?? lookFromTo(from.position, to.position).yaw) }];
    });
}

/** The seat a viewpoint is the view from, if any. */
export function seatAt(tour: TourManifest, viewpointId: string): Seat | undefined {
  const named = viewpointById(tour, viewpointId)?.seat;
  return tour.plan?.seats.find((s) => (named === undefined ? s.viewpoint === viewpointId : s.id === named));
}
