// Decides whether a signalling message from an authenticated socket may reach the PeerJS server:
// only heartbeats and messages addressed to an online peer of the sender's own case get through.
import { z } from 'zod';

/** What the filter reads of a PeerJS client message; `peer` itself reads the full message afterwards. */
const SignalEnvelope = z.object({
  type: z.enum(['HEARTBEAT', 'OFFER', 'ANSWER', 'CANDIDATE', 'LEAVE']),
  dst: z.string().optional(),
});

/**
 * `dst`: the online peer a forwarded message goes to (none for a heartbeat). `cross-case`: addressed to
 * an online peer of another case; `unroutable`: any other drop.
 */
export type SignalVerdict = { forward: true; dst?: string } | { forward: false; reason: 'unroutable' | 'cross-case' };

/**
 * @param caseOfOnlinePeer the case of a peer id connected now, or undefined. Messages to a peer that
 * is not online are dropped rather than left for `peer` to queue, so nobody can fill queues for ids
 * we never minted.
 */
export function judgeSignal(
  data: string,
  senderCaseId: string,
  caseOfOnlinePeer: (peerId: string) => string | undefined,
): SignalVerdict {
  const envelope = SignalEnvelope.safeParse(parseJson(data));
  if (!envelope.success) return { forward: false, reason: 'unroutable' };
  const { type, dst } = envelope.data;
  if (type === 'HEARTBEAT') return { forward: true };
  // A LEAVE without dst makes `peer` forget the sender while its socket stays open: never needed.
  if (dst === undefined) return { forward: false, reason: 'unroutable' };
  const dstCaseId = caseOfOnlinePeer(dst);
  if (dstCaseId === undefined) return { forward: false, reason: 'unroutable' };
  if (dstCaseId !== senderCaseId) return { forward: false, reason: 'cross-case' };
  return { forward: true, dst };
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}
