// What the agent does in a guided tour, as one sentence for the tour's second live region: where they
// point, where they bring the customer, the card they open, an offer, who leads.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TourManifest, Vec3 } from '../../../../protocol/tour.ts';
import { formatMoney } from '../../ui/format.ts';
import type { TourLeader, TourOfferMessage } from '../../xr/tour/tour-sync.ts';
import { viewpointById, type TourView } from '../../xr/tour/tour-view-state.ts';
import { pointedAt } from '../../xr/tour/view-description.ts';

/** Something the agent made happen on the customer's side. */
export type AgentEvent = { kind: 'brought'; viewpoint: string } | { kind: 'card'; hotspot: string };

export interface AgentNews {
  news: string;
  /** Called where the agent's message moves the customer or opens a card. */
  onAgent: (event: AgentEvent) => void;
}

export function useAgentNews(tour: TourManifest, view: TourView, guide: { pointer: Vec3 | null; offer: TourOfferMessage | null; leader: TourLeader }): AgentNews {
  const { t } = useTranslation('tour');
  const [news, setNews] = useState('');
  const latestView = useRef(view);
  latestView.current = view;

  const { pointer, offer, leader } = guide;
  useEffect(() => {
    if (!pointer) return;
    const at = pointedAt(tour, latestView.current, pointer);
    setNews('hotspot' in at ? t('describe.pointingAt', { thing: at.hotspot }) : t(`describe.pointingBearing.${at.bearing}`));
  }, [tour, pointer, t]);

  useEffect(() => {
    if (!offer) return;
    const option = tour.bookables.find((b) => b.id === offer.option)?.title ?? offer.option;
    setNews(t('describe.offer', { option, price: formatMoney(offer.amount, offer.currency) }));
  }, [tour, offer, t]);

  const firstLeader = useRef(true);
  useEffect(() => {
    if (firstLeader.current) {
      firstLeader.current = false;
      return;
    }
    setNews(t(leader === 'agent' ? 'describe.agentLeads' : 'describe.youLead'));
  }, [leader, t]);

  const onAgent = useCallback(
    (event: AgentEvent) => {
      if (event.kind === 'brought') {
        const place = viewpointById(tour, event.viewpoint)?.title;
        if (place) setNews(t('describe.broughtTo', { place }));
      } else {
        const thing = tour.hotspots.find((h) => h.id === event.hotspot)?.title;
        if (thing) setNews(t('describe.openedCard', { thing }));
      }
    },
    [tour, t],
  );
  return { news, onAgent };
}
