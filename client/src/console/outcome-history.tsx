// Every outcome recorded for the case, newest first; a changed decision shows what it replaced.
import type { OutcomeView } from '../../../protocol/http.ts';
import { formatDateTime, formatMoney } from '../ui/format.ts';

export function OutcomeHistory(props: { outcomes: OutcomeView[] }) {
  const list = [...props.outcomes].sort((a, b) => b.at.localeCompare(a.at));
  if (list.length === 0) return <p className="muted small">No decision recorded yet.</p>;
  return (
    <ol className="outcomes" data-testid="outcome-history">
      {list.map((o, index) => (
        <li key={o.id} data-testid="outcome-entry" data-decision={o.decision} className={index === 0 ? 'outcome-current' : 'outcome-old'}>
          <div className="outcome-line">
            <span className={`badge ${o.decision === 'denied' ? 'badge-bad' : o.decision === 'referred' ? 'badge-warn' : 'badge-ok'}`}>{o.decision}</span>
            {o.amount !== null && o.currency && <strong data-testid="outcome-amount-shown">{formatMoney(o.amount, o.currency)}</strong>}
            <span className="muted small">{formatDateTime(o.at)}</span>
            {index === 0 ? <span className="small">current</span> : <span className="small muted">superseded</span>}
          </div>
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
