// A photo's when/where check in words (issue 15), the same in the console and the PDF report: each flag
// as a short phrase people read beside the photo, and a gallery upload's EXIF time and place.
import type { CaptureCheck, CaptureFlag, ExifFacts } from './capture.ts';
import type { EvidenceSource } from './http.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "10 min", "3 h", "2 days": a clock difference in the unit a person would say it in. */
export function durationWords(ms: number): string {
  const minutes = Math.abs(ms) / 60_000;
  if (minutes < 90) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} days`;
}

/** "850 m", "4.2 km", "52 km". */
export function distanceWords(metres: number): string {
  if (metres < 1000) return `${Math.round(metres)} m`;
  const km = metres / 1000;
  return km < 10 ? `${km.toFixed(1)} km` : `${Math.round(km)} km`;
}

/**
 * One flag in words: "Clock 10 min off", "52 km from the case address", "Gallery upload — not live".
 * A gallery file's time is when the file was made, not the phone's clock at upload: its clock flag says so.
 */
export function flagWords(flag: CaptureFlag, check: CaptureCheck, source?: EvidenceSource): string {
  if (flag === 'clock-off') {
    return source === 'gallery' ? `File time ${durationWords(check.clockSkewMs ?? 0)} from the upload` : `Clock ${durationWords(check.clockSkewMs ?? 0)} off`;
  }
  if (flag === 'far-from-address') return `${distanceWords(check.distanceM ?? 0)} from the case address`;
  return 'Gallery upload — not live';
}

/** Every flag of a check in words, in the check's order; empty when none was raised. */
export function captureWords(check: CaptureCheck, source?: EvidenceSource): string[] {
  return check.flags.map((flag) => flagWords(flag, check, source));
}

/** "3 Dec 2026 14:02" as the camera wrote it (its own local time; the offset after it when known). */
export function exifTimeWords(time: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(time);
  if (!match) return time;
  const [, y, mo, d, h, mi, zone] = match;
  const month = MONTHS[Number(mo) - 1] ?? mo;
  return `${Number(d)} ${month} ${y} ${h}:${mi}${zone ? ` (UTC${zone === 'Z' ? '' : zone})` : ''}`;
}

/** "−3.17": two decimals, a true minus sign. */
export function degreesWords(value: number): string {
  return value.toFixed(2).replace('-', '−');
}

/** "EXIF: 3 Dec 2026 14:02, 55.97, −3.17"; null when the file carried neither. */
export function exifWords(exif: ExifFacts | null | undefined): string | null {
  if (!exif) return null;
  const parts = [
    exif.time ? exifTimeWords(exif.time) : null,
    exif.latitude !== null && exif.longitude !== null ? `${degreesWords(exif.latitude)}, ${degreesWords(exif.longitude)}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? `EXIF: ${parts.join(', ')}` : null;
}
