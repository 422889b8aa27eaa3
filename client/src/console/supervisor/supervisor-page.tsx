// The supervisor's wall board (#/supervisor): the live queue and assessors on top, then the KPIs of a
// chosen period as tiles and charts, with the same figures as a CSV to download.
import { useEffect, useState } from 'react';
import type { KpiReport } from '../../../../protocol/kpi.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { KpiCharts } from './kpi-charts.tsx';
import { periodQuery, type PeriodChoice, type PeriodQuery } from './kpi-period.ts';
import { KpiTiles } from './kpi-tiles.tsx';
import { QueueBoard } from './live-queue.tsx';
import { supervisorApi } from './supervisor-api.ts';
import { useLiveQueue, useNow } from './use-live-queue.ts';
import './supervisor.css';

const PRESETS: { id: string; label: string; choice: PeriodChoice }[] = [
  { id: 'today', label: 'Today', choice: { kind: 'today' } },
  { id: '7d', label: '7 days', choice: { kind: 'days', days: 7 } },
  { id: '30d', label: '30 days', choice: { kind: 'days', days: 30 } },
];

/** The day in the browser's time zone, as a date field shows it. */
const isoDay = (at: Date): string => `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
/** The browser's locale, as the day fields beside it use. */
const PERIOD_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function SupervisorPage() {
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
          <h1>Supervisor</h1>
          <p className="muted small" data-testid="queue-read">
            {live.readAt ? `Live queue · refreshed every 3 s · last ${new Date(live.readAt).toLocaleTimeString()}` : 'Reading the queue…'}
          </p>
        </div>
      </div>
      {live.error && <Banner tone="warning">The live queue could not be refreshed: {live.error}</Banner>}
      {live.queue && <QueueBoard queue={live.queue} now={now} />}

      <section className="sv-kpis" aria-label="KPIs">
        <div className="sv-kpi-head">
          <h2>Performance</h2>
          <div className="sv-period" role="group" aria-label="Period">
            {PRESETS.map((p) => (
              <button key={p.id} type="button" className={`btn btn-small ${preset === p.id ? 'btn-primary' : ''}`} aria-pressed={preset === p.id} data-testid={`period-${p.id}`} onClick={() => choose(p.id)}>
                {p.label}
              </button>
            ))}
            <form
              className="sv-custom"
              onSubmit={(e) => {
                e.preventDefault();
                choose('custom');
              }}
            >
              <input type="date" aria-label="From" data-testid="period-from" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} required />
              <span className="muted">to</span>
              <input type="date" aria-label="To" data-testid="period-to" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} required />
              <button type="submit" className={`btn btn-small ${preset === 'custom' ? 'btn-primary' : ''}`} data-testid="period-custom">
                Show
              </button>
            </form>
            <a className="btn btn-small" href={supervisorApi.csvUrl(period)} download data-testid="kpi-csv">
              Download CSV
            </a>
          </div>
        </div>
        {kpiError && <Banner tone="error" testId="kpi-error">{kpiError}</Banner>}
        {report && (
          <>
            <p className="muted small" data-testid="kpi-period">
              {PERIOD_FORMAT.formatRange(new Date(report.from), new Date(report.to))} · {report.entered} queued
            </p>
            <KpiTiles report={report} />
            <KpiCharts report={report} />
          </>
        )}
      </section>
    </main>
  );
}
