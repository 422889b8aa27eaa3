// Connection quality of the live call: bitrate, packet loss, round trip and a 0–5 network score, with
// the word beside the score and the customer's sending quality taken from the one call state.
import type { LinkStats } from '../../call/stats.ts';
import { formatBitrate, formatPercent, formatRtt } from '../../ui/format.ts';
import { useTranslation } from 'react-i18next';
import type { ConsoleCall } from './call-state.ts';
import { connectionWord, customerQualityText } from './call-text.ts';

export function QualityPanel(props: {
  call: ConsoleCall;
  stats: LinkStats | null;
  /** A guided tour's call carries voice and the tour's sync, no video: nothing to say about video. */
  voiceOnly?: boolean;
}) {
  const { t } = useTranslation('console');
  const { call } = props;
  // Figures only while they describe a link that is up; the last ones of a broken link are not news.
  const stats = call.phase === 'connected' && call.measured ? props.stats : null;
  const score = stats?.score ?? null;
  const customerQuality = props.voiceOnly ? null : customerQualityText(call);
  return (
    <section className="card quality" data-testid="quality-panel" data-state={call.phase} aria-label={t('call.quality.label')}>
      <div className="quality-head">
        <h3>{t('call.quality.title')}</h3>
        <div className={`score score-${score ?? 'none'}`} data-testid="network-score" data-score={score ?? ''} title={score === null ? undefined : t('call.quality.score', { score })}>
          {[1, 2, 3, 4, 5].map((bar) => (
            <span key={bar} className={score !== null && bar <= score ? 'on' : ''} />
          ))}
          <span className="score-word" data-testid="network-word">
            {connectionWord(call, score)}
          </span>
        </div>
      </div>
      <dl className="metrics">
        <div>
          <dt>{t('call.quality.bitrate')}</dt>
          <dd data-testid="q-bitrate">{stats ? formatBitrate(stats.bitrateKbps) : '—'}</dd>
        </div>
        <div>
          <dt>{t('call.quality.loss')}</dt>
          <dd data-testid="q-loss">{stats ? formatPercent(stats.packetLossPct) : '—'}</dd>
        </div>
        <div>
          <dt>{t('call.quality.rtt')}</dt>
          <dd data-testid="q-rtt">{stats ? formatRtt(stats.rttMs) : '—'}</dd>
        </div>
        {!props.voiceOnly && (
          <div>
            <dt>{t('call.quality.video')}</dt>
            <dd data-testid="q-video">{stats?.video ? `${stats.video.width}×${stats.video.height} · ${Math.round(stats.video.fps)} fps` : '—'}</dd>
          </div>
        )}
      </dl>
      {customerQuality && (
        <p className="small muted" data-testid="customer-quality">
          {customerQuality}
        </p>
      )}
    </section>
  );
}
