import { describe, expect, it } from 'vitest';
import type { AnnotationView, MeasurementBody, MeasurementView, Pose, SpatialAnchor } from '../../../../protocol/spatial.ts';
import { annotationRows, measurementRows, liveMarks, type SessionAnnotation, type SessionMeasurement } from './markup-items.ts';

const cameraPose: Pose = { position: [0, 1.5, 0], orientation: [0, 0, 0, 1] };
const anchor: SpatialAnchor = { pose: { position: [0, 0, -1], orientation: [0, 0, 0, 1] }, anchored: true, cameraPose };
const stored = (id: string, at: string, clearedAt: string | null = null): AnnotationView =>
  ({ id, caseId: 'c', kind: 'marker', screen: { u: 0.5, v: 0.5 }, anchor, createdBy: 'assessor', at, clearedAt }) as AnnotationView;
const session = (id: string, at: string, status: SessionAnnotation['status'], extra: Partial<SessionAnnotation> = {}): SessionAnnotation => ({
  id,
  kind: 'circle',
  screen: { u: 0.2, v: 0.3 },
  at,
  status,
  anchor: null,
  error: null,
  ...extra,
});

describe('markup items', () => {
  it('lists stored annotations (cleared ones marked) and this session’s unstored ones, newest first', () => {
    const rows = annotationRows(
      [stored('a1', '2026-01-01T10:00:00Z'), stored('a2', '2026-01-01T10:01:00Z', '2026-01-01T10:05:00Z')],
      [session('a2', '2026-01-01T10:01:00Z', 'saved'), session('a3', '2026-01-01T10:02:00Z', 'placing'), session('a4', '2026-01-01T10:03:00Z', 'failed', { error: 'No surface' }), session('a5', '2026-01-01T10:04:00Z', 'unsaved')],
    );
    expect(rows.map((r) => [r.id, r.status, r.anchored])).toEqual([
      ['a5', 'unsaved', false],
      ['a4', 'failed', null],
      ['a3', 'placing', null],
      ['a2', 'cleared', true],
      ['a1', 'stored', true],
    ]);
    expect(rows[1]!.error).toBe('No surface');
  });

  it('lists measurements with their formatted distance, stored one winning over the session copy', () => {
    const view = { id: 'm1', caseId: 'c', a: [0, 0, 0], b: [1, 0, 0], screenA: { u: 0, v: 0 }, screenB: { u: 1, v: 1 }, cameraPose: cameraPose, createdBy: 'assessor', at: '2026-01-01T10:00:00Z', distanceM: 1.2345, uncertaintyM: 0.021 } as MeasurementView;
    const live: SessionMeasurement = { id: 'm2', a: [0, 0, 0], b: [0, 0, 0.5], distanceM: 0.5, uncertaintyM: 0.01, body: null, createdBy: 'customer', at: '2026-01-01T10:01:00Z', status: 'live', shown: true };
    const rows = measurementRows([view], [{ ...live, id: 'm1', status: 'saving', createdBy: 'assessor' }, live]);
    expect(rows.map((r) => [r.id, r.text, r.status, r.createdBy])).toEqual([
      ['m2', '50.0 cm ± 1.0 cm', 'live', 'customer'],
      ['m1', '1.23 m ± 2.1 cm', 'stored', 'assessor'],
    ]);
  });

  it('draws this session’s annotations, the picked ends and the finished measurements shown', () => {
    const body = { id: 'm1', a: [0, 0, 0], b: [1, 0, 0], screenA: { u: 0.1, v: 0.1 }, screenB: { u: 0.9, v: 0.1 }, cameraPose: cameraPose } as const;
    const measured: SessionMeasurement = { id: 'm1', a: [0, 0, 0], b: [1, 0, 0], distanceM: 1, uncertaintyM: 0.012, body: { ...body, a: [0, 0, 0], b: [1, 0, 0] }, createdBy: 'assessor', at: 'x', status: 'saved', shown: true };
    const items = liveMarks(
      [session('a1', 'x', 'placing', { label: 'Dent' }), session('a2', 'x', 'failed')],
      { id: 'm2', picks: [{ screen: { u: 0.3, v: 0.3 }, status: 'hit', point: [0, 0, 0], cameraPose: cameraPose, error: null }, { screen: { u: 0.6, v: 0.3 }, status: 'waiting', point: null, cameraPose: null, error: null }] },
      [measured, { ...measured, id: 'm0', shown: false }],
    );
    expect(items.map((i) => [i.key, i.item.kind, i.state, i.item.label])).toEqual([
      ['a1', 'circle', 'pending', 'Dent'],
      ['a2', 'circle', 'failed', undefined],
      ['m1', 'measurement', 'placed', '1.00 m ± 1.2 cm'],
      ['m2-line', 'measurement', 'pending', undefined],
      ['m2-0', 'marker', 'placed', 'A'],
      ['m2-1', 'marker', 'pending', 'B'],
    ]);
  });
});
