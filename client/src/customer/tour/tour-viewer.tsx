// The customer's tour: the shared renderer full screen, driven by the view state this screen owns,
// with the customer's controls around it — look by dragging, arrow keys or moving the phone; move by
// arrows, the floor plan or the seat map; open hotspot and seat cards.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Seat, TourManifest } from '../../../../protocol/tour.ts';
import type { TourDeepLink } from '../join-token.ts';
import type { TourActivityRecorder } from '../tour-activity.ts';
import { AgentPointer } from '../../xr/tour/agent-pointer.tsx';
import type { Look } from '../../xr/tour/tour-directions.ts';
import type { TourAssets } from '../../xr/tour/tour-assets.ts';
import { hasThreeD, shownMode, type TourMode } from '../../xr/tour/tour-mode.ts';
import { TourRenderer } from '../../xr/tour/tour-renderer.tsx';
import { initialView, reduceView, seatAt, viewpointById, type TourViewAction } from '../../xr/tour/tour-view-state.ts';
import { frameHotspot } from './card-framing.ts';
import { LoadBar } from './load-bar.tsx';
import { PlanPanel } from './plan-panel.tsx';
import { HeadLook } from './head-look.tsx';
import { measuredDistance, measurePrompt } from './measure-state.ts';
import { MeasureMarks, ScenePicker } from './tour-measure.tsx';
import { HotspotCard, OfferCard, SeatCard } from './tour-cards.tsx';
import { AskForPerson, TourCall } from './tour-call.tsx';
import { TourDescription } from './tour-description.tsx';
import { Icon } from './tour-icons.tsx';
import { TourToolbar } from './tour-toolbar.tsx';
import { useAgentNews, type AgentEvent } from './use-agent-news.ts';
import { useLinkChange } from './use-link-change.ts';
import { useLookControls } from './use-look-controls.ts';
import { useMagicWindow } from './use-magic-window.ts';
import { useMeasure } from './use-measure.ts';
import type { Microphone } from './use-microphone.ts';
import { useViewerGuide, type ViewerCard } from './use-viewer-guide.ts';
import { useVr } from './use-vr.ts';

/** Wide enough to keep the plan open beside the view from the start. */
const WIDE = '(min-width: 900px)';
/** The controls laid over the view that take taps: a marker under one of them is left out (it could not be tapped). */
const OVER_VIEW = '.tour-toolbar, .tour-card-slot, .tour-panel, .tour-notice, .tour-measure, .tour-call';

export interface TourViewerProps {
  tour: TourManifest;
  assets: TourAssets;
  mode: TourMode;
  link: TourDeepLink;
  /** The join token, to tell a link of this case from another's, and to join the guided call. */
  token: string;
  caseId: string;
  /** The microphone for the guided call, once asked for: the call starts then. */
  mic: Microphone;
  /** Records what the customer was shown, for the case's ledger. */
  activity: TourActivityRecorder;
  /** On a self-guided tour: asks for a person to join (null once asked, or on a guided tour). */
  onAskForPerson: (() => void) | null;
  /** A failure before anything could be shown: the tour cannot open. */
  onError: (error: Error) => void;
}

export function TourViewer(props: TourViewerProps) {
  const { t } = useTranslation('tour');
  const { tour, assets, activity } = props;
  const [view, dispatch] = useReducer((state: ReturnType<typeof initialView>, action: TourViewAction) => reduceView(tour, state, action), undefined, () =>
    initialView(tour, props.mode, props.link),
  );
  const [planOpen, setPlanOpen] = useState(() => tour.plan !== undefined && window.matchMedia(WIDE).matches);
  const [card, setCard] = useState<ViewerCard>(() => {
    const seat = seatAt(tour, view.viewpoint);
    return seat ? { kind: 'seat', id: seat.id } : null;
  });
  const [firstShown, setFirstShown] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const vr = useVr(setNotice);
  // Once the tour is on screen, a file that fails (one panorama, say) costs that view, not the tour.
  const onFatal = props.onError;
  const onRenderError = useCallback((error: Error) => (firstShown ? setNotice(error.message) : onFatal(error)), [firstShown, onFatal]);
  const stage = useRef<HTMLDivElement>(null);
  const coveringControls = useCallback(() => [...(stage.current?.parentElement?.querySelectorAll(OVER_VIEW) ?? [])], []);

  /** Moves to a viewpoint (facing the look given, or its arrival direction); a seat's view shows the seat's card. */
  const go = useCallback(
    (viewpoint: string, look: Partial<Look> = {}) => {
      if (!viewpointById(tour, viewpoint)) return;
      dispatch({ type: 'go', viewpoint, ...look });
      const seat = seatAt(tour, viewpoint);
      setCard(seat ? { kind: 'seat', id: seat.id } : null);
    },
    [tour],
  );
  // A guided tour: the agent may lead, point, open cards, bring the customer somewhere and make an offer.
  const headLook = useRef<Look | null>(null);
  // The agent's doings in words: the guide reports moves and cards, the news hook watches the rest.
  const onAgent = useRef<(event: AgentEvent) => void>(() => {});
  const guide = useViewerGuide({ tour, view, card, dispatch, go, setCard, presenting: vr.presenting, headLook, stage, onAgent: (event) => onAgent.current(event) });
  const agentNews = useAgentNews(tour, view, guide);
  useEffect(() => {
    onAgent.current = agentNews.onAgent;
  }, [agentNews.onAgent]);
  const following = guide.leader === 'agent';
  const { takeControl } = guide;

  // While the agent leads, the phone's motion does not fight the agent's view.
  const followingRef = useRef(following);
  followingRef.current = following;
  const magicWindow = useMagicWindow(
    view.yaw,
    useCallback((look: Look) => {
      if (!followingRef.current) dispatch({ type: 'look', ...look });
    }, []),
  );
  const { nudge, state: motion } = magicWindow;
  const measure = useMeasure(stage, props.assets, tour.scene !== undefined, setNotice);
  useLookControls(stage, {
    ...(measure.on ? { onTap: measure.tap } : {}),
    zoom: view.zoom,
    onZoom: (factor) => {
      takeControl();
      dispatch({ type: 'zoom', factor });
    },
    onTurn: (turn) => {
      takeControl();
      // With the phone as a magic window, the sensor owns pitch; a sideways drag shifts "ahead".
      if (motion === 'on') {
        nudge(turn.yaw);
        dispatch({ type: 'turn', yaw: turn.yaw, pitch: 0 });
      } else {
        dispatch({ type: 'turn', ...turn });
      }
    },
  });

  // What the customer is shown goes to the ledger: each viewpoint once it is on screen, each card opened.
  const onShown = useCallback(
    (shown: { viewpoint: string; mode: TourMode }) => {
      setFirstShown(true);
      activity.setView(shown.mode);
      activity.arrive(shown.viewpoint);
    },
    [activity],
  );
  const cardKind = card?.kind;
  const cardId = card?.id;
  useEffect(() => {
    if (cardKind === 'hotspot' && cardId) activity.openHotspot(cardId);
    if (cardKind === 'seat' && cardId) activity.lookAtSeat(cardId);
  }, [activity, cardKind, cardId]);

  useLinkChange(props.token, (link) => {
    if (link.node !== undefined) go(link.node, link.yaw === undefined ? {} : { yaw: link.yaw });
  });
  const openHotspot = (id: string) => {
    if (card?.kind === 'hotspot' && card.id === id) {
      setCard(null);
      return;
    }
    setCard({ kind: 'hotspot', id });
    const spot = tour.hotspots.find((h) => h.id === id);
    const eye = viewpointById(tour, view.viewpoint)?.position;
    if (!spot || !eye || motion === 'on') return;
    const layout = window.matchMedia(WIDE).matches ? 'side-card' : 'bottom-sheet';
    dispatch({ type: 'look', ...frameHotspot(eye, spot.position, layout, window.innerWidth / Math.max(window.innerHeight, 1), view.zoom) });
  };
  const pickSeat = useCallback(
    (seat: Seat) => {
      takeControl();
      dispatch({ type: 'go', viewpoint: seat.viewpoint });
      setCard({ kind: 'seat', id: seat.id });
    },
    [takeControl],
  );
  /** The customer moves on their own: while following the agent, that takes control back. */
  const move = (to: string) => {
    takeControl();
    go(to);
  };

  // A phone's plan sheet covers the view: it closes once a place on it is picked.
  const closeSheetOnPhone = () => {
    if (!window.matchMedia(WIDE).matches) setPlanOpen(false);
  };

  useEffect(() => {
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setCard(null);
    };
    window.addEventListener('keydown', escape);
    return () => window.removeEventListener('keydown', escape);
  }, []);

  const viewpoint = viewpointById(tour, view.viewpoint) ?? tour.viewpoints[0]!;
  const shown = shownMode(view.mode, viewpoint, hasThreeD(tour));
  const hotspot = card?.kind === 'hotspot' ? tour.hotspots.find((h) => h.id === card.id) : undefined;
  const seat = card?.kind === 'seat' ? tour.plan?.seats.find((s) => s.id === card.id) : undefined;
  const canSwitch = hasThreeD(tour) && tour.viewpoints.some((v) => v.panorama !== undefined);
  const plan = tour.plan;
  const { offer, acceptOffer } = guide;

  return (
    <div
      className={`tour-screen ${planOpen ? 'has-panel' : ''} ${card || offer ? 'has-card' : ''}`}
      data-testid="tour-screen"
      data-tour={tour.id}
      data-viewpoint={view.viewpoint}
      data-yaw={view.yaw.toFixed(1)}
      data-pitch={view.pitch.toFixed(1)}
      data-zoom={view.zoom.toFixed(2)}
      data-mode={view.mode}
      data-leader={guide.leader}
      data-pointer={guide.pointer ? guide.pointer.join(',') : ''}
    >
      <div className="tour-stage" ref={stage} role="region" aria-label={t('viewer.stage', { place: viewpoint.title })}>
        <TourRenderer
          tour={tour}
          assets={assets}
          view={view}
          activeHotspot={hotspot?.id ?? null}
          onHotspot={openHotspot}
          onLink={move}
          onShown={onShown}
          coveredBy={coveringControls}
          onError={onRenderError}
          {...(vr.store ? { xr: vr.store } : {})}
        >
          <AgentPointer target={guide.pointer} />
          <HeadLook into={headLook} presenting={vr.presenting} />
          {measure.on && <ScenePicker scene={measure.scene} pick={measure.pick} />}
          {measure.on && <MeasureMarks points={measure.points} />}
        </TourRenderer>
      </div>

      <header className="tour-top">
        <div className="tour-title">
          <span className="tour-title-tour">{tour.title}</span>
          <strong data-testid="tour-viewpoint-title">{viewpoint.title}</strong>
        </div>
        <div className="tour-top-side">
          {props.mic.ready && <TourCall token={props.token} caseId={props.caseId} mic={props.mic.stream} guide={guide} onNotice={setNotice} />}
          {props.onAskForPerson && <AskForPerson token={props.token} caseId={props.caseId} onAsk={props.onAskForPerson} onNotice={setNotice} />}
          {view.mode === 'panorama' && shown === '3d' && <span className="tour-note">{t('viewer.noPanorama')}</span>}
        </div>
      </header>

      {notice && (
        <div className="tour-notice" role="alert">
          <span>{notice}</span>
          <button type="button" className="tour-icon-button" aria-label={t('viewer.dismiss')} onClick={() => setNotice(null)}>
            <Icon name="close" />
          </button>
        </div>
      )}

      <LoadBar assets={assets} what={shown === '3d' ? 'scene' : 'panorama'} layout={firstShown ? 'strip' : 'card'} />
      <TourDescription tour={tour} view={view} stage={stage} shown={firstShown} news={agentNews.news} />

      {planOpen && plan && (
        <PlanPanel
          tour={{ ...tour, plan }}
          view={view}
          seat={seat?.id ?? seatAt(tour, view.viewpoint)?.id ?? null}
          onViewpoint={(id) => {
            move(id);
            closeSheetOnPhone();
          }}
          onSeat={(picked) => {
            pickSeat(picked);
            closeSheetOnPhone();
          }}
          onClose={() => setPlanOpen(false)}
        />
      )}

      {(offer || hotspot || seat) && (
        <div className="tour-card-slot">
          {offer ? (
            <OfferCard tour={tour} option={offer.option} seat={offer.seat} amount={offer.amount} currency={offer.currency} onAccept={acceptOffer} onClose={guide.dismissOffer} />
          ) : (
            <>
              {hotspot && <HotspotCard tour={tour} hotspot={hotspot} onClose={() => setCard(null)} />}
              {seat && <SeatCard tour={tour} seat={seat} onClose={() => setCard(null)} />}
            </>
          )}
        </div>
      )}

      <TourToolbar
        plan={plan?.kind ?? null}
        planOpen={planOpen}
        onPlan={() => setPlanOpen((open) => !open)}
        canSwitch={canSwitch}
        mode={view.mode}
        onMode={(mode) => dispatch({ type: 'mode', mode })}
        magicWindow={magicWindow}
        vr={vr.store ? { presenting: vr.presenting, onToggle: vr.presenting ? vr.exit : vr.enter } : null}
        measure={tour.scene !== undefined && !vr.presenting ? { on: measure.on, onToggle: measure.toggle } : null}
      />
      {measure.on && (
        <div className="tour-measure" data-testid="tour-measure" data-distance={measuredDistance(measure.points)?.toFixed(3) ?? ''} role="status">
          <span>{measure.scene ? measurePrompt(measure.points) : t('measure.loading')}</span>
          <button type="button" className="btn btn-small" onClick={measure.toggle}>
            {t('measure.done')}
          </button>
        </div>
      )}
    </div>
  );
}
