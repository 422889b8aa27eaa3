import { describe, expect, it } from 'vitest';
import { isSuperseded, photoNumbers, replacedItems, replacementCandidates, replacementOf } from './evidence-corrections.ts';

const item = (id: string, receivedAt: string, extra: object = {}) => ({ id, receivedAt, ...extra });
const a = item('a', '2026-01-01T10:00:00Z');
const b = item('b', '2026-01-01T10:05:00Z', { superseded: { at: '2026-01-01T11:00:00Z', reason: 'wrong car', replacedBy: 'c' }, supersededBy: 'c' });
const c = item('c', '2026-01-01T10:10:00Z');
const d = item('d', '2026-01-01T10:15:00Z', { purged: true });
const all = [c, a, d, b];

describe('evidence corrections', () => {
  it('numbers photos in arrival order, whatever the list order', () => {
    expect([...photoNumbers(all)]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ]);
  });

  it('knows what is superseded and by what', () => {
    expect(isSuperseded(a)).toBe(false);
    expect(isSuperseded(b)).toBe(true);
    expect(isSuperseded(item('x', '', { superseded: { at: '', reason: 'r', replacedBy: null } }))).toBe(true);
    expect(replacementOf(b)).toBe('c');
    expect(replacementOf(item('y', '', { supersededBy: 'a' }))).toBe('a');
    expect(replacementOf(a)).toBeNull();
    expect(replacedItems(all, 'c').map((e) => e.id)).toEqual(['b']);
    expect(replacedItems(all, 'a')).toEqual([]);
  });

  it('offers the other live photos as replacements, newest first', () => {
    expect(replacementCandidates(all, 'a').map((e) => e.id)).toEqual(['c']);
    expect(replacementCandidates([a, c, item('e', '2026-01-01T12:00:00Z')], 'c').map((e) => e.id)).toEqual(['e', 'a']);
  });
});
