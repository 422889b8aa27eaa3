// The periods a supervisor picks (Today, 7 days, 30 days, or two days of their own) as GET /api/kpis's query.

export type PeriodChoice = { kind: 'today' } | { kind: 'days'; days: 7 | 30 } | { kind: 'custom'; from: string; to: string };

export interface PeriodQuery {
  from?: string;
  to?: string;
}

const DAY_MS = 86_400_000;

/** Today is since the supervisor's own midnight; custom days are whole UTC days, `to` included. */
export function periodQuery(choice: PeriodChoice, now: Date): PeriodQuery {
  if (choice.kind === 'today') {
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    return { from: midnight.toISOString(), to: now.toISOString() };
  }
  if (choice.kind === 'days') return { from: new Date(now.getTime() - choice.days * DAY_MS).toISOString(), to: now.toISOString() };
  return { from: choice.from, to: choice.to };
}

/** A bucket's label on a chart's axis: "14:00" by the hour, "5 Dec" by the day (UTC, as the buckets are). */
export function bucketLabel(startIso: string, bucket: 'hour' | 'day'): string {
  const at = new Date(startIso);
  if (bucket === 'hour') return `${String(at.getUTCHours()).padStart(2, '0')}:00`;
  return at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** "42 s", "3 min", "1 h 05 min"; a dash for nothing measured. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min${s % 60 ? ` ${String(s % 60).padStart(2, '0')} s` : ''}`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** "37 %"; a dash when there was nothing to divide. */
export const formatShare = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)} %`);
