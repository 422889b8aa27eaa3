// The KPIs as CSV (RFC 4180: CRLF line ends, a field with a comma, quote or line break quoted, quotes
// doubled): one row per bucket (its start on the clock of the report's zone, with the offset), then a
// totals row that also carries the period's headline KPIs.
import type { KpiReport } from '../../../../protocol/kpi.ts';
import { zonedIso } from './kpi-zone.ts';

export const KPI_CSV_COLUMNS = [
  'bucket_start', 'arrivals', 'served', 'abandoned', 'mean_wait_s',
  'wait_p50_s', 'wait_p90_s', 'wait_max_s', 'handle_p50_s', 'handle_p90_s',
  'abandonment', 'first_contact_resolution', 'satisfaction_mean', 'satisfaction_count', 'bot_containment', 'switches',
] as const;

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvRow = (fields: readonly (string | number | null)[]): string => fields.map(csvField).join(',');
const share = (value: number | null): number | null => (value === null ? null : Number(value.toFixed(4)));

export function kpiCsv(report: KpiReport): string {
  const rows = [csvRow(KPI_CSV_COLUMNS)];
  const blanks = KPI_CSV_COLUMNS.length - 5;
  for (const b of report.series) rows.push(csvRow([zonedIso(report.timeZone, Date.parse(b.start)), b.arrivals, b.served, b.abandoned, b.meanWaitSeconds, ...Array<null>(blanks).fill(null)]));
  rows.push(csvRow([
    'total', report.entered, report.served, report.abandoned, report.waitSeconds.mean,
    report.waitSeconds.p50, report.waitSeconds.p90, report.waitSeconds.max, report.handleSeconds.p50, report.handleSeconds.p90,
    share(report.abandonment), share(report.firstContactResolution), report.satisfaction.mean, report.satisfaction.count, share(report.botContainment.ratio), report.switches.count,
  ]));
  return `${rows.join('\r\n')}\r\n`;
}

/** `sightline-kpis-2026-11-28-to-2026-12-05.csv`: the period's days in the report's zone. */
export const kpiCsvName = (report: KpiReport): string => {
  const day = (iso: string) => zonedIso(report.timeZone, Date.parse(iso)).slice(0, 10);
  return `sightline-kpis-${day(report.from)}-to-${day(report.to)}.csv`;
};
