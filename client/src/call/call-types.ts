// The public shapes of the assessor's call: its states, events, timings and injected dependencies.
import type { CallEventBody, PeerCredential } from '../../../protocol/http.ts';
import type { PeerMessage } from '../../../protocol/messages.ts';
import type { LinkStats } from './stats.ts';

export type CallState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'ended' | 'failed';

/** Who hung up on purpose. */
export type CallParty = 'customer' | 'assessor';

export type AssessorCallEvents = {
  /** `detail` is for people (sentence case); `endedBy` is set with 'ended'. */
  state: (state: CallState, detail: string | null, endedBy: CallParty | null) => void;
  /** The customer's stream; fired once per call attempt, however many tracks it carries. */
  stream: (stream: MediaStream) => void;
  message: (message: PeerMessage) => void;
  channel: (open: boolean) => void;
  stats: (stats: LinkStats) => void;
};

export interface CallTimings {
  /** An attempt that is not connected by then has failed. @default 20000 */
  connectTimeoutMs: number;
  /** The same for a fresh call placed while recovering from a drop. @default 8000 */
  redialConnectTimeoutMs: number;
  /** How long an ICE restart may take before a fresh call is placed. @default 10000 */
  recoveryMs: number;
  /** How long to keep placing fresh calls after a drop. @default 60000 */
  redialWindowMs: number;
  /** @default 1000 */
  statsIntervalMs: number;
}

export interface AssessorCallDeps {
  /** A console credential for this case (POST /api/cases/:id/peer). */
  fetchCredential: () => Promise<PeerCredential>;
  /** The customer's current peer id (GET /api/cases/:id), or null while their page is offline. */
  fetchCustomerPeerId: () => Promise<string | null>;
  /** Records the call lifecycle (POST /api/cases/:id/calls). */
  report: (event: CallEventBody) => Promise<void>;
  /** The assessor's microphone, or null to send silence. */
  openMicrophone: () => Promise<MediaStream | null>;
  timings?: Partial<CallTimings>;
}

export const callTimingDefaults: CallTimings = { connectTimeoutMs: 20_000, redialConnectTimeoutMs: 8000, recoveryMs: 10_000, redialWindowMs: 60_000, statsIntervalMs: 1000 };
