// Scene-state sync of a guided tour: the customer's pose (and, while the agent leads, the agent's)
// goes over the call's data channel instead of video, and the other side renders the same tour from
// it. A gate decides which poses are worth sending: a change of place, view or card at once; turning
// at most ten times a second and only by a visible step (the other side eases its camera towards
// each pose, so ten a second looks smooth, and the sync stays under a hundredth of a video call's
// bitrate); the same pose again every two seconds, so a side that joined late, or missed a message,
// catches up.
import type { PeerMessage } from '../../../../protocol/messages.ts';
import type { Vec3 } from '../../../../protocol/tour.ts';
import { normaliseYaw, yawDelta } from './tour-directions.ts';
import type { TourMode } from './tour-mode.ts';
import type { TourView } from './tour-view-state.ts';

export type TourPoseMessage = Extract<PeerMessage, { type: 'tour-pose' }>;
export type AgentPoseMessage = Extract<PeerMessage, { type: 'tour-agent-pose' }>;
export type TourLeader = Extract<PeerMessage, { type: 'tour-lead' }>['leader'];
export type TourOfferMessage = Extract<PeerMessage, { type: 'tour-offer' }>;
/** Every message of a guided tour, in either direction. */
export type TourSyncMessage = Extract<PeerMessage, { type: `tour-${string}` }>;

export function isTourSyncMessage(message: PeerMessage): message is TourSyncMessage {
  return message.type.startsWith('tour-');
}

/** At most this often while turning: 10 a second. */
export const POSE_MIN_INTERVAL_MS = 100;
/** An unchanged pose is sent again this often. */
export const POSE_HEARTBEAT_MS = 2000;
/** Turns smaller than this (degrees of yaw, pitch or field of view) are not worth a message. */
export const POSE_ANGLE_STEP = 0.5;

interface Pose {
  viewpoint: string;
  yaw: number;
  pitch: number;
  fov?: number;
}

/** Decides which of a stream of poses go over the channel; call `offer` as often as you like (each frame, or on a timer so the last pose of a turn is not held back). */
export class PoseGate<P extends Pose> {
  private last: P | null = null;
  private lastAt = Number.NEGATIVE_INFINITY;

  /** Whether this pose should be sent now; if so it becomes the one the other side has. */
  offer(pose: P, now: number): boolean {
    const last = this.last;
    const due = (() => {
      if (!last) return true;
      if (discreteKey(pose) !== discreteKey(last)) return true;
      if (now - this.lastAt >= POSE_HEARTBEAT_MS) return true;
      if (now - this.lastAt < POSE_MIN_INTERVAL_MS) return false;
      const turned =
        Math.abs(yawDelta(last.yaw, pose.yaw)) >= POSE_ANGLE_STEP ||
        Math.abs(last.pitch - pose.pitch) >= POSE_ANGLE_STEP ||
        Math.abs((last.fov ?? 0) - (pose.fov ?? 0)) >= POSE_ANGLE_STEP;
      return turned;
    })();
    if (due) {
      this.last = pose;
      this.lastAt = now;
    }
    return due;
  }

  /** Forget what was sent: the next pose goes at once (a new call, a reopened channel). */
  reset(): void {
    this.last = null;
    this.lastAt = Number.NEGATIVE_INFINITY;
  }
}

/** Everything but the angles: a change here is sent at once. */
function discreteKey(pose: Pose): string {
  // Zoom moves the field of view, which is gated like the angles: a pinch is not sent every frame.
  const { yaw: _yaw, pitch: _pitch, fov: _fov, zoom: _zoom, ...rest } = pose as Pose & Record<string, unknown>;
  return JSON.stringify(rest);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The customer's pose message: where they are, where they look, how, and which card is open. */
export function customerPose(input: {
  view: Pick<TourView, 'viewpoint' | 'yaw' | 'pitch'>;
  /** The vertical field of view shown, in degrees (after zoom). */
  fov: number;
  /** The zoom that field of view includes (1: none), for a console whose screen has another shape. */
  zoom: number;
  /** What is on screen: a headset session shows 'vr'. */
  shown: TourMode | 'vr';
  card: string | null;
  seat: string | null;
}): TourPoseMessage {
  return {
    v: 1,
    type: 'tour-pose',
    viewpoint: input.view.viewpoint,
    yaw: round1(normaliseYaw(input.view.yaw)),
    pitch: round1(input.view.pitch),
    fov: round1(Math.max(10, Math.min(150, input.fov))),
    zoom: Math.round(Math.max(1, Math.min(3, input.zoom)) * 100) / 100,
    view: input.shown,
    card: input.card,
    seat: input.seat,
  };
}

export function agentPose(view: Pick<TourView, 'viewpoint' | 'yaw' | 'pitch'>): AgentPoseMessage {
  return { v: 1, type: 'tour-agent-pose', viewpoint: view.viewpoint, yaw: round1(normaliseYaw(view.yaw)), pitch: round1(view.pitch) };
}

/** Where the agent's pointer sits: a point in the tour's scene (metres), or none. */
export type PointerTarget = Vec3 | null;
