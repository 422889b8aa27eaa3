// Who is in a case's live session besides its assessor and customer, and how: an invited expert joins in
// full; a supervisor (or an admin) joins, listens, whispers or barges. Each sets only their own mode. The
// state is the ledger's participant.* entries, so every instance reads the same session.
import type { LedgerEntry, User } from '../../../protocol/http.ts';
import { EXPERT_MODES, type ParticipantCandidate, type ParticipantSessionBody, type ParticipantSessionView } from '../../../protocol/participant-session.ts';
import { ParticipantLeftPayload, ParticipantModePayload } from '../../../protocol/ledger.ts';
import type { UserStore } from '../auth/user-store.ts';
import { HttpError, text } from '../errors.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { Db } from '../storage/database.ts';
import type { CaseService } from './case-service.ts';
import type { CaseStore } from './case-store.ts';
import { authorizeLead } from './participants-service.ts';
import type { ParticipantsStore } from './participants-store.ts';

type Session = Omit<ParticipantSessionView, 'name'>;

/** The sessions the entries leave standing, in the order their participants joined. Pure. */
export function sessionsOf(entries: LedgerEntry[]): Session[] {
  const now = new Map<string, Session>();
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (entry.type === 'participant.left') {
      now.delete(ParticipantLeftPayload.parse(entry.payload).userId);
      continue;
    }
    const payload = ParticipantModePayload.parse(entry.payload);
    const joinedAt = entry.type === 'participant.joined' ? entry.at : (now.get(payload.userId)?.joinedAt ?? entry.at);
    now.set(payload.userId, { userId: payload.userId, role: payload.role, mode: payload.mode, peerId: payload.peerId ?? '', joinedAt });
  }
  return [...now.values()];
}

export type ParticipantSessions = ReturnType<typeof createParticipantSessions>;

export function createParticipantSessions(deps: {
  db: Db;
  cases: CaseService;
  caseStore: Pick<CaseStore, 'byId'>;
  ledger: LedgerStore;
  users: Pick<UserStore, 'byId' | 'listWithStatus'>;
  invitations: Pick<ParticipantsStore, 'list'>;
}) {
  const { db, ledger } = deps;

  const current = async (caseId: string): Promise<Session[]> => {
    const kinds = await Promise.all((['participant.joined', 'participant.mode-changed', 'participant.left'] as const).map((kind) => ledger.listOfType(caseId, kind)));
    return sessionsOf(kinds.flat());
  };

  /** The case, if the user may take part in its session: an invited expert, a supervisor or an admin. */
  const admit = async (user: User, caseId: string) => {
    const record = await deps.cases.authorize({ kind: 'user', user }, caseId, 'participants');
    if (user.role === 'assessor') throw new HttpError(403, 'not_a_participant', text('session.assessorLeads'));
    return record;
  };

  const named = async (sessions: Session[]): Promise<ParticipantSessionView[]> =>
    Promise.all(sessions.map(async (s) => ({ ...s, name: (await deps.users.byId(s.userId))?.name ?? s.userId })));

  return {
    /** Joins the session or changes the caller's own mode or peer id; `joined` when they were not in it. */
    async enter(user: User, caseId: string, body: ParticipantSessionBody): Promise<{ joined: boolean; session: ParticipantSessionView }> {
      const record = await admit(user, caseId);
      if (record.closedAt !== null) throw new HttpError(409, 'case_closed', text('session.caseClosed'));
      if (user.role === 'expert' && !EXPERT_MODES.includes(body.mode)) {
        throw new HttpError(422, 'mode_not_allowed', text('session.expertMode'));
      }
      const role = user.role as 'expert' | 'supervisor' | 'admin';
      const joined = await db.transaction(async () => {
        // Two requests of one participant take turns, so a session is joined once.
        await db.lockInTransaction(`participant-session:${caseId}`);
        const before = (await current(caseId)).find((s) => s.userId === user.id);
        if (before && before.mode === body.mode && before.peerId === body.peerId) return false;
        const payload = { userId: user.id, role, mode: body.mode, peerId: body.peerId };
        await ledger.append({ caseId, actor: { type: 'assessor', id: user.id }, type: before ? 'participant.mode-changed' : 'participant.joined', payload });
        return before === undefined;
      });
      const session = (await current(caseId)).find((s) => s.userId === user.id)!;
      return { joined, session: { ...session, name: user.name } };
    },

    async leave(user: User, caseId: string): Promise<void> {
      await deps.cases.authorize({ kind: 'user', user }, caseId, 'participants');
      await db.transaction(async () => {
        await db.lockInTransaction(`participant-session:${caseId}`);
        if (!(await current(caseId)).some((s) => s.userId === user.id)) throw new HttpError(404, 'not_in_session', text('session.notIn'));
        await ledger.append({ caseId, actor: { type: 'assessor', id: user.id }, type: 'participant.left', payload: { userId: user.id } });
      });
    },

    /** Whom the case's lead may invite: experts and supervisors not yet invited and not disabled, by name. */
    async candidates(user: User, caseId: string): Promise<ParticipantCandidate[]> {
      await authorizeLead(deps, user, caseId);
      const invited = new Set((await deps.invitations.list(caseId)).map((p) => p.userId));
      return (await deps.users.listWithStatus())
        .filter((u) => (u.role === 'expert' || u.role === 'supervisor') && u.disabledAt === null && !invited.has(u.id))
        .map((u) => ({ userId: u.id, name: u.name, role: u.role as 'expert' | 'supervisor' }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    /**
     * For the case's own people and its participants: the assessor's console calls each of them. An
     * expert whose invitation was removed is no longer listed, so the console drops their link at once.
     */
    async list(user: User, caseId: string): Promise<ParticipantSessionView[]> {
      await deps.cases.authorize({ kind: 'user', user }, caseId, 'participants');
      const invited = new Set((await deps.invitations.list(caseId)).map((p) => p.userId));
      return named((await current(caseId)).filter((s) => s.role !== 'expert' || invited.has(s.userId)));
    },
  };
}
