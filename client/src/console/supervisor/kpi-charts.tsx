// The period's four charts: arrivals, served and abandoned over time; mean wait over time; channel mix;
// satisfaction's distribution. Configs are memoised on the report, so a re-render redraws nothing.
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import type { KpiReport } from '../../../../protocol/kpi.ts';
import { CHANNEL_NAMES } from './live-queue.tsx';
import { CHART_COLOURS, KpiChart } from './kpi-chart.tsx';
import { bucketLabel } from './kpi-period.ts';

type Config = ChartConfiguration<'bar' | 'line'>;
const integerAxis = { beginAtZero: true, ticks: { precision: 0 } };

export function KpiCharts(props: { report: KpiReport }) {
  const { report } = props;
  const configs = useMemo(() => {
    const labels = report.series.map((b) => bucketLabel(b.start, report.bucket));
    const flow: Config = {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: 'Arrivals', data: report.series.map((b) => b.arrivals), backgroundColor: CHART_COLOURS.arrivals },
          { label: 'Served', data: report.series.map((b) => b.served), backgroundColor: CHART_COLOURS.served },
          { label: 'Abandoned', data: report.series.map((b) => b.abandoned), backgroundColor: CHART_COLOURS.abandoned },
        ],
      },
      options: { scales: { y: integerAxis }, plugins: { legend: { position: 'bottom' } } },
    };
    const wait: Config = {
      type: 'line',
      data: { labels, datasets: [{ label: 'Mean wait (s)', data: report.series.map((b) => b.meanWaitSeconds), borderColor: CHART_COLOURS.wait, backgroundColor: CHART_COLOURS.wait, spanGaps: true, tension: 0.25 }] },
      options: { scales: { y: { beginAtZero: true } }, plugins: { legend: { display: false } } },
    };
    const channels = Object.entries(report.channelMix) as [keyof typeof CHANNEL_NAMES, number][];
    const mix: Config = {
      type: 'bar',
      data: { labels: channels.map(([c]) => CHANNEL_NAMES[c]), datasets: [{ label: 'Entries', data: channels.map(([, n]) => n), backgroundColor: CHART_COLOURS.arrivals }] },
      options: { indexAxis: 'y', scales: { x: integerAxis }, plugins: { legend: { display: false } } },
    };
    const scores: Config = {
      type: 'bar',
      data: {
        labels: ['1', '2', '3', '4', '5'],
        datasets: [{ label: 'Answers', data: [...report.satisfaction.distribution], backgroundColor: ['#b3261e', '#d9730d', '#9a6400', '#4f8a5b', '#1e7b4f'] }],
      },
      options: { scales: { y: integerAxis }, plugins: { legend: { display: false } } },
    };
    return { flow, wait, mix, scores };
  }, [report]);

  const unit = report.bucket === 'hour' ? 'hour' : 'day';
  return (
    <div className="sv-charts" data-testid="kpi-charts">
      <KpiChart title={`Arrivals, served and abandoned per ${unit} (UTC)`} config={configs.flow} testId="chart-flow" label="Arrivals, served and abandoned over time" />
      <KpiChart title={`Mean wait per ${unit}`} config={configs.wait} testId="chart-wait" label="Mean wait over time" />
      <KpiChart title="Channel mix" config={configs.mix} testId="chart-channels" label="Queue entries by channel" />
      <KpiChart title="Satisfaction (1–5)" config={configs.scores} testId="chart-satisfaction" label="Survey scores from 1 to 5" />
    </div>
  );
}
