// The floor plan or seat map beside the tour (a sheet at the bottom of a phone, a panel on a wide
// screen). A long seat map scrolls, and keeps the seat being viewed in sight.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Seat, TourManifest, TourPlan as Plan } from '../../../../protocol/tour.ts';
import { seatMapRotation } from '../../xr/tour/plan-geometry.ts';
import { TourPlan } from '../../xr/tour/tour-plan.tsx';
import type { TourView } from '../../xr/tour/tour-view-state.ts';
import { Icon } from './tour-icons.tsx';

export function PlanPanel(props: {
  tour: TourManifest & { plan: Plan };
  view: TourView;
  seat: string | null;
  onViewpoint: (id: string) => void;
  onSeat: (seat: Seat) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('tour');
  const { plan } = props.tour;
  const seats = plan.kind === 'seats';
  const scroller = useRef<HTMLDivElement>(null);
  // Seat maps run down the panel, row 1 at the top, as printed seat maps do; floor plans stay unturned.
  const rotation = seats ? seatMapRotation(plan.seats, true) : 0;

  useEffect(() => {
    const mark = scroller.current?.querySelector<SVGGraphicsElement>(`[data-seat="${props.seat ?? ''}"]`);
    mark?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [props.seat]);

  return (
    <section className={`tour-panel tour-panel-${plan.kind}`} data-testid="plan-panel" aria-label={seats ? t('plan.seats') : t('plan.floor')}>
      <header className="tour-panel-head">
        <h2>{seats ? t('plan.seats') : t('plan.floor')}</h2>
        <button type="button" className="tour-icon-button" aria-label={seats ? t('plan.closeSeats') : t('plan.closeFloor')} onClick={props.onClose}>
          <Icon name="close" />
        </button>
      </header>
      {seats && <SeatLegend seats={plan.seats} />}
      <div className="tour-panel-body" ref={scroller} data-scrolls>
        <TourPlan tour={props.tour} view={props.view} rotation={rotation} seat={props.seat} onViewpoint={props.onViewpoint} onSeat={props.onSeat} />
      </div>
      {!seats && <p className="tour-panel-hint">{t('plan.hint')}</p>}
    </section>
  );
}

const CLASS_ORDER: Seat['class'][] = ['first', 'business', 'premium', 'economy'];

function SeatLegend(props: { seats: readonly Seat[] }) {
  const { t } = useTranslation('tour');
  const classes = CLASS_ORDER.filter((c) => props.seats.some((s) => s.class === c));
  return (
    <ul className="seat-legend" aria-label={t('plan.classes')}>
      {classes.map((c) => (
        <li key={c}>
          <span className={`seat-swatch seat-swatch-${c}`} aria-hidden="true" />
          {t(`seatClassShort.${c}`)}
        </li>
      ))}
      <li>
        <span className="seat-swatch seat-swatch-window" aria-hidden="true" />
        {t('plan.window')}
      </li>
    </ul>
  );
}
