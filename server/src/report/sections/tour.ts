// What a preview customer was shown before deciding: the tour, time at each viewpoint, hotspots
// opened, seats looked at, and what the agent pointed at, led to and offered — from the signed
// tour.activity entries, so a "not as shown" dispute can be settled from the report and bundle.
import { formatMoney, formatTimeShort } from '../format.ts';
import type { CaseReport } from '../report-data.ts';
import { COLOUR, SIZE, type Pen } from '../report-layout.ts';
import { drawTable } from '../table.ts';

const duration = (seconds: number): string => (seconds < 60 ? `${Math.round(seconds)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`);

export function drawTourShown(pen: Pen, report: CaseReport): void {
  const tour = report.tour;
  if (!tour) return;
  pen.heading('What the customer was shown', { keepWith: 80 });
  pen.paragraph(`Tour: ${tour.title} (${tour.id}).`);
  const shown = tour.exposure;
  if (!shown || (shown.viewpoints.length === 0 && shown.hotspots.length === 0 && shown.seats.length === 0 && shown.offers.length === 0)) {
    pen.paragraph('No tour activity was recorded for this case.', { colour: COLOUR.muted });
    return;
  }
  if (shown.viewpoints.length > 0) {
    pen.subheading('Viewpoints visited');
    drawTable(pen, {
      size: SIZE.small,
      columns: [{ header: 'Viewpoint', share: 0.6 }, { header: 'Visits', share: 0.15, align: 'right' }, { header: 'Time there', share: 0.25, align: 'right' }],
      rows: shown.viewpoints.map((v) => [v.title, String(v.visits), duration(v.seconds)]),
    });
  }
  if (shown.hotspots.length > 0) {
    pen.subheading('Details opened');
    pen.paragraph(shown.hotspots.map((h) => (h.opens > 1 ? `${h.title} (${h.opens}×)` : h.title)).join(' · '));
  }
  if (shown.seats.length > 0) {
    pen.subheading('Seats looked at');
    pen.paragraph(shown.seats.map((s) => (s.looks > 1 ? `${s.id} (${s.looks}×)` : s.id)).join(' · '));
  }
  if (shown.pointers > 0 || shown.led > 0) {
    pen.paragraph(`The agent pointed at the scene ${shown.pointers} time${shown.pointers === 1 ? '' : 's'} and brought the customer to a viewpoint ${shown.led} time${shown.led === 1 ? '' : 's'}.`, {
      size: SIZE.small, colour: COLOUR.muted,
    });
  }
  if (shown.offers.length > 0) {
    pen.subheading('Offers made');
    drawTable(pen, {
      size: SIZE.small,
      columns: [{ header: 'Time (UTC)', share: 0.22 }, { header: 'Offer', share: 0.53 }, { header: 'Price', share: 0.25, align: 'right' }],
      rows: shown.offers.map((o) => [formatTimeShort(o.at), `${o.title}${o.seat ? `, seat ${o.seat}` : ''}`, formatMoney(o.amount, o.currency)]),
    });
  }
}
