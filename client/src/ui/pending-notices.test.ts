import { describe, expect, it } from 'vitest';
import { answeredIds } from './pending-notices.ts';

const open = (item: { state: string }) => item.state === 'open';

describe('answeredIds', () => {
  it('lets go of a notice once its item has left the waiting state', () => {
    const items = [{ id: 'a', state: 'accepted' }, { id: 'b', state: 'open' }, { id: 'c', state: 'declined' }];
    expect(answeredIds(['a', 'b', 'c'], items, open)).toEqual(['a', 'c']);
  });

  it('holds a notice whose item is not loaded yet (a reload that started before it was made)', () => {
    expect(answeredIds(['new'], [{ id: 'old', state: 'superseded' }], open)).toEqual([]);
  });

  it('holds nothing when nothing is held', () => {
    expect(answeredIds([], [{ id: 'a', state: 'accepted' }], open)).toEqual([]);
  });
});
