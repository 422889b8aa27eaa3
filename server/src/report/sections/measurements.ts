// Point-to-point measurements: the server's distance with its one-sigma uncertainty, who took each
// and when, and the two points in the customer's room space.
import { HIT_BASE_SIGMA_M, HIT_RANGE_SIGMA, type Vec3 } from '../../../../protocol/spatial.ts';
import type { CaseReport } from '../report-data.ts';
import { COLOUR, SIZE, type Pen } from '../report-layout.ts';
import { drawTable } from '../table.ts';

const point = (p: Vec3): string => `(${p.map((c) => c.toFixed(3)).join(', ')})`;

/** The measurements section; none at all when none were taken (the summary says "None taken"). */
export function drawMeasurements(pen: Pen, report: CaseReport): void {
  if (report.measurements.length === 0) return;
  const { words } = pen;
  const { say } = words;
  pen.heading(say('measurements.heading'));
  pen.paragraph(say('measurements.intro', { base: HIT_BASE_SIGMA_M * 1000, range: HIT_RANGE_SIGMA * 100 }), { size: SIZE.small, colour: COLOUR.muted });
  drawTable(pen, {
    size: SIZE.small,
    columns: [
      { header: '#', share: 0.05, align: 'right', style: { colour: COLOUR.muted } },
      { header: say('measurements.label'), share: 0.17 },
      { header: say('measurements.distance'), share: 0.18, style: { font: 'bold' } },
      { header: say('measurements.by'), share: 0.18 },
      { header: say('measurements.time'), share: 0.16 },
      { header: say('measurements.points'), share: 0.26, style: { font: 'mono', size: SIZE.small - 1 } },
    ],
    rows: report.measurements.map((m) => [
      String(m.number), m.label ?? '-', m.text, m.who, words.timeShort(m.at), `A ${point(m.a)}\nB ${point(m.b)}`,
    ]),
  });
}
