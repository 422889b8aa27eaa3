// The viewer's side of a guided tour: the agent's messages (use-tour-guide.ts) wired to this view —
// going somewhere, looking, opening a card — and the pose sent back, from the view, the card open and
// the headset's head; and the customer's "I'd like this" answer to an offer, in the call's chat.
import type { Dispatch, RefObject } from 'react';
import type { TourManifest } from '../../../../protocol/tour.ts';
import { i18next } from '../../i18n/i18n.ts';
import { formatMoney } from '../../ui/format.ts';
import { verticalFov, type Look } from '../../xr/tour/tour-directions.ts';
import { hasThreeD, shownMode } from '../../xr/tour/tour-mode.ts';
import { customerPose } from '../../xr/tour/tour-sync.ts';
import { seatAt, viewpointById, type TourView, type TourViewAction } from '../../xr/tour/tour-view-state.ts';
import type { AgentEvent } from './use-agent-news.ts';
import { useTourGuide, type TourGuide } from './use-tour-guide.ts';

/** The card open beside the view. */
export type ViewerCard = { kind: 'hotspot'; id: string } | { kind: 'seat'; id: string } | null;

export interface ViewerGuideDeps {
  tour: TourManifest;
  view: TourView;
  card: ViewerCard;
  dispatch: Dispatch<TourViewAction>;
  /** Moves to a viewpoint (a seat's view shows the seat's card). */
  go: (viewpoint: string, look?: Partial<Look>) => void;
  setCard: Dispatch<(open: ViewerCard) => ViewerCard>;
  /** A headset is presenting. */
  presenting: boolean;
  /** Where the head looks while presenting (HeadLook writes it). */
  headLook: RefObject<Look | null>;
  /** The view's element, for the field of view the console draws. */
  stage: RefObject<HTMLElement | null>;
  /** The agent moved the customer or opened a card (said in words for screen readers). */
  onAgent: (event: AgentEvent) => void;
}

export interface ViewerGuide extends TourGuide {
  /** Answers the agent's offer in the chat (null without an offer or an open channel). */
  acceptOffer: (() => void) | null;
}

export function useViewerGuide(deps: ViewerGuideDeps): ViewerGuide {
  const { tour, view, card, dispatch, setCard, presenting } = deps;
  const guide = useTourGuide({
    viewpoint: () => view.viewpoint,
    go: (viewpoint, look) => {
      if (viewpoint !== view.viewpoint) deps.onAgent({ kind: 'brought', viewpoint });
      deps.go(viewpoint, look);
    },
    look: (look) => dispatch({ type: 'look', ...look }),
    openCard: (hotspot) => {
      if (hotspot) deps.onAgent({ kind: 'card', hotspot });
      setCard((open) => (hotspot ? { kind: 'hotspot', id: hotspot } : open?.kind === 'hotspot' ? null : open));
    },
    presenting: () => presenting,
    pose: () => {
      const box = deps.stage.current?.getBoundingClientRect();
      const aspect = box && box.height > 0 ? box.width / box.height : 1;
      const seat = card?.kind === 'seat' ? card.id : (seatAt(tour, view.viewpoint)?.id ?? null);
      const look = presenting && deps.headLook.current ? deps.headLook.current : view;
      return customerPose({
        view: { viewpoint: view.viewpoint, yaw: look.yaw, pitch: look.pitch },
        fov: verticalFov(aspect) / view.zoom,
        zoom: view.zoom,
        shown: presenting ? 'vr' : shownMode(view.mode, viewpointById(tour, view.viewpoint) ?? tour.viewpoints[0]!, hasThreeD(tour)),
        card: card?.kind === 'hotspot' ? card.id : null,
        seat,
      });
    },
  });
  const { offer, call } = guide;
  const acceptOffer =
    offer && call?.channelOpen
      ? () => {
          const option = tour.bookables.find((b) => b.id === offer.option)?.title ?? offer.option;
          const price = formatMoney(offer.amount, offer.currency);
          call.sendChat(offer.seat ? i18next.t('tour:card.acceptMessageSeat', { option, seat: offer.seat, price }) : i18next.t('tour:card.acceptMessage', { option, price }));
          guide.dismissOffer();
        }
      : null;
  return { ...guide, acceptOffer };
}
