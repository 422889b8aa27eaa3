// Page one's title block and the case summary: what the case is, whose it is, and when.
import type { CaseReport } from '../report-data.ts';
import { formatTime } from '../format.ts';
import { describeRecording } from '../recording-summary.ts';
import { COLOUR, SIZE, type Pen } from '../report-layout.ts';

const KIND_LABEL = { damage: 'Damage assessment', preview: 'Preview' } as const;

export function drawSummary(pen: Pen, report: CaseReport): void {
  const { doc, left, width } = pen;
  const c = report.case;
  doc.y = pen.text(`${KIND_LABEL[c.kind]} report`.toUpperCase(), left, doc.y, {
    width, characterSpacing: 1.2, style: { font: 'bold', size: SIZE.small, colour: COLOUR.muted },
  }) + 4;
  doc.y = pen.text(c.title, left, doc.y, { width, style: { font: 'bold', size: SIZE.title } }) + 4;
  const byline = [c.customerName ? `for ${c.customerName}` : null, c.reference ? `ref. ${c.reference}` : null].filter(Boolean).join(' · ');
  if (byline) {
    doc.y = pen.text(byline, left, doc.y, { width, style: { size: 11, colour: COLOUR.muted } }) + 2;
  }
  pen.gap(4);

  pen.heading('Case summary');
  const expired = Date.parse(c.joinExpiresAt) <= Date.parse(report.generatedAt);
  const photos = `${c.evidenceCount} photo${c.evidenceCount === 1 ? '' : 's'}`;
  const evidence = [photos, ...report.recordings.map(describeRecording)].join('; ');
  pen.fields([
    { label: 'Case ID', value: c.id, style: { font: 'mono', size: SIZE.small + 0.5 } },
    { label: 'Kind', value: KIND_LABEL[c.kind] },
    ...(c.reference ? [{ label: c.kind === 'preview' ? 'Booking reference' : 'Claim or policy number', value: c.reference }] : []),
    { label: 'Customer', value: c.customerName ?? 'Not named' },
    { label: 'Assessor', value: report.assessor ? `${report.assessor.name} <${report.assessor.email}>` : 'Unknown user' },
    { label: 'Created', value: formatTime(c.createdAt) },
    ...(c.closedAt ? [{ label: 'Closed', value: formatTime(c.closedAt) }] : []),
    { label: 'Join link expires', value: `${formatTime(c.joinExpiresAt)}${expired ? ' (expired)' : ''}` },
    { label: 'Evidence', value: evidence },
    { label: 'Measurements', value: report.measurements.length === 0 ? 'None taken' : `${report.measurements.length} (see Measurements)` },
    { label: 'Report generated', value: formatTime(report.generatedAt) },
  ], 2);
}
