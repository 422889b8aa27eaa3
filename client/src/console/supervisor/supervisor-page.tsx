// The supervisor's wall board (#/supervisor): the live queue and assessors on top, then the KPIs of a
// chosen period as tiles and charts, with the same figures as a CSV to download.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiReport } from '../../../../protocol/kpi.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { formatTime } from '../../ui/format.ts';
import { KpiCharts } from './kpi-charts.tsx';
import { boardLocale, formatNumber, periodQuery, type PeriodChoice, type PeriodQuery } from './kpi-period.ts';
import { KpiTiles } from './kpi-tiles.tsx';
import { QueueBoard } from './live-queue.tsx';
import { supervisorApi } from './supervisor-api.ts';
import { QUEUE_POLL_MS, useLiveQueue, useNow } from './use-live-queue.ts';
import './supervisor.css';

/** Each preset with its message key (supervisor:period.*). */
const PRESETS: { id: string; label: string; choice: PeriodChoice }[] = [
  { id: 'today', label: 'period.today', choice: { kind: 'today' } },
  { id: '7d', label: 'period.days7', choice: { kind: 'days', days: 7 } },
  { id: '30d', label: 'period.days30', choice: { kind: 'days', days: 30 } },
];

/** The day in the browser's time zone, as a date field shows it. */
const isoDay = (at: Date): string => `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;

export function SupervisorPage() {
  const { t } = useTranslation('supervisor');
  const live = useLiveQueue();
  const now = useNow();
  const [preset, setPreset] = useState<string>('7d');
  const [custom, setCustom] = useState(() => ({ from: isoDay(new Date(Date.now() - 6 * 86_400_000)), to: isoDay(new Date()) }));
  const [period, setPeriod] = useState<PeriodQuery>(() => periodQuery({ kind: 'days', days: 7 }, new Date()));
  const [report, setReport] = useState<KpiReport | null>(null);
  const [kpiError, setKpiError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setKpiError(null);
    supervisorApi.kpis(period, abort.signal).then(setReport, (error: unknown) => {
      if (!abort.signal.aborted) setKpiError(messageOf(error));
    });
    return () => abort.abort();
  }, [period]);

  function choose(id: string): void {
    setPreset(id);
    const found = PRESETS.find((p) => p.id === id);
    const query = periodQuery(found ? found.choice : { kind: 'custom', ...custom }, new Date());
    setPeriod(query);
    // The day fields show the period chosen, so a preset and the fields never disagree.
    if (found && query.from && query.to) setCustom({ from: isoDay(new Date(query.from)), to: isoDay(new Date(query.to)) });
  }

  return (
    <main className="page sv-page" data-testid="supervisor-page">
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted small" data-testid="queue-read">
            {live.readAt ? t('live.read', { seconds: QUEUE_POLL_MS / 1000, time: formatTime(new Date(live.readAt).toISOString()) }) : t('live.reading')}
          </p>
        </div>
      </div>
      {live.error && <Banner tone="warning">{t('live.failed', { error: live.error })}</Banner>}
      {live.queue && <QueueBoard queue={live.queue} now={now} />}

      <section className="sv-kpis" aria-labelledby="sv-kpi-title">
        <div className="sv-kpi-head">
          <h2 id="sv-kpi-title">{t('kpis')}</h2>
          <div className="sv-period" role="group" aria-label={t('period.label')}>
            {PRESETS.map((p) => (
              <button key={p.id} type="button" className={`btn btn-small ${preset === p.id ? 'btn-primary' : ''}`} aria-pressed={preset === p.id} data-testid={`period-${p.id}`} onClick={() => choose(p.id)}>
                {t(p.label)}
              </button>
            ))}
            <form
              className="sv-custom"
              onSubmit={(e) => {
                e.preventDefault();
                choose('custom');
              }}
            >
              <input type="date" aria-label={t('period.from')} data-testid="period-from" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} required />
              <span className="muted">{t('period.to')}</span>
              <input type="date" aria-label={t('period.toDay')} data-testid="period-to" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} required />
              <button type="submit" className={`btn btn-small ${preset === 'custom' ? 'btn-primary' : ''}`} data-testid="period-custom">
                {t('period.show')}
              </button>
            </form>
            <a className="btn btn-small" href={supervisorApi.csvUrl(period)} download data-testid="kpi-csv">
              {t('period.csv')}
            </a>
          </div>
        </div>
        {kpiError && <Banner tone="error" testId="kpi-error">{kpiError}</Banner>}
        {report && (
          <>
            <p className="muted small" data-testid="kpi-period">
              {t('period.line', { range: new Intl.DateTimeFormat(boardLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: report.timeZone }).formatRange(new Date(report.from), new Date(report.to)), queued: formatNumber(report.entered) })}
            </p>
            <KpiTiles report={report} />
            <KpiCharts report={report} />
          </>
        )}
      </section>
    </main>
  );
}
