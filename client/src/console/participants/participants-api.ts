// The console's calls for a third participant: who is in the session, joining it or changing one's own
// mode, leaving, and inviting an expert.
import { z } from 'zod';
import { ParticipantView } from '../../../../protocol/after-session.ts';
import { ParticipantCandidateList, ParticipantSessionList, ParticipantSessionView, type ParticipantMode } from '../../../../protocol/participant-session.ts';
import { apiFetch } from '../../lib/api.ts';

const sessionPath = (caseId: string): string => `/api/cases/${encodeURIComponent(caseId)}/participants/session`;

export const participantsApi = {
  sessions: (caseId: string, signal?: AbortSignal) => apiFetch(sessionPath(caseId), ParticipantSessionList, { signal }).then((r) => r.sessions),
  enter: (caseId: string, mode: ParticipantMode, peerId: string) => apiFetch(sessionPath(caseId), z.object({ session: ParticipantSessionView }), { body: { mode, peerId } }).then((r) => r.session),
  leave: (caseId: string, keepalive = false) => apiFetch(sessionPath(caseId), z.unknown(), { method: 'DELETE', keepalive }).then(() => undefined),
  candidates: (caseId: string) => apiFetch(`/api/cases/${encodeURIComponent(caseId)}/participants/candidates`, ParticipantCandidateList).then((r) => r.candidates),
  invited: (caseId: string) => apiFetch(`/api/cases/${encodeURIComponent(caseId)}/participants`, z.object({ participants: z.array(ParticipantView) })).then((r) => r.participants),
  invite: (caseId: string, userId: string) => apiFetch(`/api/cases/${encodeURIComponent(caseId)}/participants`, z.object({ participant: ParticipantView }), { body: { userId } }).then((r) => r.participant),
};
