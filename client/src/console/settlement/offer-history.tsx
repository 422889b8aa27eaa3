// The case's offers, newest first: made, superseded, code sent, accepted or declined with the reason, receipt code.
import { Trans, useTranslation } from 'react-i18next';
import type { OfferView } from '../../../../protocol/settlement-http.ts';
import { formatDateTime, formatMoney } from '../../ui/format.ts';
import { StatusIcon, type StatusIconKind } from '../evidence/status-icon.tsx';

const BADGE: Record<OfferView['state'], string> = {
  open: 'badge-ok', accepted: 'badge-ok', declined: 'badge-bad', superseded: '', withdrawn: '', expired: 'badge-warn',
};
/** Accepted and declined (green and red) differ by shape too; the other states' words carry the state. */
const ICON: Partial<Record<OfferView['state'], StatusIconKind>> = { accepted: 'accepted', declined: 'rejected', superseded: 'superseded' };

export function OfferHistory(props: { offers: OfferView[] }) {
  const { t } = useTranslation('casework');
  if (props.offers.length === 0) return <p className="muted small">{t('settlement.none')}</p>;
  return (
    <ol className="offer-history" data-testid="offer-history">
      {[...props.offers].reverse().map((offer) => (
        <li key={offer.id} data-testid="offer-history-row" data-offer-id={offer.id} data-state={offer.state}>
          <div className="offer-history-head">
            <strong>{formatMoney(offer.amount, offer.currency)}</strong>
            <span className={`badge ${BADGE[offer.state]}`} data-testid="offer-state">
              {ICON[offer.state] && <StatusIcon kind={ICON[offer.state]!} />}
              {t(`settlement.state.${offer.state}`)}
            </span>
            <span className="muted small">{t('settlement.terms', { made: formatDateTime(offer.madeAt), expires: formatDateTime(offer.expiresAt), confirm: t(`settlement.confirm.${offer.confirmWith}`) })}</span>
          </div>
          <ul className="muted small">
            {offer.items.map((item, i) => (
              <li key={i}>{t('settlement.itemLine', { description: item.description, amount: formatMoney(item.amount, offer.currency) })}</li>
            ))}
          </ul>
          {offer.supersededBy && <p className="small">{t('settlement.replaced')}</p>}
          {offer.codeSentAt && <p className="small" data-testid="offer-code-sent-to">{t('settlement.codeSent', { recipient: offer.codeSentTo ?? t('settlement.theCustomer'), date: formatDateTime(offer.codeSentAt) })}</p>}
          {offer.decidedAt && (
            <p className="small">
              {offer.state === 'accepted'
                ? t('settlement.accepted', { date: formatDateTime(offer.decidedAt) })
                : offer.declineReason
                  ? t('settlement.declinedWhy', { date: formatDateTime(offer.decidedAt), reason: offer.declineReason })
                  : t('settlement.declined', { date: formatDateTime(offer.decidedAt) })}
              <Trans t={t} i18nKey="settlement.receipt" values={{ code: offer.receiptCode }} components={{ code: <code data-testid="offer-history-receipt" /> }} />
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
