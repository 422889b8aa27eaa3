// What the customer is shown on a tour, gathered into batches for the ledger: time at each viewpoint
// (from arriving to leaving, or to the batch being sent), hotspots opened and seats looked at — and,
// on the agent's console, where the agent pointed, led the customer and what was offered. A batch
// is sent under one id until the server has it, so a retry after a dropped request is stored once;
// events arriving meanwhile wait for the next batch. No timers here: the caller says when to flush.
import type { TourActivityBody, TourEvent } from '../../../protocol/tour-activity.ts';
import type { TourView } from '../../../protocol/messages.ts';
import type { Vec3 } from '../../../protocol/tour.ts';

export interface TourActivityOptions {
  send: (body: TourActivityBody) => Promise<unknown>;
  now: () => number;
  newBatchId: () => string;
  /** @default 200 — a batch holds at most this many events; the rest wait for the next. */
  maxEvents?: number;
}

export class TourActivityRecorder {
  private readonly waiting: TourEvent[] = [];
  private inFlight: TourActivityBody | null = null;
  private current: { viewpoint: string; since: number } | null = null;
  private view: TourView | undefined;

  constructor(private readonly options: TourActivityOptions) {}

  private at(): string {
    return new Date(this.options.now()).toISOString();
  }

  /** Closes the time at the current viewpoint into an event, and keeps timing it if it continues. */
  private closeViewpoint(continues: boolean): void {
    if (!this.current) return;
    const now = this.options.now();
    const seconds = Math.max(0, (now - this.current.since) / 1000);
    if (seconds >= 0.5) this.waiting.push({ kind: 'viewpoint', viewpoint: this.current.viewpoint, at: new Date(this.current.since).toISOString(), seconds: Math.round(seconds * 10) / 10 });
    this.current = continues ? { viewpoint: this.current.viewpoint, since: now } : null;
  }

  arrive(viewpoint: string): void {
    if (this.current?.viewpoint === viewpoint) return;
    this.closeViewpoint(false);
    this.current = { viewpoint, since: this.options.now() };
  }

  openHotspot(hotspot: string): void {
    this.waiting.push({ kind: 'hotspot', hotspot, at: this.at() });
  }

  lookAtSeat(seat: string): void {
    this.waiting.push({ kind: 'seat', seat, at: this.at() });
  }

  /** The agent placed the pointer at `target`, seen from `viewpoint`: one event per placement. */
  point(viewpoint: string, target: Vec3): void {
    this.waiting.push({ kind: 'pointer', viewpoint, target, at: this.at() });
  }

  /** The agent brought the customer to a viewpoint. */
  lead(viewpoint: string): void {
    this.waiting.push({ kind: 'led', viewpoint, at: this.at() });
  }

  offer(offer: { option: string; seat?: string | undefined; amount: number; currency: string }): void {
    this.waiting.push({ kind: 'offer', option: offer.option, ...(offer.seat ? { seat: offer.seat } : {}), amount: offer.amount, currency: offer.currency, at: this.at() });
  }

  setView(view: TourView): void {
    this.view = view;
  }

  /** Events not yet acknowledged by the server (in flight and waiting). */
  get pending(): number {
    return (this.inFlight?.events.length ?? 0) + this.waiting.length;
  }

  /**
   * Sends what was gathered as one batch (the viewpoint the customer is at counts up to now). A batch
   * that failed is sent again first, under the same id. Resolves false when the send failed.
   */
  async flush(opts: { leaving?: boolean } = {}): Promise<boolean> {
    this.closeViewpoint(!opts.leaving);
    if (!this.inFlight) {
      if (this.waiting.length === 0) return true;
      const events = this.waiting.splice(0, this.options.maxEvents ?? 200);
      this.inFlight = { batchId: this.options.newBatchId(), ...(this.view ? { view: this.view } : {}), events };
    }
    const batch = this.inFlight;
    try {
      await this.options.send(batch);
    } catch {
      return false;
    }
    if (this.inFlight === batch) this.inFlight = null;
    return this.waiting.length === 0 || this.flush(opts);
  }
}
