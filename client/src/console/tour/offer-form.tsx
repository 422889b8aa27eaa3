// The agent's offer to the customer: a bookable option of the tour (a seat of a cabin, by default the
// one the customer sits in) at the option's price or another; the customer's page shows it as a card.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TourManifest } from '../../../../protocol/tour.ts';
import { formatMoney } from '../../ui/format.ts';
import type { TourOfferMessage } from '../../xr/tour/tour-sync.ts';
import { NO_EDITS, offerFields, readOffer, type OfferEdits } from './offer-draft.ts';
import { BookableOptions } from './bookable-options.tsx';

export function OfferForm(props: { tour: TourManifest; customerSeat: string | null; live: boolean; onOffer: (offer: TourOfferMessage) => void }) {
  const { tour } = props;
  const { t } = useTranslation('guide');
  const [edits, setEdits] = useState<OfferEdits>(NO_EDITS);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<TourOfferMessage | null>(null);
  const fields = offerFields(tour, edits, props.customerSeat);
  const seats = tour.plan?.kind === 'seats' ? tour.plan.seats : [];
  const edit = (change: Partial<OfferEdits>) => {
    setEdits((current) => ({ ...current, ...change }));
    setProblem(null);
  };

  function submit(event: FormEvent): void {
    event.preventDefault();
    const reading = readOffer(fields);
    if (!reading.ok) {
      setProblem(reading.problem);
      return;
    }
    props.onOffer(reading.message);
    setSent(reading.message);
  }

  if (tour.bookables.length === 0) return <p className="muted small">{t('offer.nothingToBook')}</p>;
  return (
    <form className="tour-offer" data-testid="tour-offer-form" onSubmit={submit}>
      <div className="tour-offer-fields">
        <div className="field">
          <label htmlFor="tour-offer-option">{t('offer.field.option')}</label>
          <select
            id="tour-offer-option"
            data-testid="tour-offer-option"
            value={fields.option}
            // A new option (or seat) brings its own price.
            onChange={(e) => edit({ option: e.target.value, amount: null, currency: null })}
          >
            <BookableOptions bookables={tour.bookables} />
          </select>
        </div>
        {seats.length > 0 && (
          <div className="field field-narrow">
            <label htmlFor="tour-offer-seat">{t('offer.field.seat')}</label>
            <input
              id="tour-offer-seat" data-testid="tour-offer-seat" list="tour-offer-seats" maxLength={4} placeholder={t('offer.seatPlaceholder')}
              value={fields.seat} onChange={(e) => edit({ seat: e.target.value.toUpperCase(), option: null, amount: null, currency: null })}
            />
            <datalist id="tour-offer-seats">
              {seats.map((s) => (
                <option key={s.id} value={s.id} />
              ))}
            </datalist>
          </div>
        )}
        <div className="field field-narrow">
          <label htmlFor="tour-offer-amount">{t('offer.price')}</label>
          <input id="tour-offer-amount" data-testid="tour-offer-amount" type="number" min="0" step="0.01" value={fields.amount} onChange={(e) => edit({ amount: e.target.value })} />
        </div>
        <div className="field field-currency">
          <label htmlFor="tour-offer-currency">{t('offer.field.currency')}</label>
          <input id="tour-offer-currency" data-testid="tour-offer-currency" maxLength={3} value={fields.currency} onChange={(e) => edit({ currency: e.target.value.toUpperCase() })} />
        </div>
      </div>
      <div className="tour-offer-send">
        {problem ? (
          <span className="field-error" role="alert" data-testid="tour-offer-problem">
            {problem}
          </span>
        ) : (
          sent && (
            <span className="muted small" data-testid="tour-offer-sent">
              {t(sent.seat ? 'offer.sentSeat' : 'offer.sent', {
                option: tour.bookables.find((b) => b.id === sent.option)?.title ?? sent.option,
                seat: sent.seat,
                price: formatMoney(sent.amount, sent.currency),
              })}
            </span>
          )
        )}
        <span className="spacer" />
        <button type="submit" className="btn btn-primary" data-testid="tour-offer-send" disabled={!props.live} title={props.live ? undefined : t('offer.connectFirst')}>
          {t('offer.send')}
        </button>
      </div>
    </form>
  );
}
