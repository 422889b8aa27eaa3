// The customer's half of a guided tour: what comes from the agent over the call's data channel
// (who leads, the agent's view to follow, where they point, the card they open, the viewpoint they
// bring the customer to, an offer) turned into changes of the tour, and the customer's own pose sent
// back through the pose gate so the console can render the same view.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PeerMessage } from '../../../../protocol/messages.ts';
import type { Vec3 } from '../../../../protocol/tour.ts';
import type { CustomerCallState } from '../../call/customer-call.ts';
import type { MessageChannel } from '../../call/message-bus.ts';
import type { Look } from '../../xr/tour/tour-directions.ts';
import { PoseGate, POSE_MIN_INTERVAL_MS, type TourLeader, type TourOfferMessage, type TourPoseMessage } from '../../xr/tour/tour-sync.ts';

/** The live call as the tour sees it. */
export interface TourCallLink {
  state: CustomerCallState;
  channelOpen: boolean;
  send: (message: PeerMessage) => boolean;
  sendChat: (text: string) => void;
  /** The call's data-channel messages by type; the guide subscribes to the tour's own. */
  messages: MessageChannel;
}

export interface TourGuideDeps {
  /** The viewpoint shown now. */
  viewpoint: () => string;
  /** Moves to a viewpoint through the comfort fade, facing a direction or its arrival one. */
  go: (viewpoint: string, look?: Partial<Look>) => void;
  look: (look: Look) => void;
  /** Opens a hotspot's card (null closes an open hotspot card). */
  openCard: (hotspot: string | null) => void;
  /** The pose to send now. */
  pose: () => TourPoseMessage;
  /** A headset is presenting: the customer's head turns the view, only changes of place follow the agent. */
  presenting: () => boolean;
}

export interface TourGuide {
  call: TourCallLink | null;
  leader: TourLeader;
  pointer: Vec3 | null;
  offer: TourOfferMessage | null;
  setCall: (call: TourCallLink | null) => void;
  /** The customer looks or moves on their own: while following, that takes control back. */
  takeControl: () => void;
  /** The customer asks the agent to lead. */
  followAgent: () => void;
  dismissOffer: () => void;
}

export function useTourGuide(deps: TourGuideDeps): TourGuide {
  const [call, setCall] = useState<TourCallLink | null>(null);
  const [leader, setLeader] = useState<TourLeader>('customer');
  const [pointer, setPointer] = useState<Vec3 | null>(null);
  const [offer, setOffer] = useState<TourOfferMessage | null>(null);
  const following = useRef(false);
  following.current = leader === 'agent';
  const live = call?.channelOpen === true;

  const latest = useRef(deps);
  latest.current = deps;

  // What the agent sends, each kind subscribed alone (the customer's own tour-pose is never heard here).
  const messages = call?.messages ?? null;
  useEffect(() => {
    if (!messages) return;
    const offs = [
      messages.on('tour-lead', (message) => setLeader(message.leader)),
      messages.on('tour-agent-pose', (message) => {
        const deps = latest.current;
        if (!following.current) return;
        if (message.viewpoint !== deps.viewpoint()) deps.go(message.viewpoint, { yaw: message.yaw, pitch: message.pitch });
        else if (!deps.presenting()) deps.look({ yaw: message.yaw, pitch: message.pitch });
      }),
      messages.on('tour-goto', (message) => {
        latest.current.go(message.viewpoint, { ...(message.yaw === undefined ? {} : { yaw: message.yaw }), ...(message.pitch === undefined ? {} : { pitch: message.pitch }) });
      }),
      messages.on('tour-pointer', (message) => setPointer(message.target)),
      messages.on('tour-card', (message) => latest.current.openCard(message.hotspot)),
      messages.on('tour-offer', (message) => setOffer(message)),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [messages]);

  // A dropped channel ends the agent's lead and pointing: nothing would keep them current.
  useEffect(() => {
    if (live) return;
    setLeader('customer');
    setPointer(null);
  }, [live]);

  const takeControl = useCallback(() => {
    if (!following.current) return;
    following.current = false;
    setLeader('customer');
    if (live) call?.send({ v: 1, type: 'tour-lead', leader: 'customer' });
  }, [live, call]);
  const followAgent = useCallback(() => {
    if (!live || !call) return;
    setLeader('agent');
    call.send({ v: 1, type: 'tour-lead', leader: 'agent' });
  }, [live, call]);

  useEffect(() => {
    if (!live || !call) return;
    const gate = new PoseGate<TourPoseMessage>();
    const timer = window.setInterval(() => {
      const next = latest.current.pose();
      if (gate.offer(next, performance.now())) call.send(next);
      // Offered twice per gate interval, so timer jitter costs no pose.
    }, POSE_MIN_INTERVAL_MS / 2);
    return () => window.clearInterval(timer);
  }, [live, call]);

  return {
    call,
    leader,
    pointer,
    offer,
    setCall,
    takeControl,
    followAgent,
    dismissOffer: useCallback(() => setOffer(null), []),
  };
}
