// The case's offers, newest first: made, superseded, code sent, accepted or declined with the reason, receipt code.
import type { OfferView } from '../../../../protocol/settlement-http.ts';
import { formatDateTime, formatMoney } from '../../ui/format.ts';

const BADGE: Record<OfferView['state'], string> = {
  open: 'badge-ok', accepted: 'badge-ok', declined: 'badge-bad', superseded: '', withdrawn: '', expired: 'badge-warn',
};

export function OfferHistory(props: { offers: OfferView[] }) {
  if (props.offers.length === 0) return <p className="muted small">No offer made yet.</p>;
  return (
    <ol className="offer-history" data-testid="offer-history">
      {[...props.offers].reverse().map((offer) => (
        <li key={offer.id} data-testid="offer-history-row" data-offer-id={offer.id} data-state={offer.state}>
          <div className="offer-history-head">
            <strong>{formatMoney(offer.amount, offer.currency)}</strong>
            <span className={`badge ${BADGE[offer.state]}`} data-testid="offer-state">{offer.state}</span>
            <span className="muted small">made {formatDateTime(offer.madeAt)} · expires {formatDateTime(offer.expiresAt)} · confirm by {offer.confirmWith}</span>
          </div>
          <ul className="muted small">
            {offer.items.map((item, i) => (
              <li key={i}>{item.description}: {formatMoney(item.amount, offer.currency)}</li>
            ))}
          </ul>
          {offer.supersededBy && <p className="small">Replaced by a newer offer.</p>}
          {offer.codeSentAt && <p className="small" data-testid="offer-code-sent-to">Code sent to {offer.codeSentTo ?? 'the customer'} at {formatDateTime(offer.codeSentAt)}</p>}
          {offer.decidedAt && (
            <p className="small">
              {offer.state === 'accepted' ? 'Accepted' : 'Declined'} {formatDateTime(offer.decidedAt)}
              {offer.declineReason ? `: “${offer.declineReason}”` : ''} · receipt <code data-testid="offer-history-receipt">{offer.receiptCode}</code>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
