// What the console knows of a guided tour: the customer's last pose (and when it came), who leads,
// where the agent's pointer is, and a notice when the customer takes the lead back. Changed by the
// customer's messages and the agent's own acts, through one pure reducer.
import type { Vec3 } from '../../../../protocol/tour.ts';
import type { TourLeader, TourPoseMessage, TourSyncMessage } from '../../xr/tour/tour-sync.ts';

export interface GuideState {
  pose: TourPoseMessage | null;
  /** When the last pose arrived (ms, the console's clock). */
  poseAt: number | null;
  leader: TourLeader;
  pointer: Vec3 | null;
  /** What the customer just did with the lead, for the panel to say (in words of the page's language). */
  notice: GuideNotice | null;
}

export type GuideNotice = 'customer-roams' | 'customer-asks-lead';

export const INITIAL_GUIDE: GuideState = { pose: null, poseAt: null, leader: 'customer', pointer: null, notice: null };

export type GuideEvent =
  | { type: 'received'; message: TourSyncMessage; at: number }
  | { type: 'lead'; leader: TourLeader }
  | { type: 'pointer'; target: Vec3 | null }
  | { type: 'dismiss' };

export const CUSTOMER_ROAMS: GuideNotice = 'customer-roams';
export const CUSTOMER_ASKS_LEAD: GuideNotice = 'customer-asks-lead';

export function reduceGuide(state: GuideState, event: GuideEvent): GuideState {
  switch (event.type) {
    case 'received': {
      const message = event.message;
      if (message.type === 'tour-pose') return { ...state, pose: message, poseAt: event.at };
      if (message.type === 'tour-lead' && message.leader !== state.leader) {
        return { ...state, leader: message.leader, notice: message.leader === 'customer' ? CUSTOMER_ROAMS : CUSTOMER_ASKS_LEAD };
      }
      // The rest go from the console to the customer; one coming back is nothing to act on.
      return state;
    }
    case 'lead':
      return { ...state, leader: event.leader, notice: null };
    case 'pointer':
      return { ...state, pointer: event.target };
    case 'dismiss':
      return { ...state, notice: null };
  }
}

/** A pose older than this means the customer's page stopped sending (it repeats every 2 s). */
export const POSE_STALE_MS = 6000;

export function poseIsStale(state: Pick<GuideState, 'poseAt'>, now: number): boolean {
  return state.poseAt !== null && now - state.poseAt > POSE_STALE_MS;
}
