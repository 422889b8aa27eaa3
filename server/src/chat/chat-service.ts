// Chat lines of a case: stored once per client-chosen id (retries are harmless) and ledgered, with who
// wrote them. A supervisor's (or admin's) line reaches the customer only while they are in the session
// in full or barged in; listening, whispering or outside the session it is for the assessor alone.
// Whether a line was whispered and the writer's language live in its ledger entry (chat_lines has no column for them).
import type { ChatAuthor, ChatBody, ChatLine, User } from '../../../protocol/http.ts';
import { ChatLinePayload } from '../../../protocol/ledger.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { CaseService } from '../cases/case-service.ts';
import { sessionsOf } from '../cases/participant-sessions.ts';
import { HttpError, text } from '../errors.ts';
import type { Languages } from '../i18n/languages.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import { writeOnce } from '../ledger/ledger-write.ts';
import type { Db } from '../storage/database.ts';
import type { ChatStore, StoredLine } from './chat-store.ts';

export type ChatService = ReturnType<typeof createChatService>;

/** The writer's part in the case: its assessor (whatever their role), else their role as a participant. */
export function authorRole(user: User, assessorId: string | null): ChatAuthor['role'] {
  return user.id === assessorId || user.role === 'assessor' ? 'assessor' : user.role;
}

/** `experts`: the experts invited to a case, who follow its chat live too (supervisors and admins see every event). */
export function createChatService(deps: { db: Db; store: ChatStore; ledger: LedgerStore; cases: CaseService; hub: EventHub; clock: () => Date; experts?: (caseId: string) => Promise<string[]>; languages: Languages }) {
  const { db, store, ledger, hub, clock } = deps;

  /** Whether a supervisor's or admin's line now goes to the assessor alone: not in the session in full or barged in. */
  const whispers = async (caseId: string, userId: string): Promise<boolean> => {
    const kinds = await Promise.all((['participant.joined', 'participant.mode-changed', 'participant.left'] as const).map((kind) => ledger.listOfType(caseId, kind)));
    const mode = sessionsOf(kinds.flat()).find((s) => s.userId === userId)?.mode;
    return mode !== 'full' && mode !== 'barge';
  };

  /** The stored line with what its ledger entry adds: whether it was whispered, the writer's language. */
  const withEntry = (line: StoredLine, entry: ChatLinePayload | undefined): ChatLine => ({
    ...line,
    ...(entry?.whisper ? { whisper: true } : {}),
    ...(entry?.language ? { language: entry.language } : {}),
  });
  const entriesOf = async (caseId: string): Promise<Map<string, ChatLinePayload>> =>
    new Map((await ledger.listOfType(caseId, 'chat.line')).map((e) => ChatLinePayload.parse(e.payload)).map((p) => [p.lineId, p]));

  return {
    /** The case's lines; an expert is not shown what was whispered to the assessor. */
    async list(caseId: string, viewer?: User): Promise<ChatLine[]> {
      const entries = await entriesOf(caseId);
      return (await store.list(caseId)).filter((l) => viewer?.role !== 'expert' || !entries.get(l.id)?.whisper).map((l) => withEntry(l, entries.get(l.id)));
    },

    async post(principal: Principal, caseId: string, body: ChatBody): Promise<{ line: ChatLine; created: boolean }> {
      const language = body.language === undefined ? undefined : deps.languages.require(body.language, 'language');
      const caseRecord = await deps.cases.authorize(principal, caseId, 'participants');
      const actor = actorOf(principal);
      const role = principal.kind === 'customer' ? 'customer' : authorRole(principal.user, caseRecord.assessorId);
      const from = role === 'customer' ? 'customer' : 'assessor';
      const { record: line, created } = await writeOnce<ChatLine>(db, {
        caseId,
        find: async () => {
          const stored = await store.byId(caseId, body.id);
          if (!stored) return null;
          // Someone else's line is not theirs to read back (it may be a whisper the customer must not see).
          if (stored.actorId !== actor.id) throw new HttpError(409, 'line_id_taken', text('chat.idTaken'));
          return withEntry(stored.line, (await entriesOf(caseId)).get(body.id));
        },
        // A line posted again under its id by its writer is a retry, whatever it says now: the stored line stands.
        same: () => true,
        conflict: () => new Error('unreachable: every earlier line is the same'),
        write: async () => {
          const whisper = (role === 'supervisor' || role === 'admin') && (await whispers(caseId, actor.id));
          const at = clock().toISOString();
          await store.insert({ id: body.id, caseId, from, text: body.text, at }, role, actor.id);
          await ledger.append({
            caseId,
            actor,
            type: 'chat.line',
            payload: { lineId: body.id, from, text: body.text, ...(role === 'customer' ? {} : { role }), ...(whisper ? { whisper } : {}), ...(language ? { language } : {}) },
          });
          const line: ChatLine = { id: body.id, caseId, from, text: body.text, at };
          if (principal.kind === 'user' && role !== 'customer') line.author = { role, name: principal.user.name, userId: principal.user.id };
          if (whisper) line.whisper = true;
          if (language) line.language = language;
          return line;
        },
      });
      if (created) {
        hub.publish(caseRecord.assessorId, { type: 'chat', line });
        // What is whispered to the assessor is theirs alone (supervisors and admins see every event anyway).
        if (!line.whisper) for (const expertId of (await deps.experts?.(caseId)) ?? []) hub.publish(expertId, { type: 'chat', line });
      }
      return { line, created };
    },
  };
}
