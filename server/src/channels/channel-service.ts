// Channel proposals, answers and switches: each one ledger entry, written once per client-made id
// under the case's ledger lock (a retry returns the first write; another body under the id is 409).
import type { ChannelProposalBody, ChannelProposalView, ChannelSwitchBody, ChannelSwitchView } from '../../../protocol/channels.ts';
import type { User } from '../../../protocol/http.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { Db } from '../storage/database.ts';
import { channelState, decideAnswer, decideProposal, decideSwitch, type ChannelState, type Decision } from './channel-state.ts';

export type ChannelService = ReturnType<typeof createChannelService>;
type Customer = Extract<Principal, { kind: 'customer' }>;

export function createChannelService(deps: { db: Db; ledger: LedgerStore; cases: Pick<CaseService, 'authorizeWrite'> }) {
  const { db, ledger } = deps;

  const state = async (caseId: string): Promise<ChannelState> => {
    const [proposed, answered, switched] = await Promise.all(
      (['channel.proposed', 'channel.answered', 'channel.switched'] as const).map((kind) => ledger.listOfType(caseId, kind)),
    );
    return channelState([...proposed!, ...answered!, ...switched!].sort((a, b) => a.seq - b.seq));
  };

  /** Reads the case's state under its ledger lock, decides, and writes when the decision says so. */
  const once = <V>(caseId: string, decide: (s: ChannelState) => Decision<V>, write: () => Promise<V>): Promise<{ record: V; created: boolean }> =>
    db.transaction(async () => {
      await db.lockInTransaction(`ledger:${caseId}`);
      const decision = decide(await state(caseId));
      return decision.write ? { record: await write(), created: true } : { record: decision.stored, created: false };
    });

  return {
    async propose(user: User, caseId: string, body: ChannelProposalBody): Promise<{ record: ChannelProposalView; created: boolean }> {
      await deps.cases.authorizeWrite({ kind: 'user', user }, caseId);
      const reason = body.reason ?? null;
      return once(caseId, (s) => decideProposal(s, body), async () => {
        await ledger.append({ caseId, actor: actorOf({ kind: 'user', user }), type: 'channel.proposed', payload: { proposalId: body.proposalId, from: body.from, to: body.to, reason } });
        return { proposalId: body.proposalId, from: body.from, to: body.to, reason, accepted: null };
      });
    },

    async answer(customer: Customer, proposalId: string, accepted: boolean): Promise<{ record: ChannelProposalView; created: boolean }> {
      const { caseId } = customer;
      await deps.cases.authorizeWrite(customer, caseId);
      let proposal: ChannelProposalView | undefined;
      const decide = (s: ChannelState): Decision<ChannelProposalView> => {
        proposal = s.proposals.get(proposalId);
        return decideAnswer(s, proposalId, accepted);
      };
      return once(caseId, decide, async () => {
        await ledger.append({ caseId, actor: actorOf(customer), type: 'channel.answered', payload: { proposalId, accepted } });
        return { ...proposal!, accepted };
      });
    },

    async switched(customer: Customer, body: ChannelSwitchBody): Promise<{ record: ChannelSwitchView; created: boolean }> {
      const { caseId } = customer;
      await deps.cases.authorizeWrite(customer, caseId);
      const record: ChannelSwitchView = { switchId: body.switchId, from: body.from, to: body.to, proposalId: body.proposalId ?? null };
      return once(caseId, (s) => decideSwitch(s, body), async () => {
        await ledger.append({ caseId, actor: actorOf(customer), type: 'channel.switched', payload: record });
        return record;
      });
    },
  };
}
