// Measuring in a tour: two taps on the scene give two points and the distance between them, on the
// tour's true scale (the scene is in metres). A third tap starts a new measurement.
import type { Vec3 } from '../../../../protocol/tour.ts';
import { i18next } from '../../i18n/i18n.ts';

export type MeasurePoints = [] | [Vec3] | [Vec3, Vec3];

export function addMeasurePoint(points: MeasurePoints, point: Vec3): MeasurePoints {
  return points.length === 1 ? [points[0], point] : [point];
}

export function measuredDistance(points: MeasurePoints): number | null {
  if (points.length !== 2) return null;
  const [a, b] = points;
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** "2.35 m", or "85 cm" under a metre: what a tape measure would say. */
export function formatDistance(metres: number): string {
  return metres < 1 ? `${Math.round(metres * 100)} cm` : `${metres.toFixed(2)} m`;
}

/** What the measuring tool asks for next, or says it found. */
export function measurePrompt(points: MeasurePoints): string {
  const distance = measuredDistance(points);
  if (distance !== null) return i18next.t('tour:measure.distance', { distance: formatDistance(distance) });
  return i18next.t(points.length === 0 ? 'tour:measure.from' : 'tour:measure.to');
}
