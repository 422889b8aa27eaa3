// The front door as the customer's page and the console read it: a case's latest intake, the agent's
// answers since (the ledger's agent.answered entries), and the customer's place in the queue. Reads
// only; built before the case service, whose join view includes it.
import { AgentAnsweredPayload } from '../../../../protocol/agent.ts';
import type { FrontDoorView, QueuePlace } from '../../../../protocol/intake.ts';
import type { LedgerStore } from '../../ledger/ledger-store.ts';
import type { QueueService } from '../queue-service.ts';
import type { IntakeStore, StoredIntake } from './intake-store.ts';

export interface FrontDoorReaderDeps {
  store: IntakeStore;
  ledger: Pick<LedgerStore, 'listOfType'>;
  queue: Pick<QueueService, 'placeOf'>;
  userName: (id: string) => Promise<string | null>;
}

export function createFrontDoorReader(deps: FrontDoorReaderDeps) {
  /** The colleague a warm transfer waits for, by name, when they have one. */
  const colleagueOf = async (id: string | null): Promise<{ transferTo?: string }> => {
    const name = id === null ? null : await deps.userName(id);
    return name === null ? {} : { transferTo: name };
  };
  const reader = {
    /** The agent's answers since the intake was received, oldest first. */
    async turns(intake: StoredIntake): Promise<AgentAnsweredPayload[]> {
      const received = (await deps.ledger.listOfType(intake.caseId, 'intake.received')).find((e) => e.payload.intakeId === intake.id);
      const after = received?.seq ?? 0;
      return (await deps.ledger.listOfType(intake.caseId, 'agent.answered')).filter((e) => e.seq > after).map((e) => AgentAnsweredPayload.parse(e.payload));
    },

    /** Where the case stands in the queue: polled by the waiting page, so a read, never a routing pass. */
    async place(caseId: string): Promise<QueuePlace> {
      const found = await deps.queue.placeOf(caseId);
      if (!found) return { state: 'not-queued', channel: null, position: null, etaSeconds: null, callback: null, assessorName: null };
      const { entry } = found;
      // A warm transfer's customer is still in the session with its assessor while the colleague answers.
      const warm = entry.state === 'offered' && entry.assignedTo !== null;
      const inSession = entry.state === 'assigned' || warm;
      return {
        state: inSession ? 'assigned' : entry.state,
        channel: entry.channel,
        position: found.position,
        etaSeconds: found.etaSeconds,
        callback: entry.callback,
        assessorName: inSession && entry.assignedTo !== null ? await deps.userName(entry.assignedTo) : null,
        ...(found.transferring ? { transferring: true } : {}),
        ...(warm ? await colleagueOf(entry.offeredTo) : {}),
      };
    },

    async view(caseId: string): Promise<FrontDoorView | null> {
      const intake = await deps.store.latest(caseId);
      if (!intake) return null;
      return { service: intake.service, intent: intake.intent, channel: intake.channel, turns: await reader.turns(intake), queue: await reader.place(caseId) };
    },
  };
  return reader;
}

export type FrontDoorReader = ReturnType<typeof createFrontDoorReader>;
