// Asking the server for the customer's offer again and again when no data channel tells them of a new
// one (the call-ended screen): every few seconds while the page is visible, backing off after failures,
// not at all while it is hidden, and at once when it shows again. No React: the hook starts and stops it.

/** The page's visibility, as the poller needs it; `documentVisibility(document)` in the browser. */
export interface Visibility {
  hidden(): boolean;
  /** Calls `listener` on each change; returns its removal. */
  onChange(listener: () => void): () => void;
}

export interface OfferPollOptions {
  /** One request; rejects when it failed. Aborted by stop(). */
  load: (signal: AbortSignal) => Promise<void>;
  visibility: Visibility;
  /** @default 5000 */
  intervalMs?: number;
  /** The longest wait after failures. @default 60000 */
  maxIntervalMs?: number;
}

export const OFFER_POLL_MS = 5000;
export const OFFER_POLL_MAX_MS = 60_000;

/** The wait before the next request: the interval after a success, doubled per failure in a row up to the cap. */
export function pollDelay(failures: number, intervalMs: number, maxIntervalMs: number): number {
  return Math.min(maxIntervalMs, intervalMs * 2 ** Math.min(failures, 16));
}

export function documentVisibility(doc: Document): Visibility {
  return {
    hidden: () => doc.visibilityState === 'hidden',
    onChange(listener) {
      doc.addEventListener('visibilitychange', listener);
      return () => doc.removeEventListener('visibilitychange', listener);
    },
  };
}

/**
 * Starts polling: the first request one interval from now (the caller has just loaded), or when the page
 * next shows if it is hidden. Returns stop(), which clears the timer and aborts a request in flight.
 */
export function startOfferPoll(options: OfferPollOptions): () => void {
  const intervalMs = options.intervalMs ?? OFFER_POLL_MS;
  const maxIntervalMs = options.maxIntervalMs ?? OFFER_POLL_MAX_MS;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: AbortController | null = null;
  let stopped = false;

  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const schedule = () => {
    clear();
    if (stopped || inFlight || options.visibility.hidden()) return;
    timer = setTimeout(tick, pollDelay(failures, intervalMs, maxIntervalMs));
  };
  function tick(): void {
    timer = null;
    if (stopped || inFlight || options.visibility.hidden()) return;
    const controller = new AbortController();
    inFlight = controller;
    options.load(controller.signal).then(
      () => {
        failures = 0;
      },
      () => {
        failures += 1;
      },
    ).finally(() => {
      if (inFlight === controller) inFlight = null;
      schedule();
    });
  }
  const offVisibility = options.visibility.onChange(() => {
    if (options.visibility.hidden()) clear();
    else {
      // Back in view: ask now rather than one interval later, what was missed may be waiting.
      clear();
      tick();
    }
  });
  schedule();

  return () => {
    stopped = true;
    clear();
    offVisibility();
    inFlight?.abort();
    inFlight = null;
  };
}
