// The cards a customer opens in a tour: a hotspot's (what it is, its price or the option it offers)
// and a seat's (class, what the window shows, the fare of its option).
import type { Bookable, Hotspot, Price, Seat, TourManifest } from '../../../../protocol/tour.ts';
import { formatMoney } from '../../ui/format.ts';
import { SEAT_CLASS_NAMES } from '../../xr/tour/tour-plan.tsx';
import { Icon } from './tour-icons.tsx';

export function formatPrice(price: Price): string {
  const amount = formatMoney(price.amount, price.currency);
  return price.per ? `${amount} per ${price.per}` : amount;
}

const WINDOW_VIEWS: Record<Seat['windowView'], string> = {
  full: 'A full window beside the seat',
  partial: 'Part of a window beside the seat',
  none: 'No window beside the seat: a wall panel',
};

const HOTSPOT_EYEBROWS: Record<TourManifest['kind'], string> = { 'hotel-room': 'In this room', cabin: 'On board', other: 'Detail' };

function bookableOf(tour: TourManifest, id: string | undefined): Bookable | undefined {
  return id === undefined ? undefined : tour.bookables.find((b) => b.id === id);
}

function Card(props: { testId: string; title: string; eyebrow: string; onClose: () => void; children: React.ReactNode; dataId: string }) {
  return (
    <section className="tour-card" data-testid={props.testId} data-id={props.dataId} aria-label={props.title}>
      <header className="tour-card-head">
        <div>
          <p className="tour-card-eyebrow">{props.eyebrow}</p>
          <h2>{props.title}</h2>
        </div>
        <button type="button" className="tour-icon-button" aria-label="Close" onClick={props.onClose}>
          <Icon name="close" />
        </button>
      </header>
      {props.children}
    </section>
  );
}

export function HotspotCard(props: { tour: TourManifest; hotspot: Hotspot; onClose: () => void }) {
  const { hotspot } = props;
  const option = bookableOf(props.tour, hotspot.option);
  const price = hotspot.price ?? option?.price;
  return (
    <Card testId="hotspot-card" dataId={hotspot.id} eyebrow={HOTSPOT_EYEBROWS[props.tour.kind]} title={hotspot.title} onClose={props.onClose}>
      {hotspot.text && <p className="tour-card-text">{hotspot.text}</p>}
      {option && (
        <p className="tour-card-option">
          <span className="muted small">Offered with</span> {option.title}
        </p>
      )}
      {price && (
        <p className="tour-card-price" data-testid="hotspot-price">
          {formatPrice(price)}
        </p>
      )}
    </Card>
  );
}

export function SeatCard(props: { tour: TourManifest; seat: Seat; onClose: () => void }) {
  const { seat } = props;
  const option = bookableOf(props.tour, seat.option);
  const position = seat.window ? 'Window seat' : seat.aisle ? 'Aisle seat' : 'Middle seat';
  return (
    <Card testId="seat-card" dataId={seat.id} eyebrow={`${SEAT_CLASS_NAMES[seat.class]} · row ${seat.row}`} title={`Seat ${seat.id}`} onClose={props.onClose}>
      <ul className="tour-card-facts">
        <li>{position}{seat.exitRow ? ', exit row with extra legroom' : ''}</li>
        {seat.window && <li data-testid="seat-window-view">{WINDOW_VIEWS[seat.windowView]}</li>}
      </ul>
      {option ? (
        <>
          <p className="tour-card-option">{option.title}</p>
          <p className="tour-card-price" data-testid="seat-price">
            {formatPrice(option.price)}
          </p>
        </>
      ) : (
        <p className="muted small">Ask your agent about the fare for this seat.</p>
      )}
    </Card>
  );
}

/** What the agent offered: the option (and seat), at the amount offered, which may differ from the list price. */
export function OfferCard(props: { tour: TourManifest; option: string; seat?: string | undefined; amount: number; currency: string; onAccept: (() => void) | null; onClose: () => void }) {
  const option = bookableOf(props.tour, props.option);
  const title = option?.title ?? props.option;
  const listed = option && option.price.currency === props.currency && option.price.amount !== props.amount ? option.price : null;
  return (
    <Card testId="tour-offer-card" dataId={props.option} eyebrow="Offer from your agent" title={title} onClose={props.onClose}>
      {props.seat && <p className="tour-card-option">Seat {props.seat}</p>}
      {option?.text && <p className="tour-card-text">{option.text}</p>}
      <p className="tour-card-price" data-testid="tour-offer-price">
        {formatMoney(props.amount, props.currency)}
        {option?.price.per ? <span className="muted small"> per {option.price.per}</span> : null}
      </p>
      {listed && <p className="muted small">Usually {formatPrice(listed)}</p>}
      <div className="tour-card-actions">
        {props.onAccept && (
          <button type="button" className="btn btn-primary" data-testid="tour-offer-accept" onClick={props.onAccept}>
            I’d like this
          </button>
        )}
        <button type="button" className="btn" onClick={props.onClose}>
          Not now
        </button>
      </div>
    </Card>
  );
}
