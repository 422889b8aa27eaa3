// A tour's downloads, counted in bytes for the progress bar and cancelled together. A download may
// start before the viewer's code has arrived (the customer's page asks for the first view's files as
// soon as it has read tour.json); the viewer then takes it over instead of asking again. No three.js.
import { fetchBytes, type ByteProgress } from './fetch-bytes.ts';

export interface LoadProgress {
  /** Bytes received and expected over all downloads so far (a file of unknown size counts what arrived). */
  loaded: number;
  total: number;
  /** Downloads still running. */
  active: number;
}

const IDLE: LoadProgress = { loaded: 0, total: 0, active: 0 };

export class TourDownloads {
  private readonly progressByUrl = new Map<string, ByteProgress & { done: boolean }>();
  private readonly started = new Map<string, Promise<ArrayBuffer>>();
  private readonly listeners = new Set<() => void>();
  private snapshot: LoadProgress = IDLE;
  private readonly controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Starts downloading `url` now, for a later `take`; starting it again does nothing. */
  start(url: string, file: string): void {
    if (this.started.has(url) || this.signal.aborted) return;
    const download = this.download(url, file);
    // Not taken (the tour closed first): its failure is nobody's to report.
    download.catch(() => undefined);
    this.started.set(url, download);
  }

  /** The download of `url` started earlier, or a new one. */
  take(url: string, file: string): Promise<ArrayBuffer> {
    const early = this.started.get(url);
    this.started.delete(url);
    return early ?? this.download(url, file);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  progress(): LoadProgress {
    return this.snapshot;
  }

  dispose(): void {
    this.controller.abort(new DOMException('The tour was closed.', 'AbortError'));
    this.started.clear();
    this.listeners.clear();
  }

  private download(url: string, file: string): Promise<ArrayBuffer> {
    this.progressByUrl.set(url, { loaded: 0, total: null, done: false });
    this.changed();
    return fetchBytes(url, file, (progress) => {
      this.progressByUrl.set(url, { ...progress, done: false });
      this.changed();
    }, this.signal).finally(() => {
      const last = this.progressByUrl.get(url);
      if (last) this.progressByUrl.set(url, { ...last, done: true });
      this.changed();
    });
  }

  private changed(): void {
    let loaded = 0;
    let total = 0;
    let active = 0;
    for (const d of this.progressByUrl.values()) {
      loaded += d.loaded;
      total += d.total ?? d.loaded;
      if (!d.done) active++;
    }
    this.snapshot = { loaded, total, active };
    for (const listener of [...this.listeners]) listener();
  }
}
