// The period's headline figures as tiles: each a number, what it is, and what it is out of.
import type { KpiReport } from '../../../../protocol/kpi.ts';
import { formatSeconds, formatShare } from './kpi-period.ts';

export function KpiTiles(props: { report: KpiReport }) {
  const r = props.report;
  const tiles: { id: string; label: string; value: string; detail: string }[] = [
    { id: 'wait', label: 'Wait (median)', value: formatSeconds(r.waitSeconds.p50), detail: `p90 ${formatSeconds(r.waitSeconds.p90)} · max ${formatSeconds(r.waitSeconds.max)}` },
    { id: 'handle', label: 'Handle time (median)', value: formatSeconds(r.handleSeconds.p50), detail: `p90 ${formatSeconds(r.handleSeconds.p90)} · ${r.handleSeconds.count} finished` },
    { id: 'abandonment', label: 'Abandoned', value: formatShare(r.abandonment), detail: `${r.abandoned} of ${r.entered} who queued` },
    { id: 'fcr', label: 'First-contact resolution', value: formatShare(r.firstContactResolution), detail: 'not queued again within 7 days' },
    { id: 'satisfaction', label: 'Satisfaction', value: r.satisfaction.mean === null ? '—' : `${r.satisfaction.mean.toFixed(1)} / 5`, detail: `${r.satisfaction.count} ${r.satisfaction.count === 1 ? 'answer' : 'answers'}` },
    { id: 'containment', label: 'Bot containment', value: formatShare(r.botContainment.ratio), detail: `${r.botContainment.contained} of ${r.botContainment.intakes} intakes kept by the assistant` },
    { id: 'served', label: 'Served', value: String(r.served), detail: `of ${r.entered} queued` },
    { id: 'switches', label: 'Channel switches', value: r.switches.kinds.length ? String(r.switches.count) : '—', detail: r.switches.kinds.length ? 'text ↔ voice ↔ video ↔ XR' : 'not recorded yet' },
  ];
  return (
    <div className="sv-tiles" data-testid="kpi-tiles">
      {tiles.map((t) => (
        <div key={t.id} className="card sv-tile" data-testid={`kpi-${t.id}`}>
          <span className="sv-tile-label">{t.label}</span>
          <span className="sv-tile-value">{t.value}</span>
          <span className="sv-tile-detail">{t.detail}</span>
        </div>
      ))}
    </div>
  );
}
