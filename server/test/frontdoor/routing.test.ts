import { describe, expect, it } from 'vitest';
import { OfferFacts } from '../../../protocol/queue.ts';
import { routingPass } from '../../src/frontdoor/routing.ts';
import { activeStep, describeFacts, describeMatch, matchFacts } from '../../src/frontdoor/routing-steps.ts';
import { AUTO_STEPS, assessor, at, entry, T0 } from './routing-fixtures.ts';

const offersOf = (...args: Parameters<typeof routingPass>) => routingPass(...args).map((o) => `${o.entryId}→${o.assessorId}`);

describe('activeStep', () => {
  const e = entry('e1', { steps: AUTO_STEPS });
  it.each([
    [0, 0], [29.999, 0], [30, 1], [30.001, 1], [119.999, 1], [120, 2], [3600, 2],
  ])('after %s s of waiting the step in force is #%s', (seconds, index) => {
    expect(activeStep(e, at(seconds)).index).toBe(index);
  });

  it('says when the step took over', () => {
    expect(activeStep(e, at(10)).since).toBe(T0);
    expect(activeStep(e, at(45)).since).toBe(at(30));
    expect(activeStep(e, at(500)).since).toBe(at(120));
  });

  it('counts a clock behind the enqueue time as no wait, and no steps as anyone from the start', () => {
    expect(activeStep(e, at(-90)).index).toBe(0);
    expect(activeStep(entry('e2'), at(5)).step.requires).toEqual([]);
  });

  it('applies the first step from the start even when it names a later time', () => {
    const late = entry('e3', { steps: [{ afterSeconds: 10, requires: [{ skill: 'auto', minLevel: 1 }] }] });
    expect(activeStep(late, at(0)).index).toBe(0);
  });
});

describe('describeMatch', () => {
  const e = entry('e1', { steps: AUTO_STEPS, pinnedTo: 'asr_p' });
  it('names the requirement and whether it relaxed', () => {
    expect(describeMatch(e, 0)).toBe('matched auto≥3 (first step)');
    expect(describeMatch(e, 1)).toBe('matched auto≥2 after relaxing at 30 s');
    expect(describeMatch(e, 2)).toBe('matched any assessor after relaxing at 120 s');
    expect(describeMatch(entry('e2', { steps: [{ afterSeconds: 0, requires: [{ skill: 'auto', minLevel: 2 }, { skill: 'lang:zh-CN', minLevel: 3 }] }] }), 0))
      .toBe('matched auto≥2 and lang:zh-CN≥3 (first step)');
  });
  it('says what else shaped the choice', () => {
    expect(describeMatch(e, -1, { pinned: true })).toBe('pinned to asr_p');
    expect(describeMatch(e, 1, { pinLapsed: 'passed over', clearedPassedOver: true }))
      .toBe('pin to asr_p lapsed (passed over); matched auto≥2 after relaxing at 30 s; every eligible assessor had passed it over, so the list was cleared');
  });
  it('keeps the same as language-neutral facts, from which the English is made', () => {
    expect(matchFacts(e, -1, { pinned: true })).toEqual({ kind: 'pinned', to: 'asr_p' });
    const lapsed = matchFacts(e, 1, { pinLapsed: 'offline', clearedPassedOver: true });
    expect(lapsed).toEqual({ kind: 'matched', stepIndex: 1, afterSeconds: 30, requires: [{ skill: 'auto', minLevel: 2 }], pinLapsed: { to: 'asr_p', why: 'offline' }, clearedPassedOver: true });
    expect(OfferFacts.parse(lapsed)).toEqual(lapsed);
    expect(matchFacts(entry('e3'), 0)).toEqual({ kind: 'matched', stepIndex: 0, afterSeconds: 0, requires: [] });
    expect(describeFacts({ kind: 'transfer', from: 'asr_2' })).toBe('warm transfer from asr_2');
    expect(describeFacts({ kind: 'transfer', from: 'asr_2', skill: { skill: 'auto', minLevel: 2 } })).toBe('warm transfer from asr_2 (auto≥2)');
  });
});

describe('routingPass: skills and relaxing', () => {
  const e = entry('e1', { steps: AUTO_STEPS });
  const two = assessor('asr_two', { skills: { auto: 2 } });
  const none = assessor('asr_none', { skills: { property: 5 } });

  it('offers nobody below the step in force, until the step that accepts them takes over', () => {
    expect(routingPass([e], [two, none], at(29.999))).toEqual([]);
    expect(routingPass([e], [two, none], at(30))).toEqual([
      { entryId: 'e1', assessorId: 'asr_two', stepIndex: 1, reason: 'matched auto≥2 after relaxing at 30 s', clearedPassedOver: false,
        facts: { kind: 'matched', stepIndex: 1, afterSeconds: 30, requires: [{ skill: 'auto', minLevel: 2 }] } },
    ]);
    expect(offersOf([e], [none], at(119.999))).toEqual([]);
    expect(routingPass([e], [none], at(120))[0]).toMatchObject({ assessorId: 'asr_none', stepIndex: 2, reason: 'matched any assessor after relaxing at 120 s' });
  });

  it('prefers the best skill match for the step in force', () => {
    const three = assessor('asr_3', { skills: { auto: 3 } });
    const five = assessor('asr_5', { skills: { auto: 5 } });
    expect(routingPass([e], [three, five], at(0))[0]).toMatchObject({ assessorId: 'asr_5', stepIndex: 0, reason: 'matched auto≥3 (first step)' });
  });

  it('does not read a skill named like an Object property from the prototype', () => {
    const odd = entry('e9', { steps: [{ afterSeconds: 0, requires: [{ skill: 'constructor', minLevel: 1 }] }] });
    expect(routingPass([odd], [assessor('asr_a')], at(0))).toEqual([]);
  });
});

describe('routingPass: order', () => {
  const a = assessor('asr_a');
  it('serves higher priority first, then the oldest, then by id', () => {
    const old = entry('old', { enqueuedAt: at(0) });
    const urgent = entry('urgent', { enqueuedAt: at(50), priority: 2 });
    const young = entry('young', { enqueuedAt: at(40) });
    expect(offersOf([young, old, urgent], [a], at(60))).toEqual(['urgent→asr_a']);
    expect(offersOf([young, old], [a], at(60))).toEqual(['old→asr_a']);
    expect(offersOf([entry('b'), entry('a')], [a], at(60))).toEqual(['a→asr_a']);
  });

  it('lets the higher entry choose first, so a lower one takes only what is left', () => {
    const x = assessor('asr_x', { skills: { auto: 5 } });
    const y = assessor('asr_y', { skills: { auto: 1, travel: 4 } });
    const high = entry('high', { priority: 1, enqueuedAt: at(10), steps: [{ afterSeconds: 0, requires: [{ skill: 'auto', minLevel: 3 }] }] });
    const low = entry('low', { steps: [{ afterSeconds: 0, requires: [{ skill: 'auto', minLevel: 1 }] }] });
    expect(offersOf([low, high], [x, y], at(20))).toEqual(['high→asr_x', 'low→asr_y']);
  });

  it('reserves a chatting assessor for a waiting call, so newer chats cannot keep them from ever being free', () => {
    const chatting = assessor('asr_c', { load: { text: 1 } });
    const call = entry('call', { channel: 'voice', enqueuedAt: at(0) });
    const chat = entry('chat', { channel: 'text', enqueuedAt: at(5) });
    expect(offersOf([call, chat], [chatting], at(10))).toEqual([]);
    // With the call gone, the chat is offered as usual.
    expect(offersOf([chat], [chatting], at(10))).toEqual(['chat→asr_c']);
    // An older chat still goes first: the reservation only keeps lower entries off.
    expect(offersOf([call, entry('older', { enqueuedAt: at(-5) })], [chatting], at(10))).toEqual(['older→asr_c']);
  });

  it('reserves the assessor with fewest chats, and leaves the others to chats', () => {
    const one = assessor('asr_1', { load: { text: 1 } });
    const two = assessor('asr_2', { load: { text: 2 } });
    const call = entry('call', { channel: 'video', enqueuedAt: at(0) });
    expect(offersOf([call, entry('chat', { enqueuedAt: at(1) })], [two, one], at(10))).toEqual(['chat→asr_2']);
  });

  it('gives the same offers whatever order the rows come in', () => {
    const entries = [entry('e1', { priority: 1 }), entry('e2', { enqueuedAt: at(-3) }), entry('e3', { channel: 'voice' }), entry('e4')];
    const assessors = [assessor('asr_a'), assessor('asr_b', { lastAssignedAt: at(-100) }), assessor('asr_c', { load: { text: 2 } })];
    const once = routingPass(entries, assessors, at(5));
    expect(routingPass([...entries].reverse(), [...assessors].reverse(), at(5))).toEqual(once);
    expect(once.map((o) => o.entryId)).toEqual(['e1', 'e2', 'e3']);
  });
});

describe('routingPass: one offer at a time', () => {
  it('makes no second offer for an entry with an offer out', () => {
    const waiting = assessor('asr_a', { pendingOffer: 'e1' });
    expect(offersOf([entry('e1')], [waiting, assessor('asr_b')], at(1))).toEqual([]);
  });

  it('gives an assessor one offer at most, even with room for more chats', () => {
    expect(offersOf([entry('e1'), entry('e2', { enqueuedAt: at(1) })], [assessor('asr_a')], at(2))).toEqual(['e1→asr_a']);
    expect(offersOf([entry('e2')], [assessor('asr_a', { pendingOffer: 'e1' })], at(2))).toEqual([]);
  });
});

describe('routingPass: capacity per channel', () => {
  const text = entry('t1');
  const voice = entry('v1', { channel: 'voice' });
  it('offers chats up to the text capacity', () => {
    expect(offersOf([text], [assessor('asr_a', { load: { text: 2 } })], at(1))).toEqual(['t1→asr_a']);
    expect(offersOf([text], [assessor('asr_a', { load: { text: 3 } })], at(1))).toEqual([]);
    expect(offersOf([text], [assessor('asr_a', { capacity: { voice: 1 } })], at(1))).toEqual([]);
  });

  it('treats a live session as the whole person: no chat during a call, no call during a chat', () => {
    expect(offersOf([text], [assessor('asr_a', { load: { video: 1 } })], at(1))).toEqual([]);
    expect(offersOf([voice], [assessor('asr_a', { load: { text: 1 } })], at(1))).toEqual([]);
    expect(offersOf([voice], [assessor('asr_a', { load: { xr: 1 } })], at(1))).toEqual([]);
    expect(offersOf([voice], [assessor('asr_a')], at(1))).toEqual(['v1→asr_a']);
  });

  it('treats a call of their own (from a join link) as a live session', () => {
    expect(offersOf([text], [assessor('asr_a', { inCall: true })], at(1))).toEqual([]);
    expect(offersOf([voice], [assessor('asr_a', { inCall: true })], at(1))).toEqual([]);
    expect(offersOf([voice, text], [assessor('asr_a', { inCall: true }), assessor('asr_b')], at(1))).toEqual(['t1→asr_b']);
  });

  it('offers a channel only to those who take it', () => {
    expect(offersOf([entry('x1', { channel: 'xr' })], [assessor('asr_a', { capacity: { text: 3, voice: 1, video: 1, xr: 0 } })], at(1))).toEqual([]);
  });
});

describe('routingPass: status', () => {
  it.each(['busy', 'away', 'offline'] as const)('never offers to someone %s', (status) => {
    expect(offersOf([entry('e1')], [assessor('asr_a', { status })], at(1))).toEqual([]);
  });
});

describe('routingPass: passed over', () => {
  const steps = [{ afterSeconds: 0, requires: [{ skill: 'auto', minLevel: 1 }] }];
  const a = assessor('asr_a', { skills: { auto: 5 } });
  const b = assessor('asr_b', { skills: { auto: 1 } });

  it('skips who declined or let the offer time out', () => {
    expect(offersOf([entry('e1', { steps, passedOver: ['asr_a'] })], [a, b], at(1))).toEqual(['e1→asr_b']);
  });

  it('waits for a fitting assessor who has not passed it over rather than asking a decliner again', () => {
    const full = { ...b, load: { text: 3 } };
    expect(offersOf([entry('e1', { steps, passedOver: ['asr_a'] })], [a, full], at(1))).toEqual([]);
  });

  it('starts over when every eligible assessor has passed it over, and says so', () => {
    const offers = routingPass([entry('e1', { steps, passedOver: ['asr_a', 'asr_b'] })], [a, b, assessor('asr_c', { skills: { travel: 5 } })], at(1));
    expect(offers).toEqual([{
      entryId: 'e1', assessorId: 'asr_a', stepIndex: 0, clearedPassedOver: true,
      reason: 'matched auto≥1 (first step); every eligible assessor had passed it over, so the list was cleared',
      facts: { kind: 'matched', stepIndex: 0, afterSeconds: 0, requires: [{ skill: 'auto', minLevel: 1 }], clearedPassedOver: true },
    }]);
  });
});

describe('routingPass: pinned entries', () => {
  const owner = assessor('asr_owner', { skills: {} });
  const better = assessor('asr_better', { skills: { auto: 5 }, lastAssignedAt: undefined });
  const pinned = entry('e1', { steps: AUTO_STEPS, pinnedTo: 'asr_owner' });

  it('goes only to its assessor, whatever the skills', () => {
    expect(routingPass([pinned], [better, owner], at(1))).toEqual([
      { entryId: 'e1', assessorId: 'asr_owner', stepIndex: -1, reason: 'pinned to asr_owner', facts: { kind: 'pinned', to: 'asr_owner' }, clearedPassedOver: false },
    ]);
    expect(offersOf([pinned], [better, { ...owner, load: { text: 3 } }], at(1))).toEqual([]);
    expect(offersOf([pinned], [better, { ...owner, status: 'away' }], at(1))).toEqual([]);
  });

  it('keeps new chats off the assessor a call was transferred to until their chats end', () => {
    const call = { ...pinned, channel: 'video' as const };
    const chatting = { ...owner, load: { text: 1 } };
    expect(offersOf([call, entry('chat', { enqueuedAt: at(5) })], [chatting], at(10))).toEqual([]);
    expect(offersOf([call], [{ ...owner, load: {} }], at(10))).toEqual(['e1→asr_owner']);
  });

  it('returns to the general queue once its assessor passes it over or goes offline', () => {
    expect(routingPass([{ ...pinned, passedOver: ['asr_owner'] }], [better, owner], at(1))[0])
      .toMatchObject({ assessorId: 'asr_better', reason: 'pin to asr_owner lapsed (passed over); matched auto≥3 (first step)' });
    expect(routingPass([pinned], [better, { ...owner, status: 'offline' }], at(1))[0])
      .toMatchObject({ assessorId: 'asr_better', reason: 'pin to asr_owner lapsed (offline); matched auto≥3 (first step)' });
    expect(routingPass([{ ...pinned, pinnedTo: 'asr_gone' }], [better], at(1))[0]).toMatchObject({ assessorId: 'asr_better' });
  });
});

describe('routingPass: held callbacks and fairness by idle time', () => {
  it('makes no offer for a held callback, and it does not hold up the line', () => {
    const held = entry('cb', { held: true, enqueuedAt: at(-600) });
    expect(offersOf([held, entry('e1')], [assessor('asr_a')], at(1))).toEqual(['e1→asr_a']);
  });

  it('among equal matches prefers who has been idle longest, never-assigned first, then id', () => {
    const recent = assessor('asr_a', { lastAssignedAt: at(-10) });
    const earlier = assessor('asr_b', { lastAssignedAt: at(-300) });
    const never = assessor('asr_c');
    expect(offersOf([entry('e1')], [recent, earlier], at(1))).toEqual(['e1→asr_b']);
    expect(offersOf([entry('e1')], [recent, earlier, never], at(1))).toEqual(['e1→asr_c']);
    expect(offersOf([entry('e1')], [assessor('asr_z'), assessor('asr_y')], at(1))).toEqual(['e1→asr_y']);
    expect(offersOf([entry('e1'), entry('e2', { enqueuedAt: at(1) })], [recent, earlier], at(2))).toEqual(['e1→asr_b', 'e2→asr_a']);
  });
});
