import { describe, expect, it } from 'vitest';
import type { QueuePlace } from '../../../../protocol/intake.ts';
import type { JoinView } from '../../../../protocol/http.ts';
import { frontDoorOf } from './front-door-step.ts';

const place = (state: QueuePlace['state']): QueuePlace => ({ state, channel: 'video', position: null, etaSeconds: null, callback: null, assessorName: null });
const join = (frontDoor: JoinView['frontDoor']): JoinView => ({
  case: { id: 'c1', kind: 'damage', title: 'Dented door', customerName: null },
  expiresAt: '2026-12-31T00:00:00.000Z',
  consented: false,
  frontDoor,
});
const view = (state: QueuePlace['state']) => ({ service: 'claim' as const, intent: 'dent', channel: 'video' as const, turns: [], queue: place(state) });

describe('the join page shows the front door', () => {
  it('while nobody has taken the customer: talking to the assistant, waiting, offered, or after leaving', () => {
    for (const state of ['not-queued', 'waiting', 'offered', 'left'] as const) expect(frontDoorOf(join(view(state)))?.queue.state).toBe(state);
  });

  it('not once someone took them, nor for a case that did not come through the front door', () => {
    expect(frontDoorOf(join(view('assigned')))).toBeNull();
    expect(frontDoorOf(join(view('finished')))).toBeNull();
    expect(frontDoorOf(join(null))).toBeNull();
    expect(frontDoorOf(join(undefined))).toBeNull();
  });
});
