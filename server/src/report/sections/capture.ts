// When and where the photos were taken (issue 15), for the PDF's evidence section: a short summary
// (how many photos are flagged, against which address) and, on each photo's card, its flags in words
// and a gallery upload's EXIF time and place — in the report's language.
import type { CaptureCheck, CaptureFlag, ExifFacts } from '../../../../protocol/capture.ts';
import { degreesWords, exifTimeWords } from '../../../../protocol/capture-words.ts';
import type { EvidenceSource } from '../../../../protocol/http.ts';
import { SOURCE_LANGUAGE } from '../../i18n/translate.ts';
import type { ReportWords } from '../format.ts';
import type { CaseReport, ReportEvidence } from '../report-data.ts';
import { COLOUR, SIZE, type Field, type Pen } from '../report-layout.ts';

/** "When and where: 2 of 6 photos flagged …", then the address they were checked against. */
export function drawWhenAndWhere(pen: Pen, report: CaseReport): void {
  const { say } = pen.words;
  const photos = report.evidence.length;
  const flagged = report.evidence.filter((item) => (item.capture?.flags.length ?? 0) > 0);
  const unchecked = report.evidence.filter((item) => !item.capture).length;
  const address = report.case.address;
  const where = address
    ? say(address.address ? 'capture.address' : 'capture.position', { address: address.address, latitude: degreesWords(address.latitude), longitude: degreesWords(address.longitude) })
    : say('capture.noAddress');
  const limit = report.evidence.find((item) => item.capture?.maxDistanceM != null)?.capture?.maxDistanceM;
  const rules = limit ? say('capture.rulesDistance', { distance: distance(pen.words, limit) }) : say('capture.rules');
  const count = flagged.length === 0
    ? say('capture.noneFlagged', { count: photos })
    : say('capture.flagged', { count: photos, flagged: flagged.length, photos: pen.words.list(flagged.map((item) => say('evidence.photo', { number: item.number }))) });
  const text = unchecked > 0 ? say('capture.summaryUnchecked', { flagged: count, where, rules, count: unchecked }) : say('capture.summary', { flagged: count, where, rules });
  pen.paragraph(text, { size: SIZE.small, colour: flagged.length > 0 ? COLOUR.bad : COLOUR.muted });
  pen.gap(4);
}

/** The card's "When and where" field (its flags, or that none was raised) and its EXIF field. */
export function captureFields(words: ReportWords, item: ReportEvidence): Field[] {
  const { say } = words;
  const fields: Field[] = [];
  if (item.capture) {
    const flags = item.capture.flags.map((flag) => flagWords(words, flag, item.capture!, item.source));
    fields.push(flags.length > 0
      ? { label: say('capture.label'), value: flags.join(say('format.clause')), style: { font: 'bold', colour: COLOUR.bad } }
      : { label: say('capture.label'), value: say('capture.noFlag') });
  }
  const exif = exifWords(words, item.exif);
  if (exif) fields.push({ label: say('capture.exifLabel'), value: exif });
  return fields;
}

/** Short badge labels for the flags raised, drawn beside the photo's title. */
export function captureBadges(words: ReportWords, item: ReportEvidence): string[] {
  return (item.capture?.flags ?? []).map((flag) => words.say(flag === 'clock-off' ? 'capture.badgeClock' : flag === 'far-from-address' ? 'capture.badgeFar' : 'capture.badgeNotLive'));
}

/** "850 m", "4.2 km", "52 km" (units as they are in every language). */
function distance(words: ReportWords, metres: number): string {
  return metres < 1000 ? `${words.fixed(metres, 0)} m` : `${words.fixed(metres / 1000, metres < 10_000 ? 1 : 0)} km`;
}

/** "10 min", "3 h", "2 days": a clock difference in the unit a person would say it in. */
function roughDuration(words: ReportWords, ms: number): string {
  const minutes = Math.abs(ms) / 60_000;
  if (minutes < 90) return words.say('format.roughMinutes', { value: Math.round(minutes) });
  const hours = minutes / 60;
  if (hours < 48) return words.say('format.roughHours', { value: Math.round(hours) });
  return words.say('format.roughDays', { count: Math.round(hours / 24) });
}

/** A gallery file's time is when the file was made, not the phone's clock at upload: its clock flag says so. */
function flagWords(words: ReportWords, flag: CaptureFlag, check: CaptureCheck, source: EvidenceSource): string {
  if (flag === 'clock-off') {
    return words.say(source === 'gallery' ? 'capture.flagFileTime' : 'capture.flagClock', { duration: roughDuration(words, check.clockSkewMs ?? 0) });
  }
  if (flag === 'far-from-address') return words.say('capture.flagFar', { distance: distance(words, check.distanceM ?? 0) });
  return words.say('capture.flagNotLive');
}

/**
 * The camera's own local time as it wrote it, in the report's language; the offset after it when
 * known. English keeps the console's spelling ("3 Dec 2026 14:02").
 */
function exifTime(words: ReportWords, time: string): string {
  if (words.language === SOURCE_LANGUAGE) return exifTimeWords(time);
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(time);
  const wallClock = match ? new Date(`${match[1]}:00Z`) : null;
  if (!match || !wallClock || Number.isNaN(wallClock.getTime())) return time;
  const shown = new Intl.DateTimeFormat(words.locale, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(wallClock);
  return match[2] ? words.say('capture.exifZone', { time: shown, zone: match[2] === 'Z' ? '' : match[2] }) : shown;
}

/** "EXIF: 3 Dec 2026 14:02, 55.97, −3.17"; null when the file carried neither. */
function exifWords(words: ReportWords, exif: ExifFacts | null | undefined): string | null {
  if (!exif) return null;
  const parts = [
    exif.time ? exifTime(words, exif.time) : null,
    exif.latitude !== null && exif.longitude !== null ? `${degreesWords(exif.latitude)}, ${degreesWords(exif.longitude)}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? words.say('capture.exif', { facts: parts.join(', ') }) : null;
}
