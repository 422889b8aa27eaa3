// Point-to-point measurements: the server's distance with its one-sigma uncertainty, who took each
// and when, and the two points in the customer's room space.
import { HIT_BASE_SIGMA_M, HIT_RANGE_SIGMA, type Vec3 } from '../../../../protocol/spatial.ts';
import { formatTimeShort } from '../format.ts';
import type { CaseReport } from '../report-data.ts';
import { COLOUR, SIZE, type Pen } from '../report-layout.ts';
import { drawTable } from '../table.ts';

const point = (p: Vec3): string => `(${p.map((c) => c.toFixed(3)).join(', ')})`;

/** The measurements section; none at all when none were taken (the summary says "None taken"). */
export function drawMeasurements(pen: Pen, report: CaseReport): void {
  if (report.measurements.length === 0) return;
  pen.heading('Measurements');
  pen.paragraph(
    'Distances between two points the customer\'s device placed on surfaces (WebXR hit-tests), computed by the server from the points. ' +
      `± is one standard deviation: ${HIT_BASE_SIGMA_M * 1000} mm per point plus ${HIT_RANGE_SIGMA * 100} % of its distance from the camera. ` +
      'Points are in metres in the session\'s floor-level room space.',
    { size: SIZE.small, colour: COLOUR.muted },
  );
  drawTable(pen, {
    size: SIZE.small,
    columns: [
      { header: '#', share: 0.05, align: 'right', style: { colour: COLOUR.muted } },
      { header: 'Label', share: 0.17 },
      { header: 'Distance', share: 0.18, style: { font: 'bold' } },
      { header: 'Measured by', share: 0.18 },
      { header: 'Time (UTC)', share: 0.16 },
      { header: 'Points A, B (m)', share: 0.26, style: { font: 'mono', size: SIZE.small - 1 } },
    ],
    rows: report.measurements.map((m) => [
      String(m.number), m.label ?? '-', m.text, m.who, formatTimeShort(m.at), `A ${point(m.a)}\nB ${point(m.b)}`,
    ]),
  });
}
