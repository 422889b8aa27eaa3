// Polls one RTCPeerConnection's getStats on an interval and hands out link stats between polls.
import { linkStats, readStats, type LinkStats, type StatsSample } from './stats.ts';

export class StatsPoller {
  private last: StatsSample | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly direction: 'inbound' | 'outbound',
    private readonly onStats: (stats: LinkStats) => void,
  ) {}

  start(pc: () => RTCPeerConnection | null | undefined, intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => void this.poll(pc()), intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.last = null;
  }

  private async poll(pc: RTCPeerConnection | null | undefined): Promise<void> {
    if (!pc || pc.connectionState === 'closed') return;
    const report = await pc.getStats();
    if (!this.timer) return;
    const sample = readStats(report.values(), this.direction, performance.now());
    if (this.last) this.onStats(linkStats(this.last, sample));
    this.last = sample;
  }
}
