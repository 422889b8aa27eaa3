import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pollDelay, startOfferPoll, type Visibility } from './offer-poll.ts';

/** A page whose visibility the test switches, as `visibilitychange` would. */
class Page implements Visibility {
  private listeners = new Set<() => void>();
  constructor(private isHidden = false) {}
  hidden = () => this.isHidden;
  onChange(listener: () => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  set(hidden: boolean) {
    this.isHidden = hidden;
    for (const listener of this.listeners) listener();
  }
  get listening() {
    return this.listeners.size;
  }
}

/** A load that records its calls and answers as `state` says. */
function loader() {
  const calls: AbortSignal[] = [];
  const state = { fail: false, hang: false };
  const load = (signal: AbortSignal) => {
    calls.push(signal);
    if (state.hang) return new Promise<void>(() => undefined);
    return state.fail ? Promise.reject(new Error('offline')) : Promise.resolve();
  };
  return { calls, state, load };
}

describe('pollDelay', () => {
  it('is the interval after a success, doubles per failure and stops at the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 100].map((f) => pollDelay(f, 5000, 60_000))).toEqual([5000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
  });
});

describe('startOfferPoll', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks every interval while the page is visible, not at once (the caller has just loaded)', async () => {
    const { calls, load } = loader();
    const stop = startOfferPoll({ load, visibility: new Page(), intervalMs: 5000 });
    await vi.advanceTimersByTimeAsync(4999);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(3);
    stop();
  });

  it('backs off after failures and returns to the interval after a success', async () => {
    const { calls, state, load } = loader();
    state.fail = true;
    const stop = startOfferPoll({ load, visibility: new Page(), intervalMs: 1000, maxIntervalMs: 4000 });
    const at: number[] = [];
    const t0 = Date.now();
    const record = async (ms: number) => {
      const before = calls.length;
      await vi.advanceTimersByTimeAsync(ms);
      if (calls.length > before) at.push(Date.now() - t0);
    };
    for (let i = 0; i < 12; i += 1) await record(1000);
    // 1 s, then +2 s, +4 s, +4 s (capped): at 1, 3, 7, 11 s.
    expect(at).toEqual([1000, 3000, 7000, 11_000]);
    state.fail = false;
    await vi.advanceTimersByTimeAsync(4000); // the capped wait: this one succeeds
    const n = calls.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.length).toBe(n + 1);
    stop();
  });

  it('stops while the page is hidden and asks at once when it shows again', async () => {
    const { calls, load } = loader();
    const page = new Page();
    const stop = startOfferPoll({ load, visibility: page, intervalMs: 5000 });
    await vi.advanceTimersByTimeAsync(3000);
    page.set(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(0);
    page.set(false);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(2);
    stop();
  });

  it('started on a hidden page, waits until it shows', async () => {
    const { calls, load } = loader();
    const page = new Page(true);
    const stop = startOfferPoll({ load, visibility: page, intervalMs: 5000 });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toHaveLength(0);
    page.set(false);
    expect(calls).toHaveLength(1);
    stop();
  });

  it('never has two requests in flight', async () => {
    const { calls, state, load } = loader();
    state.hang = true;
    const page = new Page();
    const stop = startOfferPoll({ load, visibility: page, intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(10_000);
    page.set(true);
    page.set(false);
    expect(calls).toHaveLength(1);
    stop();
  });

  it('stop() clears the timer, aborts the request in flight and stops listening', async () => {
    const { calls, state, load } = loader();
    const page = new Page();
    const stop = startOfferPoll({ load, visibility: page, intervalMs: 1000 });
    state.hang = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
    stop();
    expect(calls[0]!.aborted).toBe(true);
    expect(page.listening).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
  });
});
