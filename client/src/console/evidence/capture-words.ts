// A photo's when/where check and a device's clock skew in the console's language. In English the words
// are those of protocol/capture-words.ts (which the PDF report uses); capture-words.test.ts holds them equal.
import type { CaptureCheck, CaptureFlag, ExifFacts } from '../../../../protocol/capture.ts';
import { degreesWords } from '../../../../protocol/capture-words.ts';
import type { EvidenceSource } from '../../../../protocol/http.ts';
import { i18next } from '../../i18n/i18n.ts';

const t = (key: string, options?: Record<string, unknown>): string => i18next.t(`casework:${key}`, options);

/** "10 min", "3 h", "2 days". */
export function durationText(ms: number): string {
  const minutes = Math.abs(ms) / 60_000;
  if (minutes < 90) return t('flags.minutes', { value: Math.round(minutes) });
  const hours = minutes / 60;
  if (hours < 48) return t('flags.hours', { value: Math.round(hours) });
  return t('flags.days', { value: Math.round(hours / 24) });
}

/** "850 m", "4.2 km", "52 km". */
export function distanceText(metres: number): string {
  if (metres < 1000) return t('flags.metres', { value: Math.round(metres) });
  const km = metres / 1000;
  return t('flags.kilometres', { value: km < 10 ? km.toFixed(1) : Math.round(km) });
}

/** One flag: "Clock 10 min off", "52 km from the case address", "Gallery upload — not live". */
export function flagText(flag: CaptureFlag, check: CaptureCheck, source?: EvidenceSource): string {
  if (flag === 'clock-off') return t(source === 'gallery' ? 'flags.clock-off-gallery' : 'flags.clock-off', { duration: durationText(check.clockSkewMs ?? 0) });
  if (flag === 'far-from-address') return t('flags.far-from-address', { distance: distanceText(check.distanceM ?? 0) });
  return t('flags.not-live');
}

/** The camera's own local time ("3 Dec 2026 14:02", the offset after it when known). */
export function exifTimeText(time: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(time);
  if (!match) return time;
  const [, year, month, day, hour, minute, zone] = match;
  const text = t('flags.exifTime', { day: Number(day), month: t(`flags.month.${Number(month)}`), year, hour, minute });
  return zone ? t('flags.exifZone', { time: text, zone: zone === 'Z' ? '' : zone }) : text;
}

/** "EXIF: 3 Dec 2026 14:02, 55.97, −3.17"; null when the file carried neither. */
export function exifText(exif: ExifFacts | null | undefined): string | null {
  if (!exif) return null;
  const parts = [
    exif.time ? exifTimeText(exif.time) : null,
    exif.latitude !== null && exif.longitude !== null ? `${degreesWords(exif.latitude)}, ${degreesWords(exif.longitude)}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? t('flags.exif', { facts: parts.join(', ') }) : null;
}

/** Clock skew of a capturing device, e.g. "device clock 3 min behind" (skews over two hours in hours, "3.0 h"). */
export function skewText(skewMs: number): string {
  const minutes = Math.abs(skewMs) / 60_000;
  const amount = minutes >= 120 ? t('skew.hours', { value: (minutes / 60).toFixed(1) }) : t('skew.minutes', { value: Math.round(minutes) });
  // skew = receivedAt − deviceTime: a positive skew means the device clock is behind the server's.
  return t(skewMs > 0 ? 'skew.behind' : 'skew.ahead', { amount });
}
