// Chat lines of a case as stored: one row per client-chosen line id, listed in the order they were said.
import type { ChatLine } from '../../../protocol/http.ts';
import type { Db } from '../storage/database.ts';
import type { ChatLinesTable } from '../storage/schema.ts';

type Row = Pick<ChatLinesTable, 'case_id' | 'id' | 'from_role' | 'text' | 'at'>;

const toLine = (r: Row): ChatLine => ({ id: r.id, caseId: r.case_id, from: r.from_role as ChatLine['from'], text: r.text, at: r.at });

export interface ChatStore {
  byId(caseId: string, id: string): Promise<ChatLine | null>;
  /** The case's lines by time, ties in the order they were stored. */
  list(caseId: string): Promise<ChatLine[]>;
  insert(line: ChatLine, actorId: string): Promise<void>;
}

export function createChatStore(db: Db): ChatStore {
  const columns = ['case_id', 'id', 'from_role', 'text', 'at'] as const;
  return {
    async byId(caseId, id) {
      const row = await db.q().selectFrom('chat_lines').select(columns).where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
      return row ? toLine(row) : null;
    },
    list: async (caseId) =>
      (await db.q().selectFrom('chat_lines').select(columns).where('case_id', '=', caseId).orderBy('at').orderBy('rowid').execute()).map(toLine),
    async insert(line, actorId) {
      await db.q().insertInto('chat_lines').values({ case_id: line.caseId, id: line.id, from_role: line.from, actor_id: actorId, text: line.text, at: line.at }).execute();
    },
  };
}
