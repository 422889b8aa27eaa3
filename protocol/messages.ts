// Messages on the PeerJS data channel between the customer's page and the assessor's console.
// Kept small: large payloads (photos) go over HTTP, never over the data channel.
import { z } from 'zod';

const v = z.literal(1);

export const QualityLevel = z.enum(['high', 'medium', 'low', 'audio-only']);
export type QualityLevel = z.infer<typeof QualityLevel>;

export const PeerMessage = z.discriminatedUnion('type', [
  /** A chat line; the sender also stores it over HTTP, the receiver only shows it. */
  z.object({ v, type: z.literal('chat'), id: z.string().min(8).max(64), text: z.string().min(1).max(4000), at: z.string() }),
  /** The assessor asks the customer's device for a full-resolution still. */
  z.object({ v, type: z.literal('snapshot-request'), requestId: z.string().min(8).max(64) }),
  /** The customer's device reports how a requested still went. */
  z.object({
    v,
    type: z.literal('snapshot-result'),
    requestId: z.string().min(8).max(64),
    evidenceId: z.string().optional(),
    error: z.string().max(500).optional(),
  }),
  /** The customer's sending quality changed (adapted to the link, or audio only by choice). */
  z.object({ v, type: z.literal('quality'), level: QualityLevel, reason: z.string().max(200).optional() }),
  /** The customer uploaded a photo from the gallery. */
  z.object({ v, type: z.literal('evidence-added'), evidenceId: z.string() }),
]);
export type PeerMessage = z.infer<typeof PeerMessage>;

/** Parses an incoming data-channel payload; returns null (and never throws) for anything malformed. */
export function parsePeerMessage(data: unknown): PeerMessage | null {
  const parsed = PeerMessage.safeParse(typeof data === 'string' ? safeJson(data) : data);
  return parsed.success ? parsed.data : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
