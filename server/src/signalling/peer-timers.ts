// `peer` 1.0.2 starts two timers that reschedule themselves forever (message expiry, broken-connection
// check) and offers no way to stop them. A timer scope lends `peer` a setTimeout that records, unrefs
// and wraps each timer, but only while `peer`'s own code runs synchronously (its start-up inside
// `run`, then each of its timer callbacks), so `stop()` can clear the whole chain.
const nativeSetTimeout = globalThis.setTimeout;

export interface TimerScope {
  /** Runs `fn` with the scoped setTimeout installed as the global one. */
  run<T>(fn: () => T): T;
  /** Clears every pending timer of the scope; callbacks already queued do nothing. */
  stop(): void;
}

export function createTimerScope(): TimerScope {
  // Weak, so that a timer someone else clears (ws's close timer, when `peer` closes a broken socket)
  // does not stay reachable from here with everything its callback holds.
  const pending = new Set<WeakRef<NodeJS.Timeout>>();
  let stopped = false;

  function scopedSetTimeout(callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): NodeJS.Timeout {
    for (const ref of pending) if (ref.deref() === undefined) pending.delete(ref);
    const timer = nativeSetTimeout(() => {
      pending.delete(ref);
      if (!stopped) run(() => callback(...args));
    }, ms);
    const ref = new WeakRef(timer);
    timer.unref();
    pending.add(ref);
    return timer;
  }

  function run<T>(fn: () => T): T {
    const previous = globalThis.setTimeout;
    // The cast only bridges the DOM overload of setTimeout (returns a number) that tsconfig's lib adds.
    globalThis.setTimeout = Object.assign(scopedSetTimeout, { __promisify__: previous.__promisify__ }) as typeof setTimeout;
    try {
      return fn();
    } finally {
      globalThis.setTimeout = previous;
    }
  }

  function stop(): void {
    stopped = true;
    for (const ref of pending) clearTimeout(ref.deref());
    pending.clear();
  }

  return { run, stop };
}
