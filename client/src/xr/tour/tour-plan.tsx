// The tour's floor plan or seat map as SVG, in the scene's metres seen from above: the shapes, the
// viewpoints (floor plan) or seats (seat map) to tap, and where the viewer stands and looks.
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../i18n/i18n.ts';
import type { Seat, TourManifest, TourPlan as Plan } from '../../../../protocol/tour.ts';
import { planFrame, planHeading, type PlanFrame, type PlanRotation } from './plan-geometry.ts';
import { viewpointById, type TourView } from './tour-view-state.ts';
import './tour-plan.css';

export interface TourPlanProps {
  tour: TourManifest & { plan: Plan };
  view: Pick<TourView, 'viewpoint' | 'yaw'>;
  rotation: PlanRotation;
  /** The seat shown highlighted (the one whose view is open). */
  seat?: string | null;
  onViewpoint: (viewpointId: string) => void;
  onSeat: (seat: Seat) => void;
}

/** Half-angle of the viewing cone drawn at the viewer's position, and its length in metres. */
const CONE_HALF_ANGLE = 32;
const CONE_LENGTH_M = 1.4;

/** A seat's accessible name: "Seat 23A, Economy, window, exit row", in the page's language. */
export function seatLabel(seat: Seat): string {
  const where = seat.window ? 'window' : seat.aisle ? 'aisle' : 'middle';
  const t = i18next.getFixedT(null, 'tour');
  return t(`plan.${seat.exitRow ? 'seatExit' : 'seat'}.${where}`, { id: seat.id, class: t(`seatClass.${seat.class}`) });
}

export function TourPlan(props: TourPlanProps) {
  const { t } = useTranslation('tour');
  const { plan } = props.tour;
  const frame = planFrame(plan.bounds, props.rotation);
  const pad = 0.3;
  const here = viewpointById(props.tour, props.view.viewpoint);
  const seats = plan.kind === 'seats';
  const windowSide = seats ? windowSides(frame, plan.seats) : () => null;
  return (
    <svg
      className={`tour-plan tour-plan-${plan.kind}`}
      data-testid={seats ? 'seat-map' : 'floor-plan'}
      viewBox={`${-pad} ${-pad} ${frame.width + 2 * pad} ${frame.height + 2 * pad}`}
      role="group"
      aria-label={seats ? t('plan.seats') : t('plan.floor')}
    >
      {plan.shapes.map((shape, i) => (
        <polygon key={i} className={`plan-shape plan-${shape.kind}`} points={shape.points.map(([x, z]) => frame.point(x, z).join(',')).join(' ')} />
      ))}
      {/* Rooms are named; furniture speaks for itself and its name would sit on the room's. */}
      {plan.shapes.map((shape, i) => shape.label && shape.kind === 'room' && <ShapeLabel key={`label-${i}`} frame={frame} points={shape.points} label={shape.label} />)}
      {seats
        ? plan.seats.map((seat) => <SeatMark key={seat.id} frame={frame} seat={seat} windowSide={windowSide(seat)} selected={props.seat === seat.id} onPick={() => props.onSeat(seat)} />)
        : props.tour.viewpoints.map((v) => {
            const [x, y] = frame.point(v.position[0], v.position[2]);
            const current = v.id === props.view.viewpoint;
            return (
              <g
                key={v.id}
                className={`plan-viewpoint ${current ? 'is-current' : ''}`}
                role="button"
                tabIndex={0}
                aria-label={t('goTo', { place: v.title })}
                aria-current={current ? 'location' : undefined}
                data-viewpoint={v.id}
                onClick={() => props.onViewpoint(v.id)}
                onKeyDown={activate(() => props.onViewpoint(v.id))}
              >
                <circle cx={x} cy={y} r={0.32} className="plan-hit" />
                <circle cx={x} cy={y} r={0.13} />
              </g>
            );
          })}
      {here && <ViewerMark frame={frame} x={here.position[0]} z={here.position[2]} yaw={props.view.yaw} />}
    </svg>
  );
}

function activate(action: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    action();
  };
}

function ShapeLabel(props: { frame: PlanFrame; points: [number, number][]; label: string }) {
  const centre = props.points.reduce(([sx, sz], [x, z]) => [sx + x / props.points.length, sz + z / props.points.length], [0, 0]);
  const [x, y] = props.frame.point(centre[0]!, centre[1]!);
  return (
    <text x={x} y={y} className="plan-label" textAnchor="middle" dominantBaseline="middle">
      {props.label}
    </text>
  );
}

type Side = 'left' | 'right' | 'top' | 'bottom';

/**
 * Which edge of each window seat faces the window on screen: the cabin is the seats' narrower
 * extent, and a window seat's window is on the far side of it from the middle.
 */
function windowSides(frame: PlanFrame, seats: readonly Seat[]): (seat: Seat) => Side | null {
  const points = seats.map((s) => frame.point(s.x, s.z));
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const across = Math.max(...xs) - Math.min(...xs) <= Math.max(...ys) - Math.min(...ys) ? 'x' : 'y';
  const middle = across === 'x' ? (Math.max(...xs) + Math.min(...xs)) / 2 : (Math.max(...ys) + Math.min(...ys)) / 2;
  return (seat) => {
    if (!seat.window) return null;
    const [x, y] = frame.point(seat.x, seat.z);
    if (across === 'x') return x < middle ? 'left' : 'right';
    return y < middle ? 'top' : 'bottom';
  };
}

function SeatMark(props: { frame: PlanFrame; seat: Seat; windowSide: Side | null; selected: boolean; onPick: () => void }) {
  const { frame, seat } = props;
  const turned = frame.rotation === 90 || frame.rotation === 270;
  // The seat's width and depth are along the plan's x and z; a quarter turn swaps them on screen.
  const [w, d] = turned ? [seat.depth, seat.width] : [seat.width, seat.depth];
  const [x, y] = frame.point(seat.x, seat.z);
  const inset = 0.04;
  const bar = 0.09;
  const left = x - w / 2 + inset;
  const top = y - d / 2 + inset;
  return (
    <g
      className={`plan-seat seat-${seat.class} ${props.selected ? 'is-selected' : ''} ${seat.window ? 'is-window' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={seatLabel(seat)}
      aria-pressed={props.selected}
      data-seat={seat.id}
      onClick={props.onPick}
      onKeyDown={activate(props.onPick)}
    >
      <rect x={left} y={top} width={w - 2 * inset} height={d - 2 * inset} rx={0.08} />
      {props.windowSide && (
        <rect
          className="plan-seat-window"
          x={props.windowSide === 'right' ? x + w / 2 - inset - bar : left}
          y={props.windowSide === 'bottom' ? y + d / 2 - inset - bar : top}
          width={props.windowSide === 'left' || props.windowSide === 'right' ? bar : w - 2 * inset}
          height={props.windowSide === 'top' || props.windowSide === 'bottom' ? bar : d - 2 * inset}
        />
      )}
      <text x={x} y={y} className="plan-seat-id" fontSize={Math.min(0.17, Math.min(w, d) * 0.34)} textAnchor="middle" dominantBaseline="central">
        {seat.id}
      </text>
    </g>
  );
}

function ViewerMark(props: { frame: PlanFrame; x: number; z: number; yaw: number }) {
  const [cx, cy] = props.frame.point(props.x, props.z);
  const edge = (offset: number) => {
    const [dx, dy] = planHeading(props.frame, props.yaw + offset);
    return `${cx + dx * CONE_LENGTH_M},${cy + dy * CONE_LENGTH_M}`;
  };
  return (
    <g className="plan-viewer" data-testid="plan-viewer" aria-hidden="true">
      <polygon className="plan-viewer-cone" points={`${cx},${cy} ${edge(CONE_HALF_ANGLE)} ${edge(-CONE_HALF_ANGLE)}`} />
      <circle cx={cx} cy={cy} r={0.18} className="plan-viewer-dot" />
    </g>
  );
}
