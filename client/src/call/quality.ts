// Chooses the customer's video sending level from recent link stats: step down fast on a weak link,
// step up slowly once it has been clean for a while, and suggest audio only before the call breaks.
// Pure: the caller owns the clock and applies the result to the RTCRtpSender.
import type { QualityLevel } from '../../../protocol/messages.ts';
import type { LinkStats } from './stats.ts';

export type SendingLevel = Exclude<QualityLevel, 'audio-only'>;

export interface QualityState {
  level: SendingLevel;
  /** When the level last changed (ms, same clock as `now`). */
  changedAt: number;
}

export interface QualityDecision {
  level: SendingLevel;
  /** Why the level changed, in words; only set when it changed. */
  reason?: string;
  /** The link is bad even at the lowest level: offer the customer audio only. */
  suggestAudioOnly: boolean;
}

/** How each level encodes the camera. */
export const encodingFor: Record<SendingLevel, { scaleResolutionDownBy: number; maxBitrate: number }> = {
  high: { scaleResolutionDownBy: 1, maxBitrate: 1_500_000 },
  medium: { scaleResolutionDownBy: 2, maxBitrate: 600_000 },
  low: { scaleResolutionDownBy: 4, maxBitrate: 200_000 },
};

const order: SendingLevel[] = ['low', 'medium', 'high'];
/** Bandwidth estimates below this (kbit/s) are too little for the level. */
const bandwidthFloor: Record<SendingLevel, number> = { high: 200, medium: 100, low: 0 };
/** Bandwidth estimate (kbit/s) needed before stepping up into a level. */
const bandwidthToEnter: Record<SendingLevel, number> = { high: 800, medium: 350, low: 0 };

export const qualityTimings = {
  /** Minimum time at a level before stepping down again. */
  downHoldMs: 3000,
  /** Minimum time at a level before stepping up. */
  upHoldMs: 10_000,
  /** Samples looked at to step down (≥ 3 of them bad). */
  downWindow: 5,
  /** Samples that must all be clean to step up. */
  upWindow: 10,
};

/** Loss on the camera stream when it flows, else over everything sent. */
const lossOf = (sample: LinkStats): number => sample.videoLossPct ?? sample.packetLossPct;

function problem(sample: LinkStats, level: SendingLevel): string | null {
  if (lossOf(sample) >= 8) return `packet loss ${Math.round(lossOf(sample))} %`;
  if (sample.rttMs !== null && sample.rttMs >= 500) return `round trip ${Math.round(sample.rttMs)} ms`;
  if (sample.availableOutgoingKbps !== null && sample.availableOutgoingKbps < bandwidthFloor[level]) {
    return `bandwidth ${Math.round(sample.availableOutgoingKbps)} kbit/s`;
  }
  return null;
}

function clean(sample: LinkStats, target: SendingLevel): boolean {
  return (
    lossOf(sample) < 2 &&
    (sample.rttMs === null || sample.rttMs < 250) &&
    (sample.availableOutgoingKbps === null || sample.availableOutgoingKbps >= bandwidthToEnter[target])
  );
}

/** `recent` is oldest first, one sample per second. */
export function chooseQuality(state: QualityState, recent: readonly LinkStats[], now: number): QualityDecision {
  const { level } = state;
  const index = order.indexOf(level);
  const lastFew = recent.slice(-qualityTimings.downWindow);
  const problems = lastFew.map((s) => problem(s, level)).filter((p): p is string => p !== null);
  const weak = problems.length >= 3;
  const collapsing = recent.slice(-3).some((s) => lossOf(s) >= 25);
  const suggestAudioOnly = (level === 'low' && weak) || collapsing;

  if (weak && index > 0 && now - state.changedAt >= qualityTimings.downHoldMs) {
    return { level: order[index - 1] ?? 'low', reason: `weak connection (${problems[problems.length - 1]})`, suggestAudioOnly };
  }
  const up = order[index + 1];
  const upWindow = recent.slice(-qualityTimings.upWindow);
  if (
    up &&
    upWindow.length >= qualityTimings.upWindow &&
    upWindow.every((s) => clean(s, up)) &&
    now - state.changedAt >= qualityTimings.upHoldMs
  ) {
    return { level: up, reason: 'connection improved', suggestAudioOnly: false };
  }
  return { level, suggestAudioOnly };
}
