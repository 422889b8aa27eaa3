// Page one's title block and the case summary: what the case is, whose it is, and when.
import type { CaseReport } from '../report-data.ts';
import { describeRecording } from '../recording-summary.ts';
import { COLOUR, SIZE, type Pen } from '../report-layout.ts';

export function drawSummary(pen: Pen, report: CaseReport): void {
  const { doc, left, width, words } = pen;
  const { say } = words;
  const c = report.case;
  doc.y = pen.text(say(`summary.kindReport.${c.kind}`).toUpperCase(), left, doc.y, {
    width, characterSpacing: 1.2, style: { font: 'bold', size: SIZE.small, colour: COLOUR.muted },
  }) + 4;
  doc.y = pen.text(c.title, left, doc.y, { width, style: { font: 'bold', size: SIZE.title } }) + 4;
  const byline = [
    c.customerName ? say('summary.for', { name: c.customerName }) : null,
    c.reference ? say('summary.reference', { reference: c.reference }) : null,
  ].filter(Boolean).join(say('format.dot'));
  if (byline) {
    doc.y = pen.text(byline, left, doc.y, { width, style: { size: 11, colour: COLOUR.muted } }) + 2;
  }
  pen.gap(4);

  pen.heading(say('summary.heading'));
  const expired = Date.parse(c.joinExpiresAt) <= Date.parse(report.generatedAt);
  const evidence = [say('summary.photos', { count: c.evidenceCount }), ...report.recordings.map((r) => describeRecording(r, words))].join(say('format.clause'));
  const joinExpires = words.time(c.joinExpiresAt);
  pen.fields([
    { label: say('summary.caseId'), value: c.id, style: { font: 'mono', size: SIZE.small + 0.5 } },
    { label: say('summary.kindLabel'), value: say(`summary.kind.${c.kind}`) },
    ...(c.reference ? [{ label: say(c.kind === 'preview' ? 'summary.bookingReference' : 'summary.claimReference'), value: c.reference }] : []),
    { label: say('summary.customer'), value: c.customerName ?? say('summary.notNamed') },
    { label: say('summary.assessor'), value: report.assessor ? `${report.assessor.name} <${report.assessor.email}>` : say('summary.unknownUser') },
    { label: say('summary.created'), value: words.time(c.createdAt) },
    ...(c.closedAt ? [{ label: say('summary.closed'), value: words.time(c.closedAt) }] : []),
    { label: say('summary.joinExpires'), value: expired ? say('summary.expired', { time: joinExpires }) : joinExpires },
    { label: say('summary.evidence'), value: evidence },
    { label: say('summary.measurements'), value: report.measurements.length === 0 ? say('summary.noneTaken') : say('summary.measurementCount', { count: report.measurements.length }) },
    { label: say('summary.generated'), value: words.time(report.generatedAt) },
  ], 2);
}
