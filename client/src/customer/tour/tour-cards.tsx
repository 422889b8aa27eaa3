// The cards a customer opens in a tour: a hotspot's (what it is, its price or the option it offers)
// and a seat's (class, what the window shows, the fare of its option).
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Bookable, Hotspot, Price, Seat, TourManifest } from '../../../../protocol/tour.ts';
import { formatMoney } from '../../ui/format.ts';
import { Icon } from './tour-icons.tsx';

function formatPrice(t: TFunction<'tour'>, price: Price): string {
  const amount = formatMoney(price.amount, price.currency);
  return price.per ? t('card.pricePer', { amount, per: price.per }) : amount;
}

function bookableOf(tour: TourManifest, id: string | undefined): Bookable | undefined {
  return id === undefined ? undefined : tour.bookables.find((b) => b.id === id);
}

function Card(props: { testId: string; title: string; eyebrow: string; onClose: () => void; children: React.ReactNode; dataId: string }) {
  const { t } = useTranslation('tour');
  return (
    <section className="tour-card" data-testid={props.testId} data-id={props.dataId} aria-label={props.title}>
      <header className="tour-card-head">
        <div>
          <p className="tour-card-eyebrow">{props.eyebrow}</p>
          <h2>{props.title}</h2>
        </div>
        <button type="button" className="tour-icon-button" aria-label={t('card.close')} onClick={props.onClose}>
          <Icon name="close" />
        </button>
      </header>
      {props.children}
    </section>
  );
}

export function HotspotCard(props: { tour: TourManifest; hotspot: Hotspot; onClose: () => void }) {
  const { t } = useTranslation('tour');
  const { hotspot } = props;
  const option = bookableOf(props.tour, hotspot.option);
  const price = hotspot.price ?? option?.price;
  return (
    <Card testId="hotspot-card" dataId={hotspot.id} eyebrow={t(`card.eyebrow.${props.tour.kind}`)} title={hotspot.title} onClose={props.onClose}>
      {hotspot.text && <p className="tour-card-text">{hotspot.text}</p>}
      {option && (
        <p className="tour-card-option">
          <span className="muted small">{t('card.offeredWith')}</span> {option.title}
        </p>
      )}
      {price && (
        <p className="tour-card-price" data-testid="hotspot-price">
          {formatPrice(t, price)}
        </p>
      )}
    </Card>
  );
}

/** Where a seat is in its row: window, aisle or middle. */
export function seatPosition(seat: Seat): 'window' | 'aisle' | 'middle' {
  return seat.window ? 'window' : seat.aisle ? 'aisle' : 'middle';
}

export function SeatCard(props: { tour: TourManifest; seat: Seat; onClose: () => void }) {
  const { t } = useTranslation('tour');
  const { seat } = props;
  const option = bookableOf(props.tour, seat.option);
  const position = seatPosition(seat);
  const eyebrow = t('card.seatEyebrow', { class: t(`seatClass.${seat.class}`), row: seat.row });
  return (
    <Card testId="seat-card" dataId={seat.id} eyebrow={eyebrow} title={t('card.seatTitle', { id: seat.id })} onClose={props.onClose}>
      <ul className="tour-card-facts">
        <li>{t(seat.exitRow ? `card.positionExit.${position}` : `card.position.${position}`)}</li>
        {seat.window && <li data-testid="seat-window-view">{t(`card.windowView.${seat.windowView}`)}</li>}
      </ul>
      {option ? (
        <>
          <p className="tour-card-option">{option.title}</p>
          <p className="tour-card-price" data-testid="seat-price">
            {formatPrice(t, option.price)}
          </p>
        </>
      ) : (
        <p className="muted small">{t('card.askFare')}</p>
      )}
    </Card>
  );
}

/** What the agent offered: the option (and seat), at the amount offered, which may differ from the list price. */
export function OfferCard(props: { tour: TourManifest; option: string; seat?: string | undefined; amount: number; currency: string; onAccept: (() => void) | null; onClose: () => void }) {
  const { t } = useTranslation('tour');
  const option = bookableOf(props.tour, props.option);
  const title = option?.title ?? props.option;
  const listed = option && option.price.currency === props.currency && option.price.amount !== props.amount ? option.price : null;
  return (
    <Card testId="tour-offer-card" dataId={props.option} eyebrow={t('card.offerEyebrow')} title={title} onClose={props.onClose}>
      {props.seat && <p className="tour-card-option">{t('card.offerSeat', { id: props.seat })}</p>}
      {option?.text && <p className="tour-card-text">{option.text}</p>}
      <p className="tour-card-price" data-testid="tour-offer-price">
        {formatMoney(props.amount, props.currency)}
        {option?.price.per ? <span className="muted small"> {t('card.per', { per: option.price.per })}</span> : null}
      </p>
      {listed && <p className="muted small">{t('card.usually', { price: formatPrice(t, listed) })}</p>}
      <div className="tour-card-actions">
        {props.onAccept && (
          <button type="button" className="btn btn-primary" data-testid="tour-offer-accept" onClick={props.onAccept}>
            {t('card.accept')}
          </button>
        )}
        <button type="button" className="btn" onClick={props.onClose}>
          {t('card.notNow')}
        </button>
      </div>
    </Card>
  );
}
