// Every outcome recorded for the case, newest first; a changed decision shows what it replaced.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision, OutcomeView } from '../../../../protocol/http.ts';
import type { TourManifest } from '../../../../protocol/tour.ts';
import { formatDateTime, formatMoney } from '../../ui/format.ts';
import { localizeTour } from '../../xr/tour/tour-translation.ts';
import { consoleApi } from '../app/console-api.ts';
import { StatusIcon, type StatusIconKind } from '../evidence/status-icon.tsx';

const BADGE: Record<Decision, string> = {
  approved: 'badge-ok', settled: 'badge-ok', booked: 'badge-ok', denied: 'badge-bad', 'not-booked': 'badge-bad', referred: 'badge-warn', 'follow-up': 'badge-warn',
};
/** The badge's tone as a shape too (WCAG 1.4.1): a tick, a cross, or the arrows of a handed-on decision. */
const ICON: Record<Decision, StatusIconKind> = {
  approved: 'accepted', settled: 'accepted', booked: 'accepted', denied: 'rejected', 'not-booked': 'rejected', referred: 'superseded', 'follow-up': 'superseded',
};

/**
 * A booking's option is stored with its title as the tour named it (English); where the case's tour
 * (`tourId`) has the option's title in the console's language, that is shown instead.
 */
function useBookableTitles(tourId: string | null | undefined, booked: boolean, language: string): (booking: { option: string; title: string }) => string {
  const [tour, setTour] = useState<TourManifest | null>(null);
  useEffect(() => {
    if (!tourId || !booked) return;
    let live = true;
    consoleApi.tourManifest(tourId).then((loaded) => live && setTour(loaded), () => undefined);
    return () => {
      live = false;
    };
  }, [tourId, booked]);
  const words = useMemo(() => (tour ? localizeTour(tour, language) : null), [tour, language]);
  // localizeTour gives the tour itself back when it has no words for the language: keep the stored title.
  return (booking) => (words && words !== tour ? (words.bookables.find((b) => b.id === booking.option)?.title ?? booking.title) : booking.title);
}

export function OutcomeHistory(props: { outcomes: OutcomeView[]; tourId?: string | null }) {
  const { t, i18n } = useTranslation('casework');
  const bookableTitle = useBookableTitles(props.tourId, props.outcomes.some((o) => o.booking), i18n.language);
  const list = [...props.outcomes].sort((a, b) => b.at.localeCompare(a.at));
  if (list.length === 0) return <p className="muted small">{t('outcome.history.none')}</p>;
  return (
    <ol className="outcomes" data-testid="outcome-history">
      {list.map((o, index) => (
        <li key={o.id} data-testid="outcome-entry" data-decision={o.decision} className={index === 0 ? 'outcome-current' : 'outcome-old'}>
          <div className="outcome-line">
            <span className={`badge ${BADGE[o.decision]}`}>
              <StatusIcon kind={ICON[o.decision]} />
              {t(`outcome.history.decision.${o.decision}`)}
            </span>
            {o.amount !== null && o.currency && <strong data-testid="outcome-amount-shown">{formatMoney(o.amount, o.currency)}</strong>}
            <span className="muted small">{formatDateTime(o.at)}</span>
            {index === 0 ? <span className="small">{t('outcome.history.current')}</span> : <span className="small muted">{t('outcome.history.superseded')}</span>}
          </div>
          {o.booking && (
            <p className="small" data-testid="outcome-booking">
              {o.booking.seat ? t('outcome.history.bookedSeat', { title: bookableTitle(o.booking), seat: o.booking.seat }) : t('outcome.history.booked', { title: bookableTitle(o.booking) })}
            </p>
          )}
          {o.followUpOn && <p className="small">{t('outcome.history.followUp', { date: o.followUpOn })}</p>}
          <p className="outcome-reason">{o.reason}</p>
          {o.damageItems.length > 0 && (
            <ul className="outcome-items small">
              {o.damageItems.map((item, i) => (
                <li key={i}>
                  {t('outcome.history.item', { area: item.area, severity: t(`outcome.severities.${item.severity}`), cost: o.currency ? formatMoney(item.estimatedCost, o.currency) : String(item.estimatedCost) })}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
