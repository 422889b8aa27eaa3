// The customer's side of a guided tour as the console reads it from their pose messages: the view
// to render (the console draws the same scene itself) and a short line saying where they are, where
// they look and how they see the tour.
import type { TourManifest } from '../../../../protocol/tour.ts';
import { i18next } from '../../i18n/i18n.ts';
import { clampPitch, normaliseYaw, yawDelta } from '../../xr/tour/tour-directions.ts';
import { hasThreeD, type TourMode } from '../../xr/tour/tour-mode.ts';
import type { TourPoseMessage } from '../../xr/tour/tour-sync.ts';
import { initialView, seatAt, viewpointById, type TourView } from '../../xr/tour/tour-view-state.ts';

/** A headset shows the 3D scene where the tour has one, so the console does too. */
export function modeOfPose(tour: TourManifest, shown: TourPoseMessage['view']): TourMode {
  if (shown === 'vr') return hasThreeD(tour) ? '3d' : 'panorama';
  return shown;
}

/**
 * What the console renders for the customer's pose; the tour's start, in 3D where it can, before any
 * pose arrived. At the customer's zoom: the console's own screen shape sets its field of view, and the
 * zoom narrows it as much as the customer's, so the agent sees what the customer has zoomed in on.
 */
export function viewOfPose(tour: TourManifest, pose: TourPoseMessage | null): TourView {
  if (!pose || !viewpointById(tour, pose.viewpoint)) return initialView(tour, hasThreeD(tour) ? '3d' : 'panorama');
  return { viewpoint: pose.viewpoint, yaw: normaliseYaw(pose.yaw), pitch: clampPitch(pose.pitch), zoom: pose.zoom ?? 1, mode: modeOfPose(tour, pose.view) };
}

/** Beyond this (degrees from the viewpoint's own "ahead") a customer is looking to one side. */
const SIDEWAYS = 35;
const BEHIND = 135;
const UP_DOWN = 30;

/** Where the customer looks, in words, relative to the way the viewpoint faces (a seat: forward). */
export function lookWords(tour: TourManifest, pose: Pick<TourPoseMessage, 'viewpoint' | 'yaw' | 'pitch'>): string {
  return i18next.t(`guide:look.${lookDirection(tour, pose)}`);
}

function lookDirection(tour: TourManifest, pose: Pick<TourPoseMessage, 'viewpoint' | 'yaw' | 'pitch'>): 'down' | 'up' | 'behind' | 'left' | 'right' | 'ahead' {
  if (pose.pitch <= -UP_DOWN) return 'down';
  if (pose.pitch >= UP_DOWN) return 'up';
  const ahead = viewpointById(tour, pose.viewpoint)?.yaw ?? 0;
  // Yaw grows counter-clockwise seen from above: a positive turn is to the left.
  const turn = yawDelta(ahead, pose.yaw);
  if (Math.abs(turn) >= BEHIND) return 'behind';
  if (turn >= SIDEWAYS) return 'left';
  if (turn <= -SIDEWAYS) return 'right';
  return 'ahead';
}

const VIEW_KEYS: Record<TourPoseMessage['view'], string> = { '3d': 'guide:view.threeD', panorama: 'guide:view.panorama', vr: 'guide:view.headset' };

/** Where the customer is: the seat they sit in ("Window seat 23A"), else the viewpoint's title. */
export function placeWords(tour: TourManifest, viewpointId: string): string {
  const seat = seatAt(tour, viewpointId);
  if (seat) return i18next.t(seat.window ? 'guide:seat.window' : seat.aisle ? 'guide:seat.aisle' : 'guide:seat.other', { seat: seat.id });
  return viewpointById(tour, viewpointId)?.title ?? viewpointId;
}

/** "Window seat 23A · looking left · 3D". */
export function describeCustomer(tour: TourManifest, pose: TourPoseMessage): string {
  return i18next.t('guide:customerLine', { place: placeWords(tour, pose.viewpoint), look: lookWords(tour, pose), view: i18next.t(VIEW_KEYS[pose.view]) });
}
