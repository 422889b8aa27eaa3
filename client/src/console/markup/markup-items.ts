// What this console placed during the live session, merged with what the server stored: the rows of
// the markup panel, and the marks drawn over the live video.
import type { AnnotationView, MeasurementView } from '../../../../protocol/spatial.ts';
import { formatMeasurement, type AnnotationKind, type LayerItem, type MeasurementBody, type ScreenPoint, type SpatialAnchor, type Vec3 } from '../../../../protocol/spatial.ts';
import type { MeasureDraft } from './measure-flow.ts';

export interface SessionAnnotation {
  id: string;
  kind: AnnotationKind;
  screen: ScreenPoint;
  label?: string;
  /** When the assessor clicked. */
  at: string;
  /** placing: asked the device; saving/saved/unsaved: placed, stored or not; failed: nothing placed. */
  status: 'placing' | 'saving' | 'saved' | 'unsaved' | 'failed';
  anchor: SpatialAnchor | null;
  error: string | null;
}

export interface SessionMeasurement {
  id: string;
  a: Vec3;
  b: Vec3;
  distanceM: number;
  uncertaintyM: number;
  /** The assessor's measurement, to store (and store again after a failure); null for the customer's own. */
  body: MeasurementBody | null;
  createdBy: 'assessor' | 'customer';
  at: string;
  /** live: the customer's, shown until their device stores it. */
  status: 'saving' | 'saved' | 'unsaved' | 'live';
  /** Still drawn over the live video (until "Clear all"). */
  shown: boolean;
}

export type RowStatus = 'placing' | 'saving' | 'unsaved' | 'failed' | 'live' | 'stored' | 'cleared';

export interface AnnotationRow {
  id: string;
  kind: AnnotationKind;
  label: string | null;
  /** True when held in the room, false when flat on the picture, null before the device answered. */
  anchored: boolean | null;
  createdBy: 'assessor' | 'customer';
  at: string;
  clearedAt: string | null;
  status: RowStatus;
  error: string | null;
}

export interface MeasurementRow {
  id: string;
  text: string;
  label: string | null;
  createdBy: 'assessor' | 'customer';
  at: string;
  status: RowStatus;
}

const newestFirst = <T extends { at: string }>(rows: T[]): T[] => rows.sort((a, b) => b.at.localeCompare(a.at));

export function annotationRows(stored: readonly AnnotationView[], session: readonly SessionAnnotation[]): AnnotationRow[] {
  const storedIds = new Set(stored.map((a) => a.id));
  const rows = stored.map(
    (a): AnnotationRow => ({
      id: a.id,
      kind: a.kind,
      label: a.label ?? null,
      anchored: a.anchor !== null,
      createdBy: a.createdBy,
      at: a.at,
      clearedAt: a.clearedAt,
      status: a.clearedAt ? 'cleared' : 'stored',
      error: null,
    }),
  );
  for (const s of session) {
    if (storedIds.has(s.id) || s.status === 'saved') continue;
    const placed = s.status !== 'placing' && s.status !== 'failed';
    rows.push({ id: s.id, kind: s.kind, label: s.label ?? null, anchored: placed ? s.anchor !== null : null, createdBy: 'assessor', at: s.at, clearedAt: null, status: s.status === 'saving' ? 'saving' : s.status, error: s.error });
  }
  return newestFirst(rows);
}

export function measurementRows(stored: readonly MeasurementView[], session: readonly SessionMeasurement[]): MeasurementRow[] {
  const storedIds = new Set(stored.map((m) => m.id));
  const rows = stored.map((m): MeasurementRow => ({ id: m.id, text: formatMeasurement(m.distanceM, m.uncertaintyM), label: m.label ?? null, createdBy: m.createdBy, at: m.at, status: 'stored' }));
  for (const s of session) {
    if (storedIds.has(s.id) || s.status === 'saved') continue;
    rows.push({ id: s.id, text: formatMeasurement(s.distanceM, s.uncertaintyM), label: null, createdBy: s.createdBy, at: s.at, status: s.status });
  }
  return newestFirst(rows);
}

export interface LiveMark {
  key: string;
  item: LayerItem;
  state: 'pending' | 'placed' | 'failed';
}

/** The marks over the live video: this session's annotations, the measurement being picked, and finished ones. */
export function liveMarks(annotations: readonly SessionAnnotation[], draft: MeasureDraft | null, measurements: readonly SessionMeasurement[]): LiveMark[] {
  const items: LiveMark[] = annotations.map((a) => ({
    key: a.id,
    item: { kind: a.kind, points: [a.screen], ...(a.label ? { label: a.label } : {}) },
    state: a.status === 'placing' ? 'pending' : a.status === 'failed' ? 'failed' : 'placed',
  }));
  for (const m of measurements) {
    if (m.shown && m.body) items.push({ key: m.id, item: { kind: 'measurement', points: [m.body.screenA, m.body.screenB], label: formatMeasurement(m.distanceM, m.uncertaintyM) }, state: 'placed' });
  }
  if (draft) {
    const [first, second] = draft.picks;
    if (first && second) items.push({ key: `${draft.id}-line`, item: { kind: 'measurement', points: [first.screen, second.screen] }, state: 'pending' });
    draft.picks.forEach((pick, index) => {
      if (pick) items.push({ key: `${draft.id}-${index}`, item: { kind: 'marker', points: [pick.screen], label: index === 0 ? 'A' : 'B' }, state: pick.status === 'waiting' ? 'pending' : pick.status === 'missed' ? 'failed' : 'placed' });
    });
  }
  return items;
}
