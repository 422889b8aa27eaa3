// What signalling instances tell each other through Redis: registry entries (who holds which peer) and
// the messages on each instance's channel. Both are parsed on the way in, never cast.
import { z } from 'zod';
import { PeerRole } from './peer-token.ts';

export const PeerGrantSchema = z.object({
  peerId: z.string().min(1),
  caseId: z.string().min(1),
  role: PeerRole,
  joinTokenId: z.string().min(1).optional(),
});

/** A registered peer: its grant, the instance holding its socket, and which registration of the id this is. */
export const DirectoryEntry = z.object({
  grant: PeerGrantSchema,
  instance: z.string().min(1),
  registration: z.string().min(1),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const InstanceMessage = z.discriminatedUnion('kind', [
  /** A signal for a peer this instance holds, already judged by the sender's instance; `data` is written as is. */
  z.object({ kind: z.literal('signal'), dst: z.string().min(1), caseId: z.string().min(1), data: z.string() }),
  /** Cut off a peer this instance holds (its credential was revoked); answer `cut-done` to `replyTo`. */
  z.object({
    kind: z.literal('cut'),
    peerId: z.string().min(1),
    registration: z.string().min(1),
    reason: z.string(),
    replyTo: z.string().min(1),
    requestId: z.string().min(1),
  }),
  z.object({ kind: z.literal('cut-done'), requestId: z.string().min(1) }),
]);
export type InstanceMessage = z.infer<typeof InstanceMessage>;
