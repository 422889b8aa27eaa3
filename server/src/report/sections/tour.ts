// What a preview customer was shown before deciding: the tour, time at each viewpoint, hotspots
// opened, seats looked at, and what the agent pointed at, led to and offered — from the signed
// tour.activity entries, so a "not as shown" dispute can be settled from the report and bundle.
import type { TourEvent } from '../../../../protocol/tour-activity.ts';
import type { ReportWords } from '../format.ts';
import type { CaseReport, ReportTour } from '../report-data.ts';
import { COLOUR, SIZE, type Pen } from '../report-layout.ts';
import { drawTable } from '../table.ts';

/** The timeline stops after this many rows: a long tour's detail is in the bundle's ledger. */
const TIMELINE_ROWS = 60;

const duration = (words: ReportWords, seconds: number): string => (seconds < 60
  ? words.say('tour.seconds', { seconds: Math.round(seconds) })
  : words.say('tour.minutes', { minutes: Math.floor(seconds / 60), seconds: Math.round(seconds % 60) }));

export function drawTourShown(pen: Pen, report: CaseReport): void {
  const tour = report.tour;
  if (!tour) return;
  const { words } = pen;
  const { say } = words;
  pen.heading(say('tour.heading'), { keepWith: 80 });
  pen.paragraph(say('tour.tour', { title: tour.title, id: tour.id }));
  const shown = tour.exposure;
  if (!shown || (shown.viewpoints.length === 0 && shown.hotspots.length === 0 && shown.seats.length === 0 && shown.offers.length === 0)) {
    pen.paragraph(say('tour.none'), { colour: COLOUR.muted });
    return;
  }
  const dot = say('format.dot');
  if (shown.viewpoints.length > 0) {
    pen.subheading(say('tour.viewpoints'));
    drawTable(pen, {
      size: SIZE.small,
      columns: [{ header: say('tour.viewpoint'), share: 0.6 }, { header: say('tour.visits'), share: 0.15, align: 'right' }, { header: say('tour.timeThere'), share: 0.25, align: 'right' }],
      rows: shown.viewpoints.map((v) => [v.title, String(v.visits), duration(words, v.seconds)]),
    });
  }
  if (shown.hotspots.length > 0) {
    pen.subheading(say('tour.details'));
    pen.paragraph(shown.hotspots.map((h) => (h.opens > 1 ? say('tour.times', { title: h.title, count: h.opens }) : h.title)).join(dot));
  }
  if (shown.seats.length > 0) {
    pen.subheading(say('tour.seats'));
    pen.paragraph(shown.seats.map((s) => (s.looks > 1 ? say('tour.times', { title: s.id, count: s.looks }) : s.id)).join(dot));
  }
  if (shown.pointers > 0 || shown.led > 0) {
    pen.paragraph(say('tour.agent', { pointed: say('tour.pointedTimes', { count: shown.pointers }), led: say('tour.pointedTimes', { count: shown.led }) }), {
      size: SIZE.small, colour: COLOUR.muted,
    });
  }
  if (shown.offers.length > 0) {
    pen.subheading(say('tour.offers'));
    drawTable(pen, {
      size: SIZE.small,
      columns: [{ header: say('tour.time'), share: 0.22 }, { header: say('tour.offer'), share: 0.53 }, { header: say('tour.price'), share: 0.25, align: 'right' }],
      rows: shown.offers.map((o) => [
        words.timeShort(o.at),
        o.seat ? say('outcome.seat', { title: o.title, seat: o.seat }) : o.title,
        words.money(o.amount, o.currency),
      ]),
    });
  }
  drawTimeline(pen, tour);
}

/** Everything shown and done, in order: who did what, when (by the sending device's clock). */
function drawTimeline(pen: Pen, tour: ReportTour): void {
  if (tour.moments.length === 0) return;
  const { words } = pen;
  const { say } = words;
  const describe = describer(words, tour);
  pen.subheading(say('tour.timeline'));
  drawTable(pen, {
    size: SIZE.small,
    columns: [{ header: say('tour.time'), share: 0.18 }, { header: say('tour.who'), share: 0.14 }, { header: say('tour.what'), share: 0.68 }],
    rows: tour.moments.slice(0, TIMELINE_ROWS).map((m) => [words.timeShort(m.at), say(m.by === 'agent' ? 'tour.byAgent' : 'tour.byCustomer'), describe(m.event)]),
  });
  const more = tour.moments.length - TIMELINE_ROWS;
  if (more > 0) pen.paragraph(say('tour.more', { count: more }), { size: SIZE.small, colour: COLOUR.muted });
}

function describer(words: ReportWords, tour: ReportTour): (event: TourEvent) => string {
  const { say } = words;
  const titles = new Map<string, string>([...(tour.exposure?.viewpoints ?? []), ...(tour.exposure?.hotspots ?? [])].map((item) => [item.id, item.title]));
  const title = (id: string) => titles.get(id) ?? id;
  return (event) => {
    switch (event.kind) {
      case 'viewpoint':
        return say('tour.event.viewpoint', { viewpoint: title(event.viewpoint), duration: duration(words, event.seconds) });
      case 'hotspot':
        return say('tour.event.hotspot', { hotspot: title(event.hotspot) });
      case 'seat':
        return say('tour.event.seat', { seat: event.seat });
      case 'pointer':
        return say('tour.event.pointer', { target: event.target.map((n) => words.fixed(n, 2)).join(', '), viewpoint: title(event.viewpoint) });
      case 'led':
        return say('tour.event.led', { viewpoint: title(event.viewpoint) });
      case 'offer': {
        const offered = tour.exposure?.offers.find((o) => o.option === event.option)?.title ?? event.option;
        return say('tour.event.offer', { offer: event.seat ? say('outcome.seat', { title: offered, seat: event.seat }) : offered, amount: words.money(event.amount, event.currency) });
      }
    }
  };
}
