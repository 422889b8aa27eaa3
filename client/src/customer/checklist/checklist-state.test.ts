import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_TEMPLATES, checklistState, QUALITY_ADVICE, type ChecklistCapture, type ChecklistTemplateId } from '../../../../protocol/checklist.ts';
import { adviceFor, aimOf, applyCapture, doneCount, focusItem, photoFileName } from './checklist-state.ts';

const capture = (itemId: string, accepted: boolean, n: number, problems: ChecklistCapture['problems'] = accepted ? [] : ['blurry']): ChecklistCapture => ({
  itemId,
  evidenceId: `ev-${n}`,
  accepted,
  problems,
  at: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
});

describe('applyCapture', () => {
  it('agrees with the server’s fold (checklistState) for any sequence of verdicts', () => {
    const templates = Object.keys(CHECKLIST_TEMPLATES) as ChecklistTemplateId[];
    const arbitrary = fc.constantFrom(...templates).chain((template) =>
      fc.tuple(
        fc.constant(template),
        fc.array(
          fc.record({
            item: fc.constantFrom(...CHECKLIST_TEMPLATES[template].items.map((i) => i.id)),
            accepted: fc.boolean(),
            problems: fc.subarray(['blurry', 'too-dark', 'too-bright'] as const),
          }),
          { maxLength: 20 },
        ),
      ),
    );
    fc.assert(
      fc.property(arbitrary, ([template, steps]) => {
        const captures = steps.map((s, n) => capture(s.item, s.accepted, n, s.accepted ? [] : s.problems));
        const folded = captures.reduce(applyCapture, checklistState(template, []));
        expect(folded).toEqual(checklistState(template, captures));
      }),
    );
  });

  it('keeps a done item done when a later photo of it fails', () => {
    const view = checklistState('property', [capture('damage-close-up', true, 1)]);
    const next = applyCapture(view, capture('damage-close-up', false, 2));
    expect(next.items[1]).toMatchObject({ status: 'done', attempts: 2, acceptedEvidenceIds: ['ev-1'], problems: [] });
  });
});

describe('focusItem', () => {
  it('is the first item not done, then null when complete', () => {
    let view = checklistState('property', []);
    expect(focusItem(view, null)?.id).toBe('room-overview');
    view = applyCapture(view, capture('room-overview', false, 1));
    expect(focusItem(view, null)).toMatchObject({ id: 'room-overview', status: 'retake', problems: ['blurry'] });
    view = applyCapture(view, capture('room-overview', true, 2));
    expect(focusItem(view, null)?.id).toBe('damage-close-up');
    view = applyCapture(view, capture('damage-close-up', true, 3));
    expect(view.complete).toBe(true);
    expect(doneCount(view)).toBe(2);
    expect(focusItem(view, null)).toBeNull();
  });

  it('is the chosen item while adding another photo, but only for a repeatable item', () => {
    const view = checklistState('property', [capture('room-overview', true, 1), capture('damage-close-up', true, 2)]);
    expect(focusItem(view, 'damage-close-up')?.id).toBe('damage-close-up');
    expect(focusItem(view, 'room-overview')).toBeNull();
    expect(focusItem(view, 'no-such-item')).toBeNull();
  });
});

describe('words and numbers', () => {
  it('places the item in the checklist for the aim guide', () => {
    const view = checklistState('vehicle', []);
    const vin = view.items.find((i) => i.id === 'vin-plate')!;
    expect(aimOf(view, vin)).toEqual({ itemId: 'vin-plate', title: 'VIN plate', hint: vin.hint, aim: 'close-up', position: 5, total: 7 });
  });

  it('gives one line of advice per problem, and a line even when the server named none', () => {
    expect(adviceFor(['blurry', 'too-dark'])).toEqual([QUALITY_ADVICE.blurry, QUALITY_ADVICE['too-dark']]);
    expect(adviceFor([])).toHaveLength(1);
  });

  it('names the photo file after the item and the device time', () => {
    expect(photoFileName('vin-plate', '2025-01-02T03:04:05.678Z', 'image/jpeg')).toBe('vin-plate-2025-01-02T03-04-05-678Z.jpg');
    expect(photoFileName('odometer', '2025-01-02T03:04:05.678Z', 'image/png')).toBe('odometer-2025-01-02T03-04-05-678Z.png');
  });
});
