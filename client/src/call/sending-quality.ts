// Adapts the customer's camera encoding to the link: feeds link stats to chooseQuality and applies
// its level to the video sender, and turns video off and on for audio only.
import type { QualityLevel } from '../../../protocol/messages.ts';
import { applySenderEncoding } from './local-media.ts';
import { chooseQuality, encodingFor, type QualityState } from './quality.ts';
import type { LinkStats } from './stats.ts';

export interface QualityReport {
  level: QualityLevel;
  reason: string | null;
  /** The link is weak even at the lowest level: offer audio only. */
  suggestAudioOnly: boolean;
}

const WINDOW = 10;

export class SendingQuality {
  private state: QualityState = { level: 'high', changedAt: 0 };
  private recent: LinkStats[] = [];
  private audioOnly = false;
  private suggest = false;

  constructor(private readonly onChange: (report: QualityReport) => void) {}

  get level(): QualityLevel {
    return this.audioOnly ? 'audio-only' : this.state.level;
  }

  get isAudioOnly(): boolean {
    return this.audioOnly;
  }

  /** A new call starts at full quality; audio only stays as the customer chose it. */
  async reset(sender: RTCRtpSender | undefined, now: number): Promise<void> {
    this.state = { level: 'high', changedAt: now };
    this.recent = [];
    this.suggest = false;
    if (sender) await applySenderEncoding(sender, { active: !this.audioOnly, ...encodingFor.high });
  }

  async update(stats: LinkStats, sender: RTCRtpSender | undefined, now: number): Promise<void> {
    this.recent = [...this.recent.slice(-(WINDOW - 1)), stats];
    if (this.audioOnly || !sender) return;
    const decision = chooseQuality(this.state, this.recent, now);
    const changed = decision.level !== this.state.level;
    if (changed) {
      this.state = { level: decision.level, changedAt: now };
      await applySenderEncoding(sender, { active: true, ...encodingFor[decision.level] });
    }
    if (changed || decision.suggestAudioOnly !== this.suggest) {
      this.suggest = decision.suggestAudioOnly;
      this.onChange({ level: decision.level, reason: decision.reason ?? null, suggestAudioOnly: this.suggest });
    }
  }

  async setAudioOnly(on: boolean, sender: RTCRtpSender | undefined, track: MediaStreamTrack | undefined): Promise<void> {
    this.audioOnly = on;
    this.suggest = false;
    if (track) track.enabled = !on;
    if (sender) await applySenderEncoding(sender, { active: !on, ...encodingFor[this.state.level] });
    this.onChange({
      level: this.level,
      reason: on ? 'the customer switched to audio only' : 'the customer turned the camera back on',
      suggestAudioOnly: false,
    });
  }
}
