// Captions and notes on photos: the payload of the ledger entry (`evidence.noted`) that records the
// assessor's caption and note as they stand after a change (the latest entry per photo wins).
import { z } from 'zod';
import { text } from './text.ts';

export const EVIDENCE_NOTED = 'evidence.noted';
export const EvidenceNotedPayload = z.object({
  evidenceId: text(),
  caption: text().nullable(),
  note: text().nullable(),
});
export type EvidenceNotedPayload = z.infer<typeof EvidenceNotedPayload>;
