// How the report spells times, money, durations and places. Times are UTC and say so: a report is
// read later, elsewhere, and must not depend on the reader's time zone.
import type { EvidenceSource, Location } from '../../../protocol/http.ts';

/** `2026-05-04 14:03:22 UTC`. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `2026-05-04 14:03:22`, for table columns headed "(UTC)". */
export function formatTimeShort(iso: string): string {
  return formatTime(iso).replace(/ UTC$/, '');
}

const GROUPED = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `EUR 1,200.00`; a plain grouped number when no currency was given. */
export function formatMoney(amount: number, currency: string | null): string {
  return currency ? `${currency} ${GROUPED.format(amount)}` : GROUPED.format(amount);
}

/** `5 min 03 s`, `2.4 s`, `1 h 02 min`: a readable length of time. */
export function formatSpan(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 60_000) return `${(abs / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(abs / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return hours > 0 ? `${hours} h ${String(minutes).padStart(2, '0')} min` : `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}

/** receivedAt − deviceTime in words: received `1 min 35 s after device time`. */
export function formatClockSkew(ms: number): string {
  return `${formatSpan(ms)} ${ms >= 0 ? 'after' : 'before'} device time`;
}

/** `51.50000, -0.12000 (± 8 m)`. */
export function formatLocation(location: Location): string {
  const place = `${location.latitude.toFixed(5)}, ${location.longitude.toFixed(5)}`;
  return location.accuracy !== undefined ? `${place} (± ${Math.round(location.accuracy)} m)` : place;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const SOURCE_LABEL: Record<EvidenceSource, string> = {
  'device-still': 'Device still (camera)',
  'video-frame': 'Video frame',
  gallery: 'Gallery upload',
};

export const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
