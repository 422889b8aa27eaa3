// The floor plan or seat map beside the console's tour view: where the customer stands and looks;
// a click on a viewpoint or seat brings the customer there. A long seat map scrolls, keeping the
// customer's seat in sight.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TourManifest, TourPlan as Plan } from '../../../../protocol/tour.ts';
import { seatMapRotation } from '../../xr/tour/plan-geometry.ts';
import { TourPlan } from '../../xr/tour/tour-plan.tsx';
import { seatAt } from '../../xr/tour/tour-view-state.ts';
import type { TourPoseMessage } from '../../xr/tour/tour-sync.ts';

export function TourLivePlan(props: { tour: TourManifest & { plan: Plan }; pose: TourPoseMessage | null; onBring: (viewpoint: string) => void }) {
  const { tour, pose } = props;
  const { t } = useTranslation('guide');
  const seats = tour.plan.kind === 'seats';
  const scroller = useRef<HTMLDivElement>(null);
  const seat = pose ? (pose.seat ?? seatAt(tour, pose.viewpoint)?.id ?? null) : null;

  useEffect(() => {
    const body = scroller.current;
    const mark = body?.querySelector(`[data-seat="${seat ?? ''}"]`) ?? body?.querySelector('.plan-viewer');
    if (body && mark) keepInSight(body, mark);
  }, [seat, pose?.viewpoint]);

  return (
    <aside className="tour-live-plan" aria-label={t(seats ? 'plan.seatMap' : 'plan.floorPlan')}>
      <h3>{t(seats ? 'plan.seatMap' : 'plan.floorPlan')}</h3>
      <p className="muted small">{t(seats ? 'plan.clickSeat' : 'plan.clickDot')}</p>
      <div className="tour-live-plan-body" ref={scroller}>
        <TourPlan
          tour={tour}
          // No viewer mark until the customer's first pose: the start is not where they are.
          view={{ viewpoint: pose?.viewpoint ?? '', yaw: pose?.yaw ?? 0 }}
          rotation={seats ? seatMapRotation(tour.plan.seats, true) : 0}
          seat={seat}
          onViewpoint={props.onBring}
          onSeat={(s) => props.onBring(s.viewpoint)}
        />
      </div>
    </aside>
  );
}

/** Scrolls the plan (not the page, as scrollIntoView would) so the mark is inside it. */
function keepInSight(body: HTMLElement, mark: Element): void {
  const margin = 24;
  const box = mark.getBoundingClientRect();
  const frame = body.getBoundingClientRect();
  if (box.top < frame.top + margin) body.scrollTop -= frame.top + margin - box.top;
  else if (box.bottom > frame.bottom - margin) body.scrollTop += box.bottom - (frame.bottom - margin);
}
