// A third participant in a live session, on the wire: an expert or a supervisor says how they take part
// (their own mode only) and under which peer id the assessor's console can reach their page.
import { z } from 'zod';
import { text } from './text.ts';

/**
 * `full`: seen and heard by the assessor and the customer (an expert always, a supervisor who joins);
 * `listen`: hears and sees the call, heard by nobody; `whisper`: heard by the assessor only;
 * `barge`: heard by the customer too.
 */
export const ParticipantMode = z.enum(['full', 'listen', 'whisper', 'barge']);
export type ParticipantMode = z.infer<typeof ParticipantMode>;

/** The modes an expert may take: they join the call, they do not supervise it. */
export const EXPERT_MODES: readonly ParticipantMode[] = ['full'];

/** `POST /api/cases/:id/participants/session`: join, or change one's own mode or peer id. */
export const ParticipantSessionBody = z
  .object({
    mode: ParticipantMode,
    /** The participant page's registration on the signalling server (POST /api/cases/:id/peer). */
    peerId: z.string().regex(/^[0-9a-f]{32}$/, 'peerId: the 32 hex characters of a peer credential'),
  })
  .strict();
export type ParticipantSessionBody = z.infer<typeof ParticipantSessionBody>;

/** Someone in the case's live session now, besides its assessor and customer. */
export const ParticipantSessionView = z.object({
  userId: text(),
  name: text(),
  role: z.enum(['expert', 'supervisor', 'admin']),
  mode: ParticipantMode,
  peerId: text(),
  /** When they joined (the participant.joined entry). */
  joinedAt: text(),
});
export type ParticipantSessionView = z.infer<typeof ParticipantSessionView>;

export const ParticipantSessionList = z.object({ sessions: z.array(ParticipantSessionView) });
export type ParticipantSessionList = z.infer<typeof ParticipantSessionList>;

/** `GET /api/cases/:id/participants/candidates`: whom the case's lead may invite (not yet invited, not disabled). */
export const ParticipantCandidate = z.object({ userId: text(), name: text(), role: z.enum(['expert', 'supervisor']) });
export type ParticipantCandidate = z.infer<typeof ParticipantCandidate>;
export const ParticipantCandidateList = z.object({ candidates: z.array(ParticipantCandidate) });
export type ParticipantCandidateList = z.infer<typeof ParticipantCandidateList>;
