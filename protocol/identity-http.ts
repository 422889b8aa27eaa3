// Identity checks over HTTP (issue 15): the assessor's request and decision, the customer's submission of
// three live captures, and the views the console and the customer's page read back.
import { z } from 'zod';
import { IdentityDocument, IdentityResult, MrzReading } from './identity.ts';
import { text } from './text.ts';

const EvidenceId = text().min(1).max(64);

/** `withCode`: the customer also confirms a one-time code sent to the phone or email on file. */
export const IdentityRequestBody = z.object({ document: IdentityDocument, withCode: z.boolean().optional() }).strict();
export type IdentityRequestBody = z.infer<typeof IdentityRequestBody>;

/** The customer's three captures (ids of evidence they uploaded with the matching purpose); a passport has no back. */
export const IdentitySubmitBody = z
  .object({ frontEvidenceId: EvidenceId, backEvidenceId: EvidenceId.optional(), selfieEvidenceId: EvidenceId })
  .strict();
export type IdentitySubmitBody = z.infer<typeof IdentitySubmitBody>;

export const IdentityDecisionBody = z.object({ result: IdentityResult, reason: text().trim().min(1).max(2000) }).strict();
export type IdentityDecisionBody = z.infer<typeof IdentityDecisionBody>;

/** The assessor withdraws an open check (the wrong document asked for, or no longer needed). */
export const IdentityCancelBody = z.object({ reason: text().trim().min(1).max(2000) }).strict();
export type IdentityCancelBody = z.infer<typeof IdentityCancelBody>;

/** The code the customer was sent: six digits. */
export const IdentityCodeBody = z.object({ code: z.string().regex(/^\d{6}$/, 'six digits') }).strict();
export type IdentityCodeBody = z.infer<typeof IdentityCodeBody>;

/** Where a code went (masked) and until when it works. */
export const IdentityCodeSent = z.object({ channel: z.enum(['email', 'sms']), recipient: text(), expiresAt: text() });
export type IdentityCodeSent = z.infer<typeof IdentityCodeSent>;

export const IdentityCheckState = z.enum(['requested', 'submitted', 'passed', 'failed', 'cancelled']);
export type IdentityCheckState = z.infer<typeof IdentityCheckState>;

/** A check as the console shows it: the photos by evidence id, what the MRZ said, and the decision. */
export const IdentityCheckView = z.object({
  id: text(),
  caseId: text(),
  document: IdentityDocument,
  state: IdentityCheckState,
  requestedBy: text(),
  requestedAt: text(),
  frontEvidenceId: text().nullable(),
  backEvidenceId: text().nullable(),
  selfieEvidenceId: text().nullable(),
  submittedAt: text().nullable(),
  mrz: MrzReading.nullable(),
  decidedBy: text().nullable(),
  decidedAt: text().nullable(),
  reason: text().nullable(),
  /** The check also asks for a one-time code; where the latest went (masked), and when the customer confirmed it. */
  withCode: z.boolean(),
  codeSentTo: text().nullable(),
  codeConfirmedAt: text().nullable(),
});
export type IdentityCheckView = z.infer<typeof IdentityCheckView>;

export const IdentityCheckList = z.object({ checks: z.array(IdentityCheckView) });
export type IdentityCheckList = z.infer<typeof IdentityCheckList>;

/** What the customer's page needs: which document to photograph; nothing of what was read. */
/** `code`: null when no code is asked; else where the latest went (masked; null: none sent yet) and whether it was confirmed. */
export const CustomerIdentityCheck = z.object({
  id: text(),
  document: IdentityDocument,
  state: z.enum(['requested', 'submitted']),
  code: z.object({ sentTo: text().nullable(), confirmed: z.boolean() }).nullable(),
});
export type CustomerIdentityCheck = z.infer<typeof CustomerIdentityCheck>;

export const CustomerIdentityCheckReply = z.object({ check: CustomerIdentityCheck.nullable() });
export type CustomerIdentityCheckReply = z.infer<typeof CustomerIdentityCheckReply>;
