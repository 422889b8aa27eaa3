// A case's channel proposals and switches as its ledger tells them, and the rules for a new write:
// pure, so the rules are tested without a database. The ledger is the only record of them.
import type { ChannelProposalBody, ChannelProposalView, ChannelSwitchBody, ChannelSwitchView } from '../../../protocol/channels.ts';
import type { LedgerEntry } from '../../../protocol/http.ts';
import { ChannelAnsweredPayload, ChannelProposedPayload, ChannelSwitchedPayload } from '../../../protocol/ledger.ts';
import { HttpError, text } from '../errors.ts';

export interface ChannelState {
  proposals: Map<string, ChannelProposalView>;
  /** Switches by their client-made id (a switch ledgered without one is not listed). */
  switches: Map<string, ChannelSwitchView>;
}

/** Folds the case's channel.* entries, in ledger order. */
export function channelState(entries: readonly LedgerEntry[]): ChannelState {
  const proposals = new Map<string, ChannelProposalView>();
  const switches = new Map<string, ChannelSwitchView>();
  for (const entry of entries) {
    if (entry.type === 'channel.proposed') {
      const p = ChannelProposedPayload.parse(entry.payload);
      proposals.set(p.proposalId, { proposalId: p.proposalId, from: p.from, to: p.to, reason: p.reason, accepted: null });
    } else if (entry.type === 'channel.answered') {
      const a = ChannelAnsweredPayload.parse(entry.payload);
      const proposal = proposals.get(a.proposalId);
      if (proposal && proposal.accepted === null) proposal.accepted = a.accepted;
    } else if (entry.type === 'channel.switched') {
      const s = ChannelSwitchedPayload.parse(entry.payload);
      if (s.switchId) switches.set(s.switchId, { switchId: s.switchId, from: s.from, to: s.to, proposalId: s.proposalId });
    }
  }
  return { proposals, switches };
}

/** What to do with a write: store it, or answer with what is stored (a retry). Refusals throw. */
export type Decision<V> = { write: true } | { write: false; stored: V };

const sameMode = (from: string, to: string): void => {
  if (from === to) throw new HttpError(400, 'same_mode', text('channel.sameMode', { mode: from }));
};

export function decideProposal(state: ChannelState, body: ChannelProposalBody): Decision<ChannelProposalView> {
  sameMode(body.from, body.to);
  const earlier = state.proposals.get(body.proposalId);
  if (!earlier) return { write: true };
  if (earlier.from === body.from && earlier.to === body.to && earlier.reason === (body.reason ?? null)) return { write: false, stored: earlier };
  throw new HttpError(409, 'proposal_conflict', text('channel.proposalConflict', { id: body.proposalId }));
}

export function decideAnswer(state: ChannelState, proposalId: string, accepted: boolean): Decision<ChannelProposalView> {
  const proposal = state.proposals.get(proposalId);
  if (!proposal) throw new HttpError(404, 'not_found', text('channel.proposalNotFound'));
  if (proposal.accepted === null) return { write: true };
  if (proposal.accepted === accepted) return { write: false, stored: proposal };
  throw new HttpError(409, 'already_answered', text(proposal.accepted ? 'channel.alreadyAccepted' : 'channel.alreadyDeclined'));
}

export function decideSwitch(state: ChannelState, body: ChannelSwitchBody): Decision<ChannelSwitchView> {
  sameMode(body.from, body.to);
  const proposalId = body.proposalId ?? null;
  const earlier = state.switches.get(body.switchId);
  if (earlier) {
    if (earlier.from === body.from && earlier.to === body.to && earlier.proposalId === proposalId) return { write: false, stored: earlier };
    throw new HttpError(409, 'switch_conflict', text('channel.switchConflict', { id: body.switchId }));
  }
  if (proposalId === null) return { write: true };
  const proposal = state.proposals.get(proposalId);
  if (!proposal) throw new HttpError(409, 'proposal_unknown', text('channel.proposalUnknown'));
  if (proposal.accepted !== true) {
    throw new HttpError(409, 'proposal_not_accepted', text(proposal.accepted === false ? 'channel.declined' : 'channel.notAcceptedYet'));
  }
  if (proposal.to !== body.to) throw new HttpError(409, 'proposal_mismatch', text('channel.mismatch', { proposed: proposal.to, to: body.to }));
  if ([...state.switches.values()].some((s) => s.proposalId === proposalId)) throw new HttpError(409, 'proposal_used', text('channel.proposalUsed'));
  return { write: true };
}
