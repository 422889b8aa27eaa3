// The periods a supervisor picks (Today, 7 days, 30 days, or two days of their own) as GET /api/kpis's
// query, the time zone its days are counted in, and how the board writes its figures (durations, shares, chart axes) in the page's language.
import { i18next } from '../../i18n/i18n.ts';

export type PeriodChoice = { kind: 'today' } | { kind: 'days'; days: 7 | 30 } | { kind: 'custom'; from: string; to: string };

export interface PeriodQuery {
  from?: string;
  to?: string;
}

const DAY_MS = 86_400_000;

/** Today is since the supervisor's own midnight; custom days are whole days on their clock, `to` included. */
export function periodQuery(choice: PeriodChoice, now: Date): PeriodQuery {
  if (choice.kind === 'today') {
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    return { from: midnight.toISOString(), to: now.toISOString() };
  }
  if (choice.kind === 'days') return { from: new Date(now.getTime() - choice.days * DAY_MS).toISOString(), to: now.toISOString() };
  return { from: choice.from, to: choice.to };
}

/**
 * The browser's IANA time zone, which the server counts the KPIs' days and hours in (`tz`); none when the
 * browser cannot tell (ICU's "Etc/Unknown"), and the server then counts in UTC and says so in the report.
 */
export function viewerTimeZone(): string | undefined {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && zone !== 'Etc/Unknown' ? zone : undefined;
}

/** The locale the board's figures are written in: British English for English (as the server's), else the page's language. */
export const boardLocale = (): string => (i18next.language === 'en' ? 'en-GB' : i18next.language);

/**
 * A bucket's label on a chart's axis: "14:00" by the hour, "5 Dec" / "12月5日" by the day, on the clock of
 * the zone the server counted in (the report's `timeZone`: the browser's, as the period line above is).
 */
export function bucketLabel(startIso: string, bucket: 'hour' | 'day', timeZone: string): string {
  const at = new Date(startIso);
  if (bucket === 'hour') return at.toLocaleTimeString(boardLocale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  return at.toLocaleDateString(boardLocale(), { day: 'numeric', month: 'short', timeZone });
}

/** "42 s", "3 min", "1 h 05 min" (42 秒, 3 分钟, 1 小时 05 分); a dash for nothing measured. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  if (s < 60) return i18next.t('supervisor:duration.seconds', { s });
  const minutes = Math.floor(s / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (minutes < 60) return s % 60 ? i18next.t('supervisor:duration.minutesSeconds', { m: minutes, s: pad(s % 60) }) : i18next.t('supervisor:duration.minutes', { m: minutes });
  return i18next.t('supervisor:duration.hoursMinutes', { h: Math.floor(minutes / 60), m: pad(minutes % 60) });
}

/** "37 %" (37%); a dash when there was nothing to divide. */
export const formatShare = (share: number | null): string => (share === null ? '—' : i18next.t('supervisor:share', { percent: Math.round(share * 100) }));

/** A count or mean as the page's language writes numbers ("1,234", "4.3"). */
export const formatNumber = (value: number, fractionDigits = 0): string =>
  new Intl.NumberFormat(boardLocale(), { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
