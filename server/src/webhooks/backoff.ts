// When a failed delivery is tried again: 5 s, 30 s, 2 min, 10 min, 1 h, 3 h, then every 6 h — about
// 22 hours in all — and then the message is abandoned (retryable by hand). `baseMs` scales the whole
// schedule (SIGHTLINE_WEBHOOK_RETRY_BASE_MS; tests shorten it).

/** The waits after attempts 1, 2, …, as multiples of the first. */
const SCHEDULE = [1, 6, 24, 120, 720, 2160, 4320, 4320, 4320];

/** Attempts made before a message is abandoned. */
export const MAX_ATTEMPTS = SCHEDULE.length + 1;

/**
 * The wait after the `attempts`-th failed attempt, with ±20 % jitter (`random` in [0, 1)) so that
 * messages that failed together do not all come back at once; null: give up.
 */
export function retryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number | null {
  const step = SCHEDULE[attempts - 1];
  if (step === undefined) return null;
  return Math.round(step * baseMs * (0.8 + 0.4 * random()));
}
