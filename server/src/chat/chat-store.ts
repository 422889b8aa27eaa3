// Chat lines of a case as stored: one row per client-chosen line id, listed in the order they were said.
// `from_role` is the writer's part in the case (customer, assessor, expert, supervisor, admin); the
// writer's name is their user's, read with the line.
import { ChatAuthor, type ChatLine } from '../../../protocol/http.ts';
import type { Db } from '../storage/database.ts';
import type { ChatLinesTable } from '../storage/schema.ts';

type Row = Pick<ChatLinesTable, 'case_id' | 'id' | 'from_role' | 'actor_id' | 'text' | 'at'> & { name: string | null };

/** What a stored line says; `whisper` is the ledger's to tell (chat-service.ts). */
export type StoredLine = Omit<ChatLine, 'whisper'>;

function toLine(r: Row): StoredLine {
  const line: StoredLine = { id: r.id, caseId: r.case_id, from: r.from_role === 'customer' ? 'customer' : 'assessor', text: r.text, at: r.at };
  if (r.from_role === 'customer' || r.name === null) return line;
  return { ...line, author: { role: ChatAuthor.shape.role.parse(r.from_role), name: r.name, userId: r.actor_id } };
}

export interface ChatStore {
  /** The line stored under the id, and who wrote it (the customer's token or the user). */
  byId(caseId: string, id: string): Promise<{ line: StoredLine; actorId: string } | null>;
  /** The case's lines by time, ties in the order they were stored. */
  list(caseId: string): Promise<StoredLine[]>;
  /** `role`: the writer's part in the case; `actorId`: the customer's token or the user. */
  insert(line: Omit<ChatLine, 'author' | 'whisper'>, role: ChatAuthor['role'] | 'customer', actorId: string): Promise<void>;
}

export function createChatStore(db: Db): ChatStore {
  const lines = () =>
    db
      .q()
      .selectFrom('chat_lines')
      .leftJoin('users', 'users.id', 'chat_lines.actor_id')
      .select(['chat_lines.case_id', 'chat_lines.id', 'chat_lines.from_role', 'chat_lines.actor_id', 'chat_lines.text', 'chat_lines.at', 'users.name']);
  return {
    async byId(caseId, id) {
      const row = await lines().where('chat_lines.case_id', '=', caseId).where('chat_lines.id', '=', id).executeTakeFirst();
      return row ? { line: toLine(row), actorId: row.actor_id } : null;
    },
    list: async (caseId) => (await lines().where('chat_lines.case_id', '=', caseId).orderBy('chat_lines.at').orderBy('chat_lines.rowid').execute()).map(toLine),
    async insert(line, role, actorId) {
      await db.q().insertInto('chat_lines').values({ case_id: line.caseId, id: line.id, from_role: role, actor_id: actorId, text: line.text, at: line.at }).execute();
    },
  };
}
