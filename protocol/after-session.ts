// After the session, on the wire: the customer's satisfaction survey, the assessor's wrap-up, and the
// experts (or supervisors) invited to a case.
import { z } from 'zod';
import { Role } from './http.ts';
import { text } from './text.ts';

export const MAX_SURVEY_COMMENT = 1000;
export const MAX_WRAP_UP_NOTES = 2000;

/** `POST /api/join/survey`: 1 (poor) to 5 (excellent) and, optionally, what the customer wants to add. */
export const SurveyBody = z
  .object({
    score: z.number().int('the score is a whole number from 1 to 5').min(1, 'the score is 1 to 5').max(5, 'the score is 1 to 5'),
    comment: text().trim().max(MAX_SURVEY_COMMENT, `at most ${MAX_SURVEY_COMMENT} characters`).optional(),
  })
  .strict();
export type SurveyBody = z.infer<typeof SurveyBody>;

/** The customer's answer, as stored (one per join link). */
export const SurveyView = z.object({ id: text(), caseId: text(), score: z.number().int().min(1).max(5), comment: text().nullable(), answeredAt: text() });
export type SurveyView = z.infer<typeof SurveyView>;

/** How a session ended, as the assessor says. */
export const Disposition = z.enum(['resolved', 'follow-up', 'escalated', 'no-contact', 'transferred']);
export type Disposition = z.infer<typeof Disposition>;

/** `POST /api/cases/:id/wrap-up`; `entryId` names the case's queue entry the session came from. */
export const WrapUpBody = z
  .object({
    disposition: Disposition,
    notes: text().trim().max(MAX_WRAP_UP_NOTES, `at most ${MAX_WRAP_UP_NOTES} characters`).optional(),
    entryId: text().trim().min(1).max(100).optional(),
  })
  .strict();
export type WrapUpBody = z.infer<typeof WrapUpBody>;

export const WrapUpView = z.object({
  id: text(),
  caseId: text(),
  userId: text(),
  /** Who wrapped it up, by name, so the case view can say so without a user lookup. */
  userName: text(),
  entryId: text().nullable(),
  disposition: Disposition,
  notes: text().nullable(),
  wrappedAt: text(),
});
export type WrapUpView = z.infer<typeof WrapUpView>;

/** `POST /api/cases/:id/participants`: invite an expert or a supervisor to the case. */
export const ParticipantBody = z.object({ userId: text().trim().min(1).max(100) }).strict();
export type ParticipantBody = z.infer<typeof ParticipantBody>;

export const ParticipantView = z.object({
  userId: text(),
  name: text(),
  role: Role,
  invitedBy: text(),
  invitedAt: text(),
});
export type ParticipantView = z.infer<typeof ParticipantView>;
