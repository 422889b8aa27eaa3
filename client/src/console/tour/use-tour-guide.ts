// The agent's side of a guided tour: follows the customer's pose and lead messages, and acts on the customer's
// tour — takes or hands back the lead (while leading, the agent's own view goes out through the pose
// gate), brings the customer to a viewpoint, points, opens a card, makes an offer. What the agent does
// is recorded for the ledger.
import { useCallback, useEffect, useEffectEvent, useMemo, useReducer, useState } from 'react';
import type { TourManifest, Vec3 } from '../../../../protocol/tour.ts';
import type { MessageChannel } from '../../call/message-bus.ts';
import { agentPose, PoseGate, POSE_MIN_INTERVAL_MS, type AgentPoseMessage, type TourLeader, type TourOfferMessage } from '../../xr/tour/tour-sync.ts';
import { reduceView, type TourView, type TourViewAction } from '../../xr/tour/tour-view-state.ts';
import { viewOfPose } from './customer-view.ts';
import { INITIAL_GUIDE, reduceGuide } from './guide-state.ts';
import type { AgentActivity } from './use-agent-activity.ts';

/** How often the agent's view is offered to the pose gate while leading: twice per gate interval, so timer jitter costs no pose. */
const GATE_TICK_MS = POSE_MIN_INTERVAL_MS / 2;

export interface TourGuideDeps {
  tour: TourManifest;
  /** The call's data channel. */
  channel: MessageChannel;
  channelOpen: boolean;
  activity: AgentActivity;
}

export function useTourGuide({ tour, channel, channelOpen, activity }: TourGuideDeps) {
  const { send } = channel;
  const [state, dispatch] = useReducer(reduceGuide, INITIAL_GUIDE);
  const [agentView, setAgentView] = useState<TourView | null>(null);
  // By value: the customer's page repeats an unchanged pose every 2 s, and a new view object would
  // make the renderer draw a frame for nothing.
  const { pose } = state;
  const customerView = useMemo(
    () => viewOfPose(tour, pose),
    [tour, pose?.viewpoint, pose?.yaw, pose?.pitch, pose?.zoom, pose?.view],
  );
  const leading = state.leader === 'agent';
  /** What the console shows: the agent's own view while leading, else the customer's. */
  const view = leading ? (agentView ?? customerView) : customerView;

  // The customer's page sends these two; the other tour messages go from the console to the customer.
  useEffect(() => {
    const offs = [
      channel.on('tour-pose', (message) => dispatch({ type: 'received', message, at: Date.now() })),
      channel.on('tour-lead', (message) => dispatch({ type: 'received', message, at: Date.now() })),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [channel]);

  // The customer handed the lead over: the agent starts from where the customer is.
  const startFromCustomer = useEffectEvent(() => setAgentView(customerView));
  useEffect(() => {
    if (leading) startFromCustomer();
    else setAgentView(null);
  }, [leading]);

  // A reopened channel may be a reloaded page that knows nothing of the lead: say it again.
  const currentView = useEffectEvent(() => view);
  useEffect(() => {
    if (!leading || !channelOpen) return;
    send({ v: 1, type: 'tour-lead', leader: 'agent' });
    const gate = new PoseGate<AgentPoseMessage>();
    const timer = setInterval(() => {
      const pose = agentPose(currentView());
      if (gate.offer(pose, performance.now())) send(pose);
    }, GATE_TICK_MS);
    return () => clearInterval(timer);
  }, [leading, channelOpen, send]);

  const lead = useCallback(
    (leader: TourLeader) => {
      dispatch({ type: 'lead', leader });
      // Taking the lead is said by the effect above (which also repeats it on a new channel).
      if (leader === 'customer') send({ v: 1, type: 'tour-lead', leader });
    },
    [send],
  );

  /** Changes the agent's own view (only while leading). */
  const look = useCallback((action: TourViewAction) => setAgentView((current) => (current ? reduceView(tour, current, action) : current)), [tour]);

  /** Brings the customer to a viewpoint; while leading, the agent goes there too. */
  const bringTo = useCallback(
    (viewpoint: string) => {
      if (!tour.viewpoints.some((v) => v.id === viewpoint)) return;
      send({ v: 1, type: 'tour-goto', viewpoint });
      setAgentView((current) => (current ? reduceView(tour, current, { type: 'go', viewpoint }) : current));
      activity.recorder.lead(viewpoint);
    },
    [tour, send, activity],
  );

  const point = useCallback(
    (target: Vec3 | null) => {
      dispatch({ type: 'pointer', target });
      send({ v: 1, type: 'tour-pointer', target });
      if (target) activity.recorder.point(view.viewpoint, target);
    },
    [send, activity, view.viewpoint],
  );

  const showCard = useCallback((hotspot: string | null) => send({ v: 1, type: 'tour-card', hotspot }), [send]);

  const offer = useCallback(
    (message: TourOfferMessage) => {
      send(message);
      activity.recorder.offer(message);
      activity.flush();
    },
    [send, activity],
  );

  const dismissNotice = useCallback(() => dispatch({ type: 'dismiss' }), []);

  return { ...state, view, leading, lead, look, bringTo, point, showCard, offer, dismissNotice };
}

export type TourGuide = ReturnType<typeof useTourGuide>;
