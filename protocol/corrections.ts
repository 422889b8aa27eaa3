// Corrections and retention: the supersede request, and the payloads of the ledger entries that record
// a correction (`evidence.superseded`) or a retention purge (`retention.purged`, the tombstone).
import { z } from 'zod';
import { text } from './text.ts';

export const SupersedeBody = z.object({
  reason: text().trim().min(1).max(500),
  /** The evidence of the same case that replaces this one, if there is one. */
  replacedBy: text().min(1).max(64).optional(),
});
export type SupersedeBody = z.infer<typeof SupersedeBody>;

export const EVIDENCE_SUPERSEDED = 'evidence.superseded';
export const EvidenceSupersededPayload = z.object({
  evidenceId: text(),
  reason: text(),
  replacedBy: text().nullable(),
});
export type EvidenceSupersededPayload = z.infer<typeof EvidenceSupersededPayload>;

export const RETENTION_PURGED = 'retention.purged';
/**
 * The tombstone: the blobs it lists were deleted on purpose. They are in the payload, not in the
 * entry's `blobs`, so the tombstone itself names no file that must exist.
 */
export const RetentionPurgedPayload = z.object({
  purgedBlobs: z.array(text().regex(/^[0-9a-f]{64}$/)),
  reason: z.literal('retention'),
  olderThanDays: z.number().int().min(0),
  outcomeAt: text(),
});
export type RetentionPurgedPayload = z.infer<typeof RetentionPurgedPayload>;
