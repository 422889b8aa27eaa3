// Chat lines of a case: stored once per client-chosen id (retries are harmless) and ledgered.
import type { ChatBody, ChatLine } from '../../../protocol/http.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import { writeOnce } from '../ledger/ledger-write.ts';
import type { Db } from '../storage/database.ts';
import type { ChatStore } from './chat-store.ts';

export type ChatService = ReturnType<typeof createChatService>;

/** `experts`: the experts invited to a case, who follow its chat live too (supervisors and admins see every event). */
export function createChatService(deps: { db: Db; store: ChatStore; ledger: LedgerStore; cases: CaseService; hub: EventHub; clock: () => Date; experts?: (caseId: string) => Promise<string[]> }) {
  const { db, store, ledger, hub, clock } = deps;
  return {
    list: (caseId: string): Promise<ChatLine[]> => store.list(caseId),

    async post(principal: Principal, caseId: string, body: ChatBody): Promise<{ line: ChatLine; created: boolean }> {
      const caseRecord = await deps.cases.authorize(principal, caseId, 'participants');
      const actor = actorOf(principal);
      const from = principal.kind === 'customer' ? 'customer' : 'assessor';
      const { record: line, created } = await writeOnce(db, {
        caseId,
        find: () => store.byId(caseId, body.id),
        // A line posted again under its id is a retry, whatever it says now: the stored line stands.
        same: () => true,
        conflict: () => new Error('unreachable: every earlier line is the same'),
        write: async () => {
          const line: ChatLine = { id: body.id, caseId, from, text: body.text, at: clock().toISOString() };
          await store.insert(line, actor.id);
          await ledger.append({ caseId, actor, type: 'chat.line', payload: { lineId: body.id, from, text: body.text } });
          return line;
        },
      });
      if (created) {
        hub.publish(caseRecord.assessorId, { type: 'chat', line });
        for (const expertId of (await deps.experts?.(caseId)) ?? []) hub.publish(expertId, { type: 'chat', line });
      }
      return { line, created };
    },
  };
}
