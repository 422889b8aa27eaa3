// Every outcome recorded for the case, newest first; a changed decision shows what it replaced.
import type { Decision, OutcomeView } from '../../../../protocol/http.ts';
import { formatDateTime, formatMoney } from '../../ui/format.ts';

const BADGE: Record<Decision, string> = {
  approved: 'badge-ok', settled: 'badge-ok', booked: 'badge-ok', denied: 'badge-bad', 'not-booked': 'badge-bad', referred: 'badge-warn', 'follow-up': 'badge-warn',
};

export function OutcomeHistory(props: { outcomes: OutcomeView[] }) {
  const list = [...props.outcomes].sort((a, b) => b.at.localeCompare(a.at));
  if (list.length === 0) return <p className="muted small">No decision recorded yet.</p>;
  return (
    <ol className="outcomes" data-testid="outcome-history">
      {list.map((o, index) => (
        <li key={o.id} data-testid="outcome-entry" data-decision={o.decision} className={index === 0 ? 'outcome-current' : 'outcome-old'}>
          <div className="outcome-line">
            <span className={`badge ${BADGE[o.decision]}`}>{o.decision}</span>
            {o.amount !== null && o.currency && <strong data-testid="outcome-amount-shown">{formatMoney(o.amount, o.currency)}</strong>}
            <span className="muted small">{formatDateTime(o.at)}</span>
            {index === 0 ? <span className="small">current</span> : <span className="small muted">superseded</span>}
          </div>
          {o.booking && (
            <p className="small" data-testid="outcome-booking">
              Booked {o.booking.title}
              {o.booking.seat ? `, seat ${o.booking.seat}` : ''}
            </p>
          )}
          {o.followUpOn && <p className="small">Follow up on {o.followUpOn}</p>}
          <p className="outcome-reason">{o.reason}</p>
          {o.damageItems.length > 0 && (
            <ul className="outcome-items small">
              {o.damageItems.map((item, i) => (
                <li key={i}>
                  {item.area} — {item.severity}
                  {o.currency ? ` · ${formatMoney(item.estimatedCost, o.currency)}` : ` · ${item.estimatedCost}`}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
