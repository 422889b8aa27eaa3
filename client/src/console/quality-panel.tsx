// Connection quality of the live call: bitrate, packet loss, round trip and a 0–5 network score.
import type { QualityLevel } from '../../../protocol/messages.ts';
import type { LinkStats } from '../call/stats.ts';
import { formatBitrate, formatPercent, formatRtt } from '../ui/format.ts';

const scoreWords = ['No media', 'Bad', 'Poor', 'Fair', 'Good', 'Excellent'];

export function QualityPanel(props: {
  stats: LinkStats | null;
  customerQuality: { level: QualityLevel; reason: string | null } | null;
  /** A guided tour's call carries voice and the tour's sync, no video: nothing to say about video. */
  voiceOnly?: boolean;
}) {
  const { stats } = props;
  const score = stats?.score ?? 0;
  return (
    <section className="card quality" data-testid="quality-panel" aria-label="Connection quality">
      <div className="quality-head">
        <h3>Connection</h3>
        <div className={`score score-${stats ? score : 'none'}`} data-testid="network-score" data-score={stats ? score : ''} title={`Network score ${score} of 5`}>
          {[1, 2, 3, 4, 5].map((bar) => (
            <span key={bar} className={stats && bar <= score ? 'on' : ''} />
          ))}
          <span className="score-word">{stats ? scoreWords[score] : 'No call'}</span>
        </div>
      </div>
      <dl className="metrics">
        <div>
          <dt>Bitrate</dt>
          <dd data-testid="q-bitrate">{stats ? formatBitrate(stats.bitrateKbps) : '—'}</dd>
        </div>
        <div>
          <dt>Packet loss</dt>
          <dd data-testid="q-loss">{stats ? formatPercent(stats.packetLossPct) : '—'}</dd>
        </div>
        <div>
          <dt>Round trip</dt>
          <dd data-testid="q-rtt">{stats ? formatRtt(stats.rttMs) : '—'}</dd>
        </div>
        {!props.voiceOnly && (
          <div>
            <dt>Video</dt>
            <dd data-testid="q-video">{stats?.video ? `${stats.video.width}×${stats.video.height} · ${Math.round(stats.video.fps)} fps` : '—'}</dd>
          </div>
        )}
      </dl>
      {!props.voiceOnly && props.customerQuality && props.customerQuality.level !== 'high' && (
        <p className="small muted" data-testid="customer-quality">
          Customer sending {props.customerQuality.level === 'audio-only' ? 'audio only' : `${props.customerQuality.level} quality video`}
          {props.customerQuality.reason ? ` (${props.customerQuality.reason})` : ''}.
        </p>
      )}
    </section>
  );
}
