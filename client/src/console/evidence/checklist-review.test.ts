import { describe, expect, it } from 'vitest';
import { checklistState } from '../../../../protocol/checklist.ts';
import type { EvidenceView } from '../../../../protocol/http.ts';
import { checklistItemTitle, itemPhotos, verdictText } from './checklist-review.ts';

const photo = (id: string, receivedAt: string, itemId: string, accepted: boolean): EvidenceView =>
  ({ id, receivedAt, checklist: { itemId, evidenceId: id, accepted, problems: accepted ? [] : ['blurry'], at: receivedAt } }) as unknown as EvidenceView;

describe('checklist review', () => {
  it('words a verdict', () => {
    expect(verdictText({ accepted: true, problems: [] })).toBe('Accepted');
    expect(verdictText({ accepted: false, problems: ['blurry', 'too-dark'] })).toBe('Rejected: blurry, too dark');
    expect(verdictText({ accepted: false, problems: [] })).toBe('Rejected');
  });

  it('finds an item title in the case template, any template, or falls back to the id', () => {
    expect(checklistItemTitle('vin-plate', 'vehicle')).toBe('VIN plate');
    expect(checklistItemTitle('room-overview', null)).toBe('Room overview');
    expect(checklistItemTitle('vin-plate', 'travel')).toBe('vin-plate');
  });

  it('lists an item’s attempts oldest first and accepted photos not here yet', () => {
    const view = checklistState('vehicle', [
      { itemId: 'vin-plate', evidenceId: 'e1', accepted: false, problems: ['blurry'], at: '2026-01-01T10:00:00Z' },
      { itemId: 'vin-plate', evidenceId: 'e2', accepted: true, problems: [], at: '2026-01-01T10:01:00Z' },
      { itemId: 'vin-plate', evidenceId: 'e3', accepted: true, problems: [], at: '2026-01-01T10:02:00Z' },
    ]);
    const vin = view.items.find((i) => i.id === 'vin-plate')!;
    const evidence = [photo('e2', '2026-01-01T10:01:00Z', 'vin-plate', true), photo('e1', '2026-01-01T10:00:00Z', 'vin-plate', false), photo('x', '2026-01-01T10:00:00Z', 'odometer', true)];
    expect(itemPhotos(vin, evidence).map((p) => [p.evidenceId, p.accepted, p.evidence !== null])).toEqual([
      ['e1', false, true],
      ['e2', true, true],
      ['e3', true, false],
    ]);
  });
});
