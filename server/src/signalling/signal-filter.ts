// Decides whether a signalling message from an authenticated socket may be relayed: only heartbeats and
// messages addressed to an online peer of the sender's own case get through, wherever that peer's
// socket is held.
import { z } from 'zod';
import type { PeerRole } from './peer-token.ts';

/** What the filter reads of a PeerJS client message; `payload` is relayed untouched. */
const SignalEnvelope = z.object({
  type: z.enum(['HEARTBEAT', 'OFFER', 'ANSWER', 'CANDIDATE', 'LEAVE']),
  dst: z.string().optional(),
  payload: z.unknown().optional(),
});
export type Signal = z.infer<typeof SignalEnvelope>;

/**
 * `dst`: the online peer a forwarded message goes to (none for a heartbeat). `cross-case`: addressed to
 * an online peer of another case; `off-star`: between a third participant and anyone but an assessor's
 * console (a participant is reached only through the console, never the customer's page directly);
 * `unroutable`: any other drop.
 */
export type SignalVerdict = { forward: true; dst?: string } | { forward: false; reason: 'unroutable' | 'cross-case' | 'off-star' };

/** The message a client sent, or undefined when it is not a PeerJS message we relay. */
export function readSignal(data: string): Signal | undefined {
  const envelope = SignalEnvelope.safeParse(parseJson(data));
  return envelope.success ? envelope.data : undefined;
}

/**
 * @param dstCaseId the case of the online peer the signal is addressed to, or undefined when no such
 * peer is online. Messages to a peer that is not online are dropped rather than left for `peer` to
 * queue, so nobody can fill queues for ids we never minted.
 */
export function judgeSignal(signal: Signal | undefined, senderCaseId: string, dstCaseId: string | undefined, roles?: { sender: PeerRole; dst: PeerRole }): SignalVerdict {
  if (signal === undefined) return { forward: false, reason: 'unroutable' };
  if (signal.type === 'HEARTBEAT') return { forward: true };
  // A LEAVE without dst makes `peer` forget the sender while its socket stays open: never needed.
  if (signal.dst === undefined || dstCaseId === undefined) return { forward: false, reason: 'unroutable' };
  if (dstCaseId !== senderCaseId) return { forward: false, reason: 'cross-case' };
  if (roles && (roles.sender === 'participant' || roles.dst === 'participant') && roles.sender !== 'assessor' && roles.dst !== 'assessor') {
    return { forward: false, reason: 'off-star' };
  }
  return { forward: true, dst: signal.dst };
}

/** The message as `peer` itself relays it: the sender's real id as `src`, whatever the sender claimed. */
export function relayedSignal(signal: Signal, srcPeerId: string): string {
  return JSON.stringify({ type: signal.type, src: srcPeerId, dst: signal.dst, payload: signal.payload });
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}
