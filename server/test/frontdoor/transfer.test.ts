// Who a warm transfer goes to: the named colleague only when free for the channel, else the best free
// match for the skill by routing's own rules, never the sender; and which entries are a warm transfer.
import { describe, expect, it } from 'vitest';
import { isWarmTransfer, warmColleague } from '../../src/frontdoor/transfer.ts';
import { assessor, at, entry } from './routing-fixtures.ts';

const call = entry('qe_1', { channel: 'video' });

describe('warmColleague', () => {
  it('takes the named colleague only when available, with no offer open and room on the channel', () => {
    const now = at(60);
    expect(warmColleague(call, 'me', [assessor('bo')], now, { to: 'bo' })).toBe('bo');
    expect(warmColleague(call, 'me', [assessor('bo', { status: 'busy' })], now, { to: 'bo' })).toBeNull();
    expect(warmColleague(call, 'me', [assessor('bo', { pendingOffer: 'qe_9' })], now, { to: 'bo' })).toBeNull();
    expect(warmColleague(call, 'me', [assessor('bo', { load: { text: 1 } })], now, { to: 'bo' })).toBeNull();
    expect(warmColleague(call, 'me', [assessor('bo', { capacity: { text: 3 } })], now, { to: 'bo' })).toBeNull();
    expect(warmColleague(call, 'me', [], now, { to: 'bo' })).toBeNull();
  });

  it('by skill: the best free match, never the sender, whoever passed the entry over before', () => {
    const now = at(60);
    const people = [assessor('me', { skills: { roof: 5 } }), assessor('ann', { skills: { roof: 2 } }), assessor('bo', { skills: { roof: 4 } }), assessor('cy', { skills: { roof: 5 }, status: 'away' })];
    const passed = entry('qe_1', { channel: 'video', passedOver: ['bo'] });
    expect(warmColleague(passed, 'me', people, now, { skill: { skill: 'roof', minLevel: 2 } })).toBe('bo');
    expect(warmColleague(passed, 'me', people, now, { skill: { skill: 'roof', minLevel: 5 } })).toBeNull();
    // The named colleague is busy: the skill decides.
    expect(warmColleague(passed, 'me', people, now, { to: 'cy', skill: { skill: 'roof', minLevel: 2 } })).toBe('bo');
  });

  it('marks an entry offered while still assigned as a warm transfer', () => {
    expect(isWarmTransfer({ state: 'offered', assignedTo: 'me' })).toBe(true);
    expect(isWarmTransfer({ state: 'offered', assignedTo: null })).toBe(false);
    expect(isWarmTransfer({ state: 'assigned', assignedTo: 'me' })).toBe(false);
  });
});
