// Chat lines of a case: stored once per client-chosen id (retries are harmless) and ledgered.
import type { ChatBody, ChatLine } from '../../../protocol/http.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { Db } from '../storage/database.ts';

interface Row { case_id: string; id: string; from_role: 'customer' | 'assessor'; text: string; at: string }

const toLine = (r: Row): ChatLine => ({ id: r.id, caseId: r.case_id, from: r.from_role, text: r.text, at: r.at });

export type ChatService = ReturnType<typeof createChatService>;

export function createChatService(deps: { db: Db; ledger: LedgerStore; cases: CaseService; hub: EventHub; clock: () => Date }) {
  const { db, ledger, hub, clock } = deps;
  const byId = db.prepare<[string, string], Row>('SELECT * FROM chat_lines WHERE case_id = ? AND id = ?');
  const listStmt = db.prepare<[string], Row>('SELECT * FROM chat_lines WHERE case_id = ? ORDER BY at, rowid');
  return {
    list: (caseId: string): ChatLine[] => listStmt.all(caseId).map(toLine),

    post(principal: Principal, caseId: string, body: ChatBody): { line: ChatLine; created: boolean } {
      const caseRecord = deps.cases.authorize(principal, caseId);
      const actor = actorOf(principal);
      const from = principal.kind === 'customer' ? 'customer' : 'assessor';
      const result = db.transaction(() => {
        const earlier = byId.get(caseId, body.id);
        if (earlier) return { line: toLine(earlier), created: false };
        const at = clock().toISOString();
        db.prepare('INSERT INTO chat_lines (case_id, id, from_role, actor_id, text, at) VALUES (?, ?, ?, ?, ?, ?)').run(
          caseId, body.id, from, actor.id, body.text, at,
        );
        ledger.append({ caseId, actor, type: 'chat.line', payload: { lineId: body.id, from, text: body.text } });
        return { line: { id: body.id, caseId, from, text: body.text, at } satisfies ChatLine, created: true };
      }).immediate();
      if (result.created) hub.publish(caseRecord.assessorId, { type: 'chat', line: result.line });
      return result;
    },
  };
}
