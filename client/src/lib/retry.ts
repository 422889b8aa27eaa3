// When and how long to wait before retrying an upload. Pure, so the policy is unit tested.

/** Network failures (status 0), timeouts, rate limits and server errors are worth another try. */
export function isRetryable(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** Exponential backoff with jitter: ~1 s, 2 s, 4 s, 8 s, capped at 15 s. `random` is in [0, 1). */
export function backoffDelay(attempt: number, random: number): number {
  const base = Math.min(15_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + random * 0.5));
}

/** The server's Retry-After (seconds) in ms, or null when absent or not a number of seconds. */
export function retryAfterMs(header: string | null): number | null {
  if (header === null || !/^\d{1,6}$/.test(header.trim())) return null;
  return Number(header.trim()) * 1000;
}

/** How long to wait before the next attempt: at least what the server asked for (at most 60 s), else the backoff. */
export function retryDelay(attempt: number, random: number, serverAskedMs: number | null): number {
  const backoff = backoffDelay(attempt, random);
  return serverAskedMs === null ? backoff : Math.max(backoff, Math.min(60_000, serverAskedMs));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done(): void {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort(): void {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}
