// The agent's console for a live guided tour: the tour rendered from the customer's pose (or the
// agent's own view while leading) beside the plan with the customer's place and gaze; the call, the
// lead, the pointer; the hotspots near the customer with their cards; the offer.
import { useEffect, useMemo, useState } from 'react';
import type { TourManifest } from '../../../../protocol/tour.ts';
import type { Tone } from '../../ui/banner.tsx';
import type { TourAssets } from '../../xr/tour/tour-assets.ts';
import type { MessageChannel } from '../../call/message-bus.ts';
import { CallBadge, CallButton } from '../call/call-controls.tsx';
import type { ConsoleCall } from '../call/call-state.ts';
import { isLive, videoBadge, videoCaption } from '../call/call-text.ts';
import { describeCustomer } from './customer-view.ts';
import { poseIsStale, type GuideState } from './guide-state.ts';
import { HotspotList } from './hotspot-list.tsx';
import { OfferForm } from './offer-form.tsx';
import { targetText } from './pointer-target.ts';
import { TourLivePlan } from './tour-live-plan.tsx';
import { TourLiveStage } from './tour-live-stage.tsx';
import { useAgentActivity } from './use-agent-activity.ts';
import { useTourGuide } from './use-tour-guide.ts';

export interface TourCall {
  /** The console's one call state. */
  view: ConsoleCall;
  channelOpen: boolean;
  connect: () => void;
  hangUp: () => void;
  /** The call's data channel: the tour's messages both ways. */
  messages: MessageChannel;
}

export interface TourLiveProps {
  caseId: string;
  tour: TourManifest;
  assets: TourAssets;
  call: TourCall;
  notify: (tone: Tone, text: string) => void;
  onError: (error: Error) => void;
}

export function TourLive(props: TourLiveProps) {
  const { tour, call, notify } = props;
  const activity = useAgentActivity(props.caseId, (message) => notify('error', message));
  const guide = useTourGuide({ tour, channel: call.messages, channelOpen: call.channelOpen, activity });
  const [pointing, setPointing] = useState(false);
  const now = useClock(guide.poseAt !== null);
  const live = isLive(call.view);
  const pose = guide.pose;
  const planned = useMemo(() => (tour.plan ? { ...tour, plan: tour.plan } : null), [tour]);

  return (
    <section className="card tour-live" aria-label="Live guided tour" data-testid="tour-live-panel" data-pointer={targetText(guide.pointer)} data-leader={guide.leader}>
      <p
        className="tour-live-status"
        data-testid="tour-customer-status"
        data-viewpoint={pose?.viewpoint ?? ''}
        data-yaw={pose ? pose.yaw.toFixed(1) : ''}
        data-view={pose?.view ?? ''}
        data-stale={poseIsStale(guide, now) ? 'true' : 'false'}
      >
        <strong>{guide.leading ? 'You lead' : 'The customer leads'}</strong>
        <span>{pose ? `Customer at ${describeCustomer(tour, pose)}` : 'No view from the customer yet'}</span>
        <span className="muted">{videoBadge(call.view)}</span>
      </p>
      {guide.notice && (
        <p className="tour-live-notice" role="status" data-testid="tour-lead-notice">
          {guide.notice}
          <button type="button" className="btn btn-ghost btn-small" onClick={guide.dismissNotice}>
            OK
          </button>
        </p>
      )}

      <div className={`tour-live-body ${tour.plan ? 'has-plan' : ''}`}>
        <TourLiveStage
          tour={tour}
          assets={props.assets}
          guide={guide}
          pointing={pointing && live}
          waiting={waitingText({ guide, now, live, call: call.view })}
          onError={props.onError}
          badges={
            <>
              <CallBadge call={call.view} />
              {guide.leading && <span className="tour-live-badge">Your view · the customer follows</span>}
            </>
          }
        />
        {planned && <TourLivePlan tour={planned} pose={pose} onBring={guide.bringTo} />}
      </div>

      <div className="stage-controls tour-live-controls">
        <CallButton call={call.view} connectLabel="Connect (voice)" onConnect={call.connect} onHangUp={call.hangUp} />
        <span className="spacer" />
        <button
          type="button"
          className="btn"
          data-testid="tour-lead-toggle"
          data-leader={guide.leader}
          aria-pressed={guide.leading}
          disabled={!live}
          title={guide.leading ? 'The customer looks around on their own again' : 'The customer’s view follows yours'}
          onClick={() => guide.lead(guide.leading ? 'customer' : 'agent')}
        >
          {guide.leading ? 'Let them roam' : 'Follow me'}
        </button>
        <button type="button" className="btn" data-testid="tour-point-tool" aria-pressed={pointing} disabled={!live} onClick={() => setPointing((on) => !on)}>
          {pointing ? 'Pointing: click the view' : 'Point'}
        </button>
        <button type="button" className="btn" data-testid="tour-clear-pointer" disabled={!live || !guide.pointer} onClick={() => guide.point(null)}>
          Clear pointer
        </button>
      </div>

      <div className="tour-live-lower">
        <section aria-label="Hotspots">
          <h3>Near the customer</h3>
          <HotspotList tour={tour} viewpoint={pose?.viewpoint ?? guide.view.viewpoint} openCard={pose?.card ?? null} live={live} onShow={guide.showCard} />
        </section>
        <section aria-label="Offer">
          <h3>Offer</h3>
          <OfferForm tour={tour} customerSeat={pose?.seat ?? null} live={live} onOffer={guide.offer} />
        </section>
      </div>
    </section>
  );
}

function waitingText(input: { guide: GuideState; now: number; live: boolean; call: ConsoleCall }): string | null {
  const { guide, now, live, call } = input;
  if (guide.pose) {
    if (!live) return `${call.phase === 'connected' ? 'The tour’s link to the customer is reopening…' : videoCaption(call, false)} This is the last view the customer sent.`;
    if (poseIsStale(guide, now)) return `The customer’s view has not changed for ${Math.round((now - (guide.poseAt ?? now)) / 1000)} s: their page may be in the background.`;
    return null;
  }
  if (live || call.phase === 'connected') return 'Connected. Waiting for the customer’s view of the tour…';
  if (call.phase === 'idle' && call.presence !== 'offline') return 'The customer is ready. Connect to see the tour as they see it.';
  return videoCaption(call, false);
}

/** The time now, updated every second while `on`: for how old the customer's last pose is. */
function useClock(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [on]);
  return now;
}
