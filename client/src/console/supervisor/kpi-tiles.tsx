// The period's headline figures as tiles: each a number, what it is, and what it is out of.
import { useTranslation } from 'react-i18next';
import type { KpiReport } from '../../../../protocol/kpi.ts';
import { formatNumber, formatSeconds, formatShare } from './kpi-period.ts';

export function KpiTiles(props: { report: KpiReport }) {
  const { t } = useTranslation('supervisor');
  const r = props.report;
  const n = (value: number) => formatNumber(value);
  const tiles: { id: string; label: string; value: string; detail: string }[] = [
    { id: 'wait', label: t('tile.wait'), value: formatSeconds(r.waitSeconds.p50), detail: t('tile.waitDetail', { p90: formatSeconds(r.waitSeconds.p90), max: formatSeconds(r.waitSeconds.max) }) },
    { id: 'handle', label: t('tile.handle'), value: formatSeconds(r.handleSeconds.p50), detail: t('tile.handleDetail', { p90: formatSeconds(r.handleSeconds.p90), finished: n(r.handleSeconds.count) }) },
    { id: 'abandonment', label: t('tile.abandoned'), value: formatShare(r.abandonment), detail: t('tile.abandonedDetail', { abandoned: n(r.abandoned), entered: n(r.entered) }) },
    { id: 'fcr', label: t('tile.fcr'), value: formatShare(r.firstContactResolution), detail: t('tile.fcrDetail') },
    { id: 'satisfaction', label: t('tile.satisfaction'), value: r.satisfaction.mean === null ? '—' : t('tile.satisfactionValue', { mean: formatNumber(r.satisfaction.mean, 1) }), detail: t('tile.answers', { count: r.satisfaction.count, n: n(r.satisfaction.count) }) },
    { id: 'containment', label: t('tile.containment'), value: formatShare(r.botContainment.ratio), detail: t('tile.containmentDetail', { contained: n(r.botContainment.contained), intakes: n(r.botContainment.intakes) }) },
    { id: 'served', label: t('tile.served'), value: n(r.served), detail: t('tile.servedDetail', { entered: n(r.entered) }) },
    { id: 'switches', label: t('tile.switches'), value: r.switches.kinds.length ? n(r.switches.count) : '—', detail: r.switches.kinds.length ? t('tile.switchesDetail') : t('tile.switchesNone') },
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
