// The period's four charts: arrivals, served and abandoned over time; mean wait over time; channel mix;
// satisfaction's distribution — each with its figures as a table for a screen reader. Configs are
// memoised on the report and the language, so a re-render redraws nothing.
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiReport } from '../../../../protocol/kpi.ts';
import { CHANNEL_NAMES } from './live-queue.tsx';
import { CHART_COLOURS, KpiChart, type ChartTable } from './kpi-chart.tsx';
import { boardLocale, bucketLabel, formatNumber, formatSeconds } from './kpi-period.ts';

type Config = ChartConfiguration<'bar' | 'line'>;
const integerAxis = { beginAtZero: true, ticks: { precision: 0 } };

export function KpiCharts(props: { report: KpiReport }) {
  const { report } = props;
  const { t, i18n } = useTranslation('supervisor');
  const language = i18n.language;
  const charts = useMemo(() => {
    // Chart.js writes its axis ticks and tooltip figures in this locale.
    const locale = boardLocale();
    const labels = report.series.map((b) => bucketLabel(b.start, report.bucket, report.timeZone));
    const count = (n: number) => formatNumber(n);
    const flowNames = [t('chart.arrivals'), t('chart.served'), t('chart.abandoned')];
    const flow: Config = {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: flowNames[0], data: report.series.map((b) => b.arrivals), backgroundColor: CHART_COLOURS.arrivals },
          { label: flowNames[1], data: report.series.map((b) => b.served), backgroundColor: CHART_COLOURS.served },
          { label: flowNames[2], data: report.series.map((b) => b.abandoned), backgroundColor: CHART_COLOURS.abandoned },
        ],
      },
      options: { locale, scales: { y: integerAxis }, plugins: { legend: { position: 'bottom' } } },
    };
    const waitName = t('chart.meanWait');
    const wait: Config = {
      type: 'line',
      data: { labels, datasets: [{ label: waitName, data: report.series.map((b) => b.meanWaitSeconds), borderColor: CHART_COLOURS.wait, backgroundColor: CHART_COLOURS.wait, spanGaps: true, tension: 0.25 }] },
      options: {
        locale,
        scales: { y: { beginAtZero: true, title: { display: true, text: t('chart.waitAxis') } } },
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item: TooltipItem<'bar' | 'line'>) => `${waitName}: ${formatSeconds(item.parsed.y)}` } } },
      },
    };
    const channels = Object.entries(report.channelMix) as [keyof typeof CHANNEL_NAMES, number][];
    const entriesName = t('chart.entries');
    const mix: Config = {
      type: 'bar',
      data: { labels: channels.map(([c]) => CHANNEL_NAMES[c]), datasets: [{ label: entriesName, data: channels.map(([, n]) => n), backgroundColor: CHART_COLOURS.arrivals }] },
      options: { locale, indexAxis: 'y', scales: { x: integerAxis }, plugins: { legend: { display: false } } },
    };
    const scoreLabels = ['1', '2', '3', '4', '5'];
    const answersName = t('chart.answers');
    const scores: Config = {
      type: 'bar',
      data: {
        labels: scoreLabels,
        datasets: [{ label: answersName, data: [...report.satisfaction.distribution], backgroundColor: ['#b3261e', '#d9730d', '#9a6400', '#4f8a5b', '#1e7b4f'] }],
      },
      options: { locale, scales: { y: integerAxis }, plugins: { legend: { display: false } } },
    };
    const when = t(report.bucket === 'hour' ? 'chart.hour' : 'chart.day');
    const tables: Record<'flow' | 'wait' | 'mix' | 'scores', ChartTable> = {
      flow: { head: [when, ...flowNames], rows: report.series.map((b, i) => [labels[i]!, count(b.arrivals), count(b.served), count(b.abandoned)]) },
      wait: { head: [when, waitName], rows: report.series.map((b, i) => [labels[i]!, formatSeconds(b.meanWaitSeconds)]) },
      mix: { head: [t('live.channel'), entriesName], rows: channels.map(([c, n]) => [CHANNEL_NAMES[c], count(n)]) },
      scores: { head: [t('chart.score'), answersName], rows: report.satisfaction.distribution.map((n, i) => [scoreLabels[i]!, count(n)]) },
    };
    return { configs: { flow, wait, mix, scores }, tables };
    // The language is read by t() and boardLocale(): a switch remakes the charts in it.
  }, [report, t, language]);

  const { configs, tables } = charts;
  const unit = report.bucket === 'hour' ? 'Hour' : 'Day';
  const noScores = report.satisfaction.distribution.every((n) => n === 0);
  return (
    <div className="sv-charts" data-testid="kpi-charts">
      <KpiChart title={t(`chart.flowTitle${unit}`)} config={configs.flow} table={tables.flow} testId="chart-flow" label={t('chart.flowLabel')} />
      <KpiChart title={t(`chart.waitTitle${unit}`)} config={configs.wait} table={tables.wait} testId="chart-wait" label={t('chart.waitLabel')} />
      <KpiChart title={t('chart.mixTitle')} config={configs.mix} table={tables.mix} testId="chart-channels" label={t('chart.mixLabel')} />
      <KpiChart title={t('chart.scoresTitle')} config={configs.scores} table={tables.scores} testId="chart-satisfaction" label={t('chart.scoresLabel')} empty={noScores ? t('chart.scoresEmpty') : null} />
    </div>
  );
}
