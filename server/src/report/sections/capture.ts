// When and where the photos were taken (issue 15), for the PDF's evidence section: a short summary
// (how many photos are flagged, against which address) and, on each photo's card, its flags in words
// and a gallery upload's EXIF time and place.
import { captureWords, degreesWords, distanceWords, exifWords } from '../../../../protocol/capture-words.ts';
import type { CaseReport, ReportEvidence } from '../report-data.ts';
import { COLOUR, SIZE, type Field, type Pen } from '../report-layout.ts';

/** "When and where: 2 of 6 photos flagged …", then the address they were checked against. */
export function drawWhenAndWhere(pen: Pen, report: CaseReport): void {
  const photos = report.evidence.length;
  const flagged = report.evidence.filter((item) => (item.capture?.flags.length ?? 0) > 0);
  const unchecked = report.evidence.filter((item) => !item.capture).length;
  const address = report.case.address;
  const where = address
    ? `Case address: ${address.address ? `${address.address} ` : ''}(${degreesWords(address.latitude)}, ${degreesWords(address.longitude)}).`
    : 'No case address was given, so no distance was checked.';
  const limit = report.evidence.find((item) => item.capture?.maxDistanceM != null)?.capture?.maxDistanceM;
  const rules = `A photo is flagged when the device clock was more than 5 min off the server's${limit ? `, when it was taken more than ${distanceWords(limit)} from the case address` : ''}, or when it is a gallery upload rather than a live capture.`;
  const count = flagged.length === 0
    ? `none of the ${photos} photo${photos === 1 ? '' : 's'} is flagged`
    : `${flagged.length} of ${photos} photo${photos === 1 ? '' : 's'} flagged (${flagged.map((item) => `Photo ${item.number}`).join(', ')})`;
  pen.paragraph(`When and where: ${count}. ${where} ${rules}${unchecked > 0 ? ` ${unchecked} photo${unchecked === 1 ? ' was' : 's were'} taken before these checks existed.` : ''}`, {
    size: SIZE.small, colour: flagged.length > 0 ? COLOUR.bad : COLOUR.muted,
  });
  pen.gap(4);
}

/** The card's "When and where" field (its flags, or that none was raised) and its EXIF field. */
export function captureFields(item: ReportEvidence): Field[] {
  const fields: Field[] = [];
  if (item.capture) {
    const words = captureWords(item.capture, item.source);
    fields.push(words.length > 0
      ? { label: 'When and where', value: words.join('; '), style: { font: 'bold', colour: COLOUR.bad } }
      : { label: 'When and where', value: 'No flag: live, clock and place as expected' });
  }
  const exif = exifWords(item.exif);
  if (exif) fields.push({ label: 'Gallery file metadata', value: exif });
  return fields;
}

/** Short badge labels for the flags raised, drawn beside the photo's title. */
export function captureBadges(item: ReportEvidence): string[] {
  return (item.capture?.flags ?? []).map((flag) => (flag === 'clock-off' ? 'CLOCK OFF' : flag === 'far-from-address' ? 'FAR FROM ADDRESS' : 'NOT LIVE'));
}
