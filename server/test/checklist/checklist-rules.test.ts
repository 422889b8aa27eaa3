// The server's checklist decisions: which items a case's photos may be filed under, and the verdict
// on a photo from its blur and brightness.
import { describe, expect, it } from 'vitest';
import { MAX_BRIGHTNESS, MIN_BRIGHTNESS } from '../../../protocol/checklist.ts';
import { checklistItemRefusal, judgePhoto } from '../../src/checklist/checklist-rules.ts';

describe('checklistItemRefusal', () => {
  it('allows an item of the case\'s template', () => {
    expect(checklistItemRefusal('vehicle', 'vin-plate')).toBeNull();
    expect(checklistItemRefusal('property', 'damage-close-up')).toBeNull();
  });

  it('refuses with 422 an item of another template, naming the items there are', () => {
    const refusal = checklistItemRefusal('vehicle', 'room-overview');
    expect(refusal).toMatchObject({ status: 422, code: 'unknown_checklist_item' });
    expect(refusal?.message).toContain('corner-front-left');
  });

  it('refuses with 422 any item when the case has no checklist', () => {
    expect(checklistItemRefusal(null, 'vin-plate')).toMatchObject({ status: 422, code: 'no_checklist' });
  });
});

describe('judgePhoto', () => {
  it('accepts a sharp, well-exposed photo, including at the exposure bounds', () => {
    expect(judgePhoto({ blurry: false, brightness: 128 })).toEqual({ accepted: true, problems: [] });
    expect(judgePhoto({ blurry: false, brightness: MIN_BRIGHTNESS }).accepted).toBe(true);
    expect(judgePhoto({ blurry: false, brightness: MAX_BRIGHTNESS }).accepted).toBe(true);
  });

  it('rejects blur and bad exposure, listing every problem', () => {
    expect(judgePhoto({ blurry: true, brightness: 10 })).toEqual({ accepted: false, problems: ['blurry', 'too-dark'] });
    expect(judgePhoto({ blurry: false, brightness: MAX_BRIGHTNESS + 1 })).toEqual({ accepted: false, problems: ['too-bright'] });
  });
});
