// What a preview customer was shown before deciding: the tour, time at each viewpoint, hotspots
// opened, seats looked at, and what the agent pointed at, led to and offered — from the signed
// tour.activity entries, so a "not as shown" dispute can be settled from the report and bundle.
import { formatMoney, formatTimeShort } from '../format.ts';
import type { TourEvent } from '../../../../protocol/tour-activity.ts';
import type { CaseReport, ReportTour } from '../report-data.ts';
import { COLOUR, SIZE, type Pen } from '../report-layout.ts';
import { drawTable } from '../table.ts';

/** The timeline stops after this many rows: a long tour's detail is in the bundle's ledger. */
const TIMELINE_ROWS = 60;

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
  drawTimeline(pen, tour);
}

/** Everything shown and done, in order: who did what, when (by the sending device's clock). */
function drawTimeline(pen: Pen, tour: ReportTour): void {
  if (tour.moments.length === 0) return;
  const describe = describer(tour);
  pen.subheading('Timeline');
  drawTable(pen, {
    size: SIZE.small,
    columns: [{ header: 'Time (UTC)', share: 0.18 }, { header: 'Who', share: 0.14 }, { header: 'What', share: 0.68 }],
    rows: tour.moments.slice(0, TIMELINE_ROWS).map((m) => [formatTimeShort(m.at), m.by === 'agent' ? 'Agent' : 'Customer', describe(m.event)]),
  });
  const more = tour.moments.length - TIMELINE_ROWS;
  if (more > 0) pen.paragraph(`… and ${more} more, each in the case's signed ledger (tour.activity entries).`, { size: SIZE.small, colour: COLOUR.muted });
}

function describer(tour: ReportTour): (event: TourEvent) => string {
  const titles = new Map<string, string>([...(tour.exposure?.viewpoints ?? []), ...(tour.exposure?.hotspots ?? [])].map((item) => [item.id, item.title]));
  const title = (id: string) => titles.get(id) ?? id;
  return (event) => {
    switch (event.kind) {
      case 'viewpoint':
        return `At ${title(event.viewpoint)} for ${duration(event.seconds)}`;
      case 'hotspot':
        return `Opened “${title(event.hotspot)}”`;
      case 'seat':
        return `Looked at seat ${event.seat}`;
      case 'pointer':
        return `Pointed at (${event.target.map((n) => n.toFixed(2)).join(', ')}) m, seen from ${title(event.viewpoint)}`;
      case 'led':
        return `Brought the customer to ${title(event.viewpoint)}`;
      case 'offer': {
        const offered = tour.exposure?.offers.find((o) => o.option === event.option)?.title ?? event.option;
        return `Offered ${offered}${event.seat ? `, seat ${event.seat}` : ''} at ${formatMoney(event.amount, event.currency)}`;
      }
    }
  };
}
