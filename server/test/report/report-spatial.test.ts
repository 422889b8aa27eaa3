// What the report makes of spatial evidence and guided capture: overlay text resolved from the
// server's measurements, measurements numbered with who took them, checklist items with their photos.
import { describe, expect, it } from 'vitest';
import { checklistState } from '../../../protocol/checklist.ts';
import type { MeasurementView } from '../../../protocol/spatial.ts';
import { overlayOf, reportChecklist, reportMeasurements } from '../../src/report/report-spatial.ts';

const at = '2026-05-04T14:03:22.000Z';
const measurement = (id: string, distanceM: number, label?: string): MeasurementView => ({
  id, a: [0, 0, 0], b: [distanceM, 0, 0], screenA: { u: 0, v: 0 }, screenB: { u: 1, v: 0 },
  cameraPose: { position: [0, 1, 0], orientation: [0, 0, 0, 1] }, ...(label ? { label } : {}),
  caseId: 'case_s', createdBy: 'customer', at, distanceM, uncertaintyM: 0.0123,
});

describe('overlayOf', () => {
  const measurements = new Map([['m-1', measurement('m-1', 1.5)]]);

  it('shows a measurement line with the server\'s figure, after its label, whatever the client wrote', () => {
    const overlay = overlayOf({
      items: [
        { kind: 'measurement', points: [{ u: 0.1, v: 0.1 }, { u: 0.9, v: 0.1 }], refId: 'm-1', label: 'Width' },
        { kind: 'measurement', points: [{ u: 0.1, v: 0.2 }, { u: 0.9, v: 0.2 }], refId: 'm-1' },
        { kind: 'measurement', points: [{ u: 0.1, v: 0.3 }, { u: 0.9, v: 0.3 }], refId: 'unknown', label: '9 m' },
        { kind: 'marker', points: [{ u: 0.5, v: 0.5 }] },
      ],
    }, measurements);
    expect(overlay.map((i) => i.text)).toEqual(['Width: 1.50 m ± 1.2 cm', '1.50 m ± 1.2 cm', '9 m', null]);
    expect(overlay[3]).toEqual({ kind: 'marker', points: [{ u: 0.5, v: 0.5 }], text: null });
  });

  it('is empty for a photo without a layer', () => {
    expect(overlayOf(null, measurements)).toEqual([]);
    expect(overlayOf(undefined, measurements)).toEqual([]);
  });
});

describe('reportMeasurements', () => {
  it('numbers them in order with their text and who took them', () => {
    const rows = reportMeasurements([measurement('m-1', 0.456, 'Crack'), measurement('m-2', 2)], (m) => `who ${m.id}`);
    expect(rows.map((r) => [r.number, r.label, r.text, r.who])).toEqual([
      [1, 'Crack', '45.6 cm ± 1.2 cm', 'who m-1'],
      [2, null, '2.00 m ± 1.2 cm', 'who m-2'],
    ]);
  });
});

describe('reportChecklist', () => {
  it('lists each item with its status, attempts and accepted photos', () => {
    const state = checklistState('property', [
      { itemId: 'room-overview', evidenceId: 'ev_1', accepted: false, problems: ['blurry'], at },
      { itemId: 'room-overview', evidenceId: 'ev_2', accepted: true, problems: [], at },
    ]);
    const photo = (id: string) => ({ number: id === 'ev_2' ? 2 : null, thumbnailSha256: 't'.repeat(64), purged: false });
    const report = reportChecklist(state, photo);
    expect(report).toEqual({
      template: 'property',
      title: 'Property',
      complete: false,
      items: [
        { id: 'room-overview', title: 'Room overview', status: 'done', attempts: 2, problems: [], accepted: [{ number: 2, thumbnailSha256: 't'.repeat(64), purged: false }] },
        { id: 'damage-close-up', title: 'Damage close-up with a reference object', status: 'pending', attempts: 0, problems: [], accepted: [] },
      ],
    });
    expect(reportChecklist(null, photo)).toBeNull();
  });
});
