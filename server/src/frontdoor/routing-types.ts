// The shapes the front door's routing core decides over. Plain data, no I/O: the storage layer reads
// these from its rows, calls the pure functions, and applies what they return.
import type { OfferFacts } from '../../../protocol/queue.ts';

export const CHANNELS = ['text', 'voice', 'video', 'xr'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A voice, video or XR session takes the whole person (see assessor-capacity.ts). */
export const LIVE_CHANNELS: readonly Channel[] = ['voice', 'video', 'xr'];

/** Skill name → level 1..5, e.g. { auto: 3, 'lang:zh-CN': 5 }. A skill not listed is level 0. */
export type SkillLevels = Readonly<Record<string, number>>;

export interface SkillRequirement {
  skill: string;
  minLevel: number;
}

/**
 * One stage of an entry's criteria. It is in force from `afterSeconds` of waiting until the next step's
 * `afterSeconds` (Amazon Connect's expiring steps, Genesys's bullseye rings). Empty `requires` = any assessor.
 */
export interface RoutingStep {
  afterSeconds: number;
  requires: readonly SkillRequirement[];
}

export interface QueueEntry {
  id: string;
  channel: Channel;
  /** Higher is served first. */
  priority: number;
  /** Epoch ms. A customer put back after a disconnect keeps the original time, so they are at the head. */
  enqueuedAt: number;
  /**
   * In ascending `afterSeconds` (the caller validates that), each step accepting at least whoever the one
   * before did; the wait estimate assumes they only relax. An empty list means any assessor from the start.
   */
  steps: readonly RoutingStep[];
  /** Assessors who declined this entry or let an offer of it time out. */
  passedOver: readonly string[];
  /** Only this assessor may take it (warm transfer, callback owner) while the pin holds; see routing.ts. */
  pinnedTo?: string;
  /** A callback waiting for its time: keeps its place, gets no offer. */
  held?: true;
}

export type AssessorStatus = 'available' | 'busy' | 'away' | 'offline';

export type ChannelCounts = Readonly<Partial<Record<Channel, number>>>;

export interface Assessor {
  id: string;
  status: AssessorStatus;
  skills: SkillLevels;
  /** Sessions the person may hold at once per channel; a channel not listed is one they do not take. */
  capacity: ChannelCounts;
  /** Sessions held now per channel. */
  load: ChannelCounts;
  /** In a live call the queue did not give them (one from a join link): it takes the whole person, as a session does. */
  inCall?: boolean;
  /** The entry this assessor has been offered and not yet answered. */
  pendingOffer?: string;
  /** Epoch ms of their last assignment; absent = never, which counts as idle longest. */
  lastAssignedAt?: number;
}

export interface Offer {
  entryId: string;
  assessorId: string;
  /** Index into the entry's steps of the step that matched; -1 for a pinned entry (no skill test). */
  stepIndex: number;
  /** The ledger's text for why this assessor, e.g. "matched auto≥2 after relaxing at 30 s". */
  reason: string;
  /** The same as facts, for words in the reader's language. */
  facts: OfferFacts;
  /** Every eligible assessor had passed the entry over: the storage layer must empty its passedOver. */
  clearedPassedOver: boolean;
}
