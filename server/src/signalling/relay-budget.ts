// How much one signalling socket may send for relaying: a token bucket in bytes. Each message also costs
// a fixed amount, because a flood of tiny messages costs parsing and relaying work however small they
// are. Pure: the caller supplies the clock reading.

export interface RelayRate {
  /** Sustained allowance. */
  bytesPerSecond: number;
  /** What a socket may send at once after being quiet: call set-up is a burst (offer, answer, candidates). */
  burstBytes: number;
}

/** Charged on top of each message's own size. */
export const MESSAGE_COST_BYTES = 1024;

export interface RelayBudget {
  /** Spends the cost of one message of `bytes`; false when the socket has run out. */
  spend(bytes: number, nowMs: number): boolean;
}

export function createRelayBudget(rate: RelayRate, nowMs: number): RelayBudget {
  if (!(rate.bytesPerSecond > 0) || !(rate.burstBytes >= MESSAGE_COST_BYTES)) throw new Error('relay budget: bad rate');
  let available = rate.burstBytes;
  let at = nowMs;
  return {
    spend(bytes, now) {
      // A clock that steps back refills nothing rather than draining the bucket.
      available = Math.min(rate.burstBytes, available + (Math.max(0, now - at) * rate.bytesPerSecond) / 1000);
      at = Math.max(at, now);
      const cost = bytes + MESSAGE_COST_BYTES;
      if (cost > available) return false;
      available -= cost;
      return true;
    },
  };
}
