// Delivers call lifecycle events to the server in order, retrying through network drops: the events
// of a drop (reconnecting, failed) happen exactly when the server is hardest to reach.
import type { CallEventBody } from '../../../protocol/http.ts';
import { ApiRequestError } from '../lib/api.ts';
import { backoffDelay, isRetryable } from '../lib/retry.ts';

export class CallReporter {
  private readonly queue: { event: CallEventBody; at: number }[] = [];
  private flushing = false;
  private closing = false;
  private cancelWait: (() => void) | null = null;

  constructor(
    private readonly send: (event: CallEventBody) => Promise<unknown>,
    /** Events still undelivered after this long are given up (and logged). @default 300000 */
    private readonly maxAgeMs = 5 * 60_000,
  ) {}

  report(event: CallEventBody): void {
    this.queue.push({ event, at: Date.now() });
    void this.flush();
  }

  /** Stops waiting between retries: whatever is still queued gets one last try. */
  dispose(): void {
    this.closing = true;
    this.cancelWait?.();
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    let attempt = 0;
    for (let head = this.queue[0]; head; head = this.queue[0]) {
      try {
        await this.send(head.event);
        this.queue.shift();
        attempt = 0;
      } catch (error) {
        const retryable = error instanceof ApiRequestError && isRetryable(error.status);
        if (!retryable || this.closing || Date.now() - head.at > this.maxAgeMs) {
          console.warn('Gave up recording the call event', head.event.event, error);
          this.queue.shift();
        } else {
          // Capped low: once the network is back the record should catch up within seconds.
          await this.wait(Math.min(5000, backoffDelay(++attempt, Math.random())));
        }
      }
    }
    this.flushing = false;
  }

  private wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.cancelWait = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.cancelWait = null;
    });
  }
}
