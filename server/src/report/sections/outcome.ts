// The outcome: the current decision up front, its reason and damage items with a total, then the
// earlier decisions it replaced.
import { PREVIEW_DECISIONS, type Decision } from '../../../../protocol/http.ts';
import type { CaseReport, ReportOutcome } from '../report-data.ts';
import { capitalise, formatMoney, formatTime, formatTimeShort } from '../format.ts';
import { COLOUR, SIZE, type Pen } from '../report-layout.ts';
import { drawTable } from '../table.ts';

const DECISION_COLOUR: Record<Decision, string> = {
  approved: COLOUR.ok,
  settled: '#0f6e6a',
  referred: COLOUR.warn,
  denied: COLOUR.bad,
  booked: COLOUR.ok,
  'not-booked': COLOUR.muted,
  'follow-up': COLOUR.warn,
};

const DECISION_LABEL: Record<Decision, string> = {
  approved: 'Approved', settled: 'Settled', referred: 'Referred', denied: 'Denied',
  booked: 'Booked', 'not-booked': 'Not booked', 'follow-up': 'Follow-up',
};

export function drawOutcome(pen: Pen, report: CaseReport): void {
  pen.heading('Outcome', { keepWith: 90 });
  const current = report.outcome;
  if (!current) {
    pen.paragraph('No decision has been recorded for this case yet.', { colour: COLOUR.muted });
    return;
  }
  drawDecisionPanel(pen, current);
  const preview = PREVIEW_DECISIONS.includes(current.decision);
  pen.subheading(preview ? 'Note' : 'Reason', 20);
  pen.paragraph(current.reason);
  if (current.booking) {
    pen.subheading('Booked');
    pen.paragraph(`${current.booking.title}${current.booking.seat ? `, seat ${current.booking.seat}` : ''}${current.amount !== null ? ` at ${formatMoney(current.amount, current.currency)}` : ''}`);
  }
  if (current.followUpOn) {
    pen.subheading('Follow up');
    pen.paragraph(`Get back to the customer on ${current.followUpOn}.`);
  }
  // A preview has no damage items: what the customer was shown is in the timeline.
  if (!preview) drawDamageItems(pen, current);

  if (report.earlierOutcomes.length > 0) {
    pen.subheading('Earlier decisions (superseded)');
    const superseded = { colour: COLOUR.muted };
    drawTable(pen, {
      columns: [
        { header: 'Decided (UTC)', share: 0.19 },
        { header: 'Decision', share: 0.21 },
        { header: 'Amount', share: 0.13, align: 'right' },
        { header: 'Reason', share: 0.29 },
        { header: 'By', share: 0.18 },
      ],
      rows: report.earlierOutcomes.map((o) => [
        formatTimeShort(o.at),
        { text: `${DECISION_LABEL[o.decision]} (superseded)`, style: superseded },
        { text: o.amount !== null ? formatMoney(o.amount, o.currency) : '—', style: superseded },
        { text: o.reason + itemsNote(o), style: superseded },
        { text: o.decidedBy, style: superseded },
      ]),
    });
  }
}

function itemsNote(outcome: ReportOutcome): string {
  const count = outcome.damageItems.length;
  return count === 0 ? '' : ` (${count} damage item${count === 1 ? '' : 's'})`;
}

function drawDecisionPanel(pen: Pen, outcome: ReportOutcome): void {
  const { doc, left, width } = pen;
  const height = 70;
  pen.ensureSpace(height + 10);
  const top = doc.y + 2;
  const colour = DECISION_COLOUR[outcome.decision];
  doc.save().rect(left, top, width, height).fill(COLOUR.panel).rect(left, top, 4, height).fill(colour).restore();

  const inner = left + 16;
  pen.text('CURRENT DECISION', inner, top + 11, { characterSpacing: 0.6, lineBreak: false, style: { font: 'bold', size: SIZE.label, colour: COLOUR.muted } });
  pen.text(DECISION_LABEL[outcome.decision], inner, top + 22, { lineBreak: false, style: { font: 'bold', size: 20, colour } });
  pen.text(`Decided by ${outcome.decidedBy} on ${formatTime(outcome.at)}`, inner, top + 50, {
    width: width * 0.6, lineBreak: false, style: { size: SIZE.small, colour: COLOUR.muted },
  });
  if (outcome.amount !== null) {
    const right = { width: width - 32, align: 'right' as const, lineBreak: false };
    pen.text(outcome.decision === 'settled' ? 'SETTLEMENT' : outcome.decision === 'booked' ? 'PRICE' : 'AMOUNT', inner, top + 11, { ...right, characterSpacing: 0.6, style: { font: 'bold', size: SIZE.label, colour: COLOUR.muted } });
    pen.text(formatMoney(outcome.amount, outcome.currency), inner, top + 24, { ...right, style: { font: 'bold', size: 17 } });
  }
  doc.y = top + height + 6;
}

function drawDamageItems(pen: Pen, current: ReportOutcome): void {
  pen.subheading('Damage items');
  if (current.damageItems.length === 0) {
    pen.paragraph('No damage items were recorded with this decision.', { colour: COLOUR.muted });
    return;
  }
  const total = current.damageItems.reduce((sum, item) => sum + item.estimatedCost, 0);
  drawTable(pen, {
    size: SIZE.body - 0.5,
    columns: [
      { header: 'Area', share: 0.56 },
      { header: 'Severity', share: 0.18 },
      { header: 'Estimated cost', share: 0.26, align: 'right' },
    ],
    rows: current.damageItems.map((item) => [item.area, capitalise(item.severity), formatMoney(item.estimatedCost, current.currency)]),
    footer: ['Total estimated', '', formatMoney(total, current.currency)],
  });
}
