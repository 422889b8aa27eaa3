// The channel rules without a database: what a case's ledger says of its proposals and switches, and
// what a new proposal, answer or switch may do given that.
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../protocol/http.ts';
import { channelState, decideAnswer, decideProposal, decideSwitch } from '../../src/channels/channel-state.ts';
import { HttpError } from '../../src/errors.ts';

let seq = 0;
const entry = (type: string, payload: Record<string, unknown>): LedgerEntry => ({
  caseId: 'case-1', seq: ++seq, at: '2026-12-05T08:00:00.000Z', actor: { type: 'customer', id: 'tok' }, type, payload, blobs: [], prevHash: '', hash: '', signature: '',
});
const proposed = (proposalId: string, to = 'camera') => entry('channel.proposed', { proposalId, from: 'text', to, reason: 'so I can see the damage' });
const answered = (proposalId: string, accepted: boolean) => entry('channel.answered', { proposalId, accepted });
const codeOf = (decide: () => unknown): string => {
  try {
    decide();
  } catch (error) {
    if (error instanceof HttpError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'allowed';
};

describe('channelState', () => {
  it('folds proposals with their first answer, and switches by their id (an older switch without one is not listed)', () => {
    const state = channelState([
      proposed('p-1'), answered('p-1', true), answered('p-1', false),
      entry('channel.switched', { from: 'text', to: 'camera', proposalId: 'p-1', switchId: 's-1' }),
      entry('channel.switched', { from: 'camera', to: 'voice', proposalId: null }),
    ]);
    expect(state.proposals.get('p-1')).toEqual({ proposalId: 'p-1', from: 'text', to: 'camera', reason: 'so I can see the damage', accepted: true });
    expect([...state.switches.values()]).toEqual([{ switchId: 's-1', from: 'text', to: 'camera', proposalId: 'p-1' }]);
  });
});

describe('the rules', () => {
  const body = { proposalId: 'p-1', from: 'text', to: 'camera', reason: 'so I can see the damage' } as const;

  it('a proposal: new, the same again (a retry), or another body under its id', () => {
    expect(decideProposal(channelState([]), body)).toEqual({ write: true });
    const state = channelState([proposed('p-1')]);
    expect(decideProposal(state, body)).toMatchObject({ write: false });
    expect(codeOf(() => decideProposal(state, { ...body, reason: 'another' }))).toBe('409 proposal_conflict');
    expect(codeOf(() => decideProposal(state, { ...body, proposalId: 'p-2', to: 'text' }))).toBe('400 same_mode');
  });

  it('an answer: once, the same again, never changed, and only to a proposal of the case', () => {
    expect(codeOf(() => decideAnswer(channelState([]), 'p-1', true))).toBe('404 not_found');
    expect(decideAnswer(channelState([proposed('p-1')]), 'p-1', false)).toEqual({ write: true });
    const declined = channelState([proposed('p-1'), answered('p-1', false)]);
    expect(decideAnswer(declined, 'p-1', false)).toMatchObject({ write: false });
    expect(codeOf(() => decideAnswer(declined, 'p-1', true))).toBe('409 already_answered');
  });

  it('a switch on a proposal needs it accepted, for the same mode, and only once', () => {
    const sw = { switchId: 's-1', from: 'text', to: 'camera', proposalId: 'p-1' } as const;
    expect(codeOf(() => decideSwitch(channelState([]), sw))).toBe('409 proposal_unknown');
    expect(codeOf(() => decideSwitch(channelState([proposed('p-1')]), sw))).toBe('409 proposal_not_accepted');
    expect(codeOf(() => decideSwitch(channelState([proposed('p-1'), answered('p-1', false)]), sw))).toBe('409 proposal_not_accepted');
    const accepted = [proposed('p-1'), answered('p-1', true)];
    expect(decideSwitch(channelState(accepted), sw)).toEqual({ write: true });
    expect(codeOf(() => decideSwitch(channelState(accepted), { ...sw, to: 'voice' }))).toBe('409 proposal_mismatch');
    const done = [...accepted, entry('channel.switched', { ...sw })];
    expect(decideSwitch(channelState(done), sw)).toMatchObject({ write: false });
    expect(codeOf(() => decideSwitch(channelState(done), { ...sw, switchId: 's-2' }))).toBe('409 proposal_used');
    expect(codeOf(() => decideSwitch(channelState(done), { ...sw, to: 'voice', proposalId: null }))).toBe('409 switch_conflict');
    expect(decideSwitch(channelState([]), { switchId: 's-3', from: 'camera', to: 'voice' })).toEqual({ write: true });
    expect(codeOf(() => decideSwitch(channelState([]), { switchId: 's-4', from: 'voice', to: 'voice' }))).toBe('400 same_mode');
  });
});
