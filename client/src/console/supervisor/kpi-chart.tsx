// One Chart.js chart on a canvas: made when mounted, remade when its data changes, destroyed on unmount.
// Only the bar and line pieces are registered, so the bundle carries no other chart type. The same
// figures are in a visually hidden table beside the canvas, for a screen reader.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export const CHART_COLOURS = { arrivals: '#1f4e79', served: '#1e7b4f', abandoned: '#b3261e', wait: '#9a6400', neutral: '#52606d' } as const;

/** A chart's figures as text: a header row (the first cell names the rows) and one row per label. */
export interface ChartTable {
  head: string[];
  rows: string[][];
}

/** `empty`, when given, is said over the chart's bare axes: the period has nothing to draw. */
export function KpiChart(props: { title: string; config: ChartConfiguration<'bar' | 'line'>; testId: string; label: string; table: ChartTable; empty?: string | null }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { config, table } = props;

  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      ...config,
      options: { animation: false, responsive: true, maintainAspectRatio: false, ...config.options },
    });
    return () => chart.destroy();
  }, [config]);

  return (
    <figure className="card sv-chart">
      <figcaption>{props.title}</figcaption>
      <div className="sv-chart-box">
        <canvas ref={canvas} data-testid={props.testId} role="img" aria-label={props.label} />
        {props.empty && (
          <p className="sv-chart-empty" data-testid={`${props.testId}-empty`}>
            <span>{props.empty}</span>
          </p>
        )}
      </div>
      <table className="visually-hidden" data-testid={`${props.testId}-table`}>
        <caption>{props.title}</caption>
        <thead>
          <tr>
            {table.head.map((cell, i) => (
              <th key={i} scope="col">{cell}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map(([first, ...rest], i) => (
            <tr key={i}>
              <th scope="row">{first}</th>
              {rest.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
