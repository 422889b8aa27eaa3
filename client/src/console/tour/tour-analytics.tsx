// Tours (#/tours): for each tour this server offers, where customers spent their time and what they
// opened, over the cases the user can see — as bars, because a sales team would rather look than read
// (a screen reader hears each chart's figures from its label).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TourAnalytics } from '../../../../protocol/tour-activity.ts';
import type { TourSummary } from '../../../../protocol/tour.ts';
import { i18next } from '../../i18n/i18n.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { consoleApi } from '../app/console-api.ts';

interface Bar {
  label: string;
  value: number;
  text: string;
}

const ROW = 22;
const LABEL_WIDTH = 190;
const CHART_WIDTH = 520;
const MAX_BARS = 10;

const minutes = (seconds: number): string =>
  seconds < 60
    ? i18next.t('guide:analytics.seconds', { s: Math.round(seconds) })
    : i18next.t('guide:analytics.minutes', { m: new Intl.NumberFormat(i18next.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(seconds / 60) });

/** Horizontal bars, longest first, at most ten: an SVG, so the page's CSP needs no inline styles. */
function BarChart(props: { title: string; bars: Bar[]; empty: string; testId: string }) {
  const bars = [...props.bars].sort((a, b) => b.value - a.value).slice(0, MAX_BARS);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const { t } = useTranslation('guide');
  const summary = t('analytics.summary', { title: props.title, values: bars.map((b) => t('analytics.bar', { label: b.label, value: b.text })).join(t('analytics.separator')) });
  return (
    <figure className="chart" data-testid={props.testId}>
      <figcaption className="small muted">{props.title}</figcaption>
      {bars.length === 0 ? (
        <p className="small muted">{props.empty}</p>
      ) : (
        <svg width={CHART_WIDTH} height={bars.length * ROW} viewBox={`0 0 ${CHART_WIDTH} ${bars.length * ROW}`} role="img" aria-label={summary}>
          {bars.map((bar, i) => {
            const width = Math.max(2, ((CHART_WIDTH - LABEL_WIDTH - 70) * bar.value) / max);
            return (
              <g key={bar.label} transform={`translate(0 ${i * ROW})`}>
                <text x={LABEL_WIDTH - 8} y={15} textAnchor="end" className="chart-label">
                  {bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label}
                </text>
                <rect x={LABEL_WIDTH} y={4} width={width} height={ROW - 8} rx={3} className="chart-bar" />
                <text x={LABEL_WIDTH + width + 6} y={15} className="chart-value">
                  {bar.text}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}

function TourCard(props: { tour: TourSummary }) {
  const { t } = useTranslation('guide');
  const [analytics, setAnalytics] = useState<TourAnalytics | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    consoleApi.tourAnalytics(props.tour.id).then((a) => live && setAnalytics(a), (e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [props.tour.id]);

  const exposure = analytics?.exposure;
  return (
    <section className="card tour-card" data-testid="tour-card" data-tour={props.tour.id}>
      <header className="tour-card-head">
        <h2>{props.tour.title}</h2>
        <span className="muted small">
          {props.tour.kind === 'cabin' ? t('analytics.seats', { count: props.tour.seats }) : t('analytics.viewpoints', { count: props.tour.viewpoints })}
          {analytics ? t('analytics.shownIn', { count: analytics.cases }) : ''}
        </span>
      </header>
      {error && <Banner tone="error">{error}</Banner>}
      {exposure && (
        <div className="tour-charts">
          <BarChart
            title={t('analytics.viewpointsTitle')}
            testId="chart-viewpoints"
            empty={t('analytics.viewpointsEmpty')}
            bars={exposure.viewpoints.map((v) => ({ label: v.title, value: v.seconds, text: minutes(v.seconds) }))}
          />
          <BarChart
            title={t('analytics.hotspotsTitle')}
            testId="chart-hotspots"
            empty={t('analytics.hotspotsEmpty')}
            bars={exposure.hotspots.map((h) => ({ label: h.title, value: h.opens, text: t('analytics.times', { count: h.opens }) }))}
          />
          {props.tour.seats > 0 && (
            <BarChart
              title={t('analytics.seatsTitle')}
              testId="chart-seats"
              empty={t('analytics.seatsEmpty')}
              bars={exposure.seats.map((s) => ({ label: t('seat.other', { seat: s.id }), value: s.looks, text: t('analytics.times', { count: s.looks }) }))}
            />
          )}
        </div>
      )}
    </section>
  );
}

export function TourAnalyticsPage() {
  const { t } = useTranslation('guide');
  const [tours, setTours] = useState<TourSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    consoleApi.listTours().then((list) => live && setTours(list), (e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, []);
  return (
    <main className="page tours-page" data-testid="tours-page">
      <h1>{t('analytics.title')}</h1>
      <p className="muted">{t('analytics.intro')}</p>
      {error && <Banner tone="error">{error}</Banner>}
      {tours?.length === 0 && <p className="muted">{t('analytics.none')}</p>}
      {tours?.map((tour) => <TourCard key={tour.id} tour={tour} />)}
    </main>
  );
}
