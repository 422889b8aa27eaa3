// A set of timeouts and intervals cleared together, so a call object can drop all of them at once.
export class Timers {
  private readonly timeouts = new Set<ReturnType<typeof setTimeout>>();
  private readonly intervals = new Set<ReturnType<typeof setInterval>>();

  after(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timeouts.delete(timer);
      fn();
    }, ms);
    this.timeouts.add(timer);
  }

  /** Returns a function that stops this one interval. */
  every(ms: number, fn: () => void): () => void {
    const timer = setInterval(fn, ms);
    this.intervals.add(timer);
    return () => {
      clearInterval(timer);
      this.intervals.delete(timer);
    };
  }

  /** Clears the pending timeouts (intervals keep running). */
  clearTimeouts(): void {
    for (const timer of this.timeouts) clearTimeout(timer);
    this.timeouts.clear();
  }

  clearAll(): void {
    this.clearTimeouts();
    for (const timer of this.intervals) clearInterval(timer);
    this.intervals.clear();
  }
}
