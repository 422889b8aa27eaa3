// Every outcome recorded for the case, newest first; a changed decision shows what it replaced.
import { useTranslation } from 'react-i18next';
import type { Decision, OutcomeView } from '../../../../protocol/http.ts';
import { formatDateTime, formatMoney } from '../../ui/format.ts';
import { StatusIcon, type StatusIconKind } from '../evidence/status-icon.tsx';

const BADGE: Record<Decision, string> = {
  approved: 'badge-ok', settled: 'badge-ok', booked: 'badge-ok', denied: 'badge-bad', 'not-booked': 'badge-bad', referred: 'badge-warn', 'follow-up': 'badge-warn',
};
/** The badge's tone as a shape too (WCAG 1.4.1): a tick, a cross, or the arrows of a handed-on decision. */
const ICON: Record<Decision, StatusIconKind> = {
  approved: 'accepted', settled: 'accepted', booked: 'accepted', denied: 'rejected', 'not-booked': 'rejected', referred: 'superseded', 'follow-up': 'superseded',
};

export function OutcomeHistory(props: { outcomes: OutcomeView[] }) {
  const { t } = useTranslation('casework');
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
              {o.booking.seat ? t('outcome.history.bookedSeat', { title: o.booking.title, seat: o.booking.seat }) : t('outcome.history.booked', { title: o.booking.title })}
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
