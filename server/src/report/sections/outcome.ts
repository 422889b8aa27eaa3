// The outcome: the current decision up front, its reason and damage items with a total, then the
// earlier decisions it replaced.
import { PREVIEW_DECISIONS, type Decision } from '../../../../protocol/http.ts';
import type { CaseReport, ReportOutcome } from '../report-data.ts';
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

export function drawOutcome(pen: Pen, report: CaseReport): void {
  const { words } = pen;
  const { say } = words;
  pen.heading(say('outcome.heading'), { keepWith: 90 });
  const current = report.outcome;
  if (!current) {
    pen.paragraph(say('outcome.none'), { colour: COLOUR.muted });
    return;
  }
  drawDecisionPanel(pen, current);
  const preview = PREVIEW_DECISIONS.includes(current.decision);
  pen.subheading(say(preview ? 'outcome.note' : 'outcome.reason'), 20);
  pen.paragraph(current.reason);
  if (current.booking) {
    pen.subheading(say('outcome.booked'));
    const what = current.booking.seat ? say('outcome.seat', { title: current.booking.title, seat: current.booking.seat }) : current.booking.title;
    pen.paragraph(current.amount !== null ? say('outcome.bookedAt', { what, amount: words.money(current.amount, current.currency) }) : what);
  }
  if (current.followUpOn) {
    pen.subheading(say('outcome.followUp'));
    pen.paragraph(say('outcome.followUpOn', { date: words.date(current.followUpOn) }));
  }
  // A preview has no damage items: what the customer was shown is in the timeline.
  if (!preview) drawDamageItems(pen, current);

  if (report.earlierOutcomes.length > 0) {
    pen.subheading(say('outcome.earlier'));
    const superseded = { colour: COLOUR.muted };
    drawTable(pen, {
      columns: [
        { header: say('outcome.decided'), share: 0.19 },
        { header: say('outcome.decision'), share: 0.21 },
        { header: say('outcome.amount'), share: 0.13, align: 'right' },
        { header: say('outcome.reason'), share: 0.29 },
        { header: say('outcome.by'), share: 0.18 },
      ],
      rows: report.earlierOutcomes.map((o) => [
        words.timeShort(o.at),
        { text: say('outcome.superseded', { decision: say(`outcome.decisionLabel.${o.decision}`) }), style: superseded },
        { text: o.amount !== null ? words.money(o.amount, o.currency) : '—', style: superseded },
        { text: o.damageItems.length === 0 ? o.reason : say('outcome.withItems', { reason: o.reason, count: o.damageItems.length }), style: superseded },
        { text: o.decidedBy, style: superseded },
      ]),
    });
  }
}

function drawDecisionPanel(pen: Pen, outcome: ReportOutcome): void {
  const { doc, left, width, words } = pen;
  const { say } = words;
  const height = 70;
  pen.ensureSpace(height + 10);
  const top = doc.y + 2;
  const colour = DECISION_COLOUR[outcome.decision];
  doc.save().rect(left, top, width, height).fill(COLOUR.panel).rect(left, top, 4, height).fill(colour).restore();

  const inner = left + 16;
  pen.text(say('outcome.current'), inner, top + 11, { characterSpacing: 0.6, lineBreak: false, style: { font: 'bold', size: SIZE.label, colour: COLOUR.muted } });
  pen.text(say(`outcome.decisionLabel.${outcome.decision}`), inner, top + 22, { lineBreak: false, style: { font: 'bold', size: 20, colour } });
  pen.text(say('outcome.decidedBy', { name: outcome.decidedBy, time: words.time(outcome.at) }), inner, top + 50, {
    width: width * 0.6, lineBreak: false, style: { size: SIZE.small, colour: COLOUR.muted },
  });
  if (outcome.amount !== null) {
    const right = { width: width - 32, align: 'right' as const, lineBreak: false };
    const label = say(outcome.decision === 'settled' ? 'outcome.settlementAmount' : outcome.decision === 'booked' ? 'outcome.priceAmount' : 'outcome.otherAmount');
    pen.text(label, inner, top + 11, { ...right, characterSpacing: 0.6, style: { font: 'bold', size: SIZE.label, colour: COLOUR.muted } });
    pen.text(words.money(outcome.amount, outcome.currency), inner, top + 24, { ...right, style: { font: 'bold', size: 17 } });
  }
  doc.y = top + height + 6;
}

function drawDamageItems(pen: Pen, current: ReportOutcome): void {
  const { words } = pen;
  const { say } = words;
  pen.subheading(say('outcome.damageItems'));
  if (current.damageItems.length === 0) {
    pen.paragraph(say('outcome.noItems'), { colour: COLOUR.muted });
    return;
  }
  const total = current.damageItems.reduce((sum, item) => sum + item.estimatedCost, 0);
  drawTable(pen, {
    size: SIZE.body - 0.5,
    columns: [
      { header: say('outcome.area'), share: 0.56 },
      { header: say('outcome.severity'), share: 0.18 },
      { header: say('outcome.estimatedCost'), share: 0.26, align: 'right' },
    ],
    rows: current.damageItems.map((item) => [item.area, say(`outcome.severityLabel.${item.severity}`), words.money(item.estimatedCost, current.currency)]),
    footer: [say('outcome.total'), '', words.money(total, current.currency)],
  });
}
