// The agent's console for a live guided tour: the tour rendered from the customer's pose (or the
// agent's own view while leading) beside the plan with the customer's place and gaze; the call, the
// lead, the pointer; the hotspots near the customer with their cards; the offer.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../i18n/i18n.ts';
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
  const { t } = useTranslation('guide');
  const activity = useAgentActivity(props.caseId, (message) => notify('error', message));
  const guide = useTourGuide({ tour, channel: call.messages, channelOpen: call.channelOpen, activity });
  const [pointing, setPointing] = useState(false);
  const now = useClock(guide.poseAt !== null);
  const live = isLive(call.view);
  const pose = guide.pose;
  const planned = useMemo(() => (tour.plan ? { ...tour, plan: tour.plan } : null), [tour]);

  return (
    <section className="card tour-live" aria-label={t('live.label')} data-testid="tour-live-panel" data-pointer={targetText(guide.pointer)} data-leader={guide.leader}>
      <p
        className="tour-live-status"
        data-testid="tour-customer-status"
        data-viewpoint={pose?.viewpoint ?? ''}
        data-yaw={pose ? pose.yaw.toFixed(1) : ''}
        data-view={pose?.view ?? ''}
        data-stale={poseIsStale(guide, now) ? 'true' : 'false'}
      >
        <strong>{guide.leading ? t('live.youLead') : t('live.customerLeads')}</strong>
        <span>{pose ? t('live.customerAt', { where: describeCustomer(tour, pose) }) : t('live.noView')}</span>
        <span className="muted">{videoBadge(call.view)}</span>
      </p>
      {guide.notice && (
        <p className="tour-live-notice" role="status" data-testid="tour-lead-notice">
          {t(`notice.${guide.notice}`)}
          <button type="button" className="btn btn-ghost btn-small" onClick={guide.dismissNotice}>
            {t('live.ok')}
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
              {guide.leading && <span className="tour-live-badge">{t('live.yourView')}</span>}
            </>
          }
        />
        {planned && <TourLivePlan tour={planned} pose={pose} onBring={guide.bringTo} />}
      </div>

      <div className="stage-controls tour-live-controls">
        <CallButton call={call.view} connectLabel={t('live.connect')} onConnect={call.connect} onHangUp={call.hangUp} />
        <span className="spacer" />
        <button
          type="button"
          className="btn"
          data-testid="tour-lead-toggle"
          data-leader={guide.leader}
          aria-pressed={guide.leading}
          disabled={!live}
          title={guide.leading ? t('live.roamHint') : t('live.followHint')}
          onClick={() => guide.lead(guide.leading ? 'customer' : 'agent')}
        >
          {guide.leading ? t('live.roam') : t('live.follow')}
        </button>
        <button type="button" className="btn" data-testid="tour-point-tool" aria-pressed={pointing} disabled={!live} onClick={() => setPointing((on) => !on)}>
          {pointing ? t('live.pointing') : t('live.point')}
        </button>
        <button type="button" className="btn" data-testid="tour-clear-pointer" disabled={!live || !guide.pointer} onClick={() => guide.point(null)}>
          {t('live.clearPointer')}
        </button>
      </div>

      <div className="tour-live-lower">
        <section aria-labelledby="tour-live-near">
          <h3 id="tour-live-near">{t('live.near')}</h3>
          <HotspotList tour={tour} viewpoint={pose?.viewpoint ?? guide.view.viewpoint} openCard={pose?.card ?? null} live={live} onShow={guide.showCard} />
        </section>
        <section aria-labelledby="tour-live-offer">
          <h3 id="tour-live-offer">{t('live.offer')}</h3>
          <OfferForm tour={tour} customerSeat={pose?.seat ?? null} live={live} onOffer={guide.offer} />
        </section>
      </div>
    </section>
  );
}

function waitingText(input: { guide: GuideState; now: number; live: boolean; call: ConsoleCall }): string | null {
  const { guide, now, live, call } = input;
  if (guide.pose) {
    if (!live) return i18next.t('guide:waiting.lastView', { state: call.phase === 'connected' ? i18next.t('guide:waiting.reopening') : (videoCaption(call, false) ?? '') });
    if (poseIsStale(guide, now)) return i18next.t('guide:waiting.stale', { seconds: Math.round((now - (guide.poseAt ?? now)) / 1000) });
    return null;
  }
  if (live || call.phase === 'connected') return i18next.t('guide:waiting.connected');
  if (call.phase === 'idle' && call.presence !== 'offline') return i18next.t('guide:waiting.ready');
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
