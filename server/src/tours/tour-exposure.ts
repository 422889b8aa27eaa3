// Pure rules of tour activity: which events a batch may hold for a tour and a sender, and what a set
// of batches adds up to — time per viewpoint, hotspots opened, seats looked at, pointing, leading and
// offers — in the tour's own order and words.
import { AGENT_EVENTS, type TourEvent, type TourExposure } from '../../../protocol/tour-activity.ts';
import type { TourManifest, TourProblem } from '../../../protocol/tour.ts';

/** What is wrong with a batch's events for this tour and sender; empty when they fit. */
export function activityProblems(tour: TourManifest, events: readonly TourEvent[], sender: 'customer' | 'assessor'): TourProblem[] {
  const viewpoints = new Set(tour.viewpoints.map((v) => v.id));
  const hotspots = new Set(tour.hotspots.map((h) => h.id));
  const seats = new Set(tour.plan?.seats.map((s) => s.id) ?? []);
  const options = new Set(tour.bookables.map((b) => b.id));
  const problems: TourProblem[] = [];
  events.forEach((event, i) => {
    const at = (field: string) => `events[${i}].${field}`;
    if (sender === 'customer' && AGENT_EVENTS.has(event.kind)) problems.push({ path: at('kind'), message: `only the agent sends "${event.kind}"` });
    if ('viewpoint' in event && !viewpoints.has(event.viewpoint)) problems.push({ path: at('viewpoint'), message: `the tour has no viewpoint "${event.viewpoint}"` });
    if (event.kind === 'hotspot' && !hotspots.has(event.hotspot)) problems.push({ path: at('hotspot'), message: `the tour has no hotspot "${event.hotspot}"` });
    if ('seat' in event && event.seat !== undefined && !seats.has(event.seat)) problems.push({ path: at('seat'), message: `the tour has no seat ${event.seat}` });
    if (event.kind === 'offer' && !options.has(event.option)) problems.push({ path: at('option'), message: `the tour offers no "${event.option}"` });
  });
  return problems;
}

/** Adds up batches of events; items the tour no longer has are kept under their ids. */
export function exposureOf(tour: TourManifest, batches: ReadonlyArray<readonly TourEvent[]>): TourExposure {
  const time = new Map<string, { visits: number; seconds: number }>();
  const opens = new Map<string, number>();
  const looks = new Map<string, number>();
  const offers: TourExposure['offers'] = [];
  let pointers = 0;
  let led = 0;
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const event of batches.flat()) {
    switch (event.kind) {
      case 'viewpoint': {
        const t = time.get(event.viewpoint) ?? { visits: 0, seconds: 0 };
        time.set(event.viewpoint, { visits: t.visits + 1, seconds: t.seconds + event.seconds });
        break;
      }
      case 'hotspot': bump(opens, event.hotspot); break;
      case 'seat': bump(looks, event.seat); break;
      case 'pointer': pointers++; break;
      case 'led': led++; break;
      case 'offer': {
        const title = tour.bookables.find((b) => b.id === event.option)?.title ?? event.option;
        offers.push({ option: event.option, title, seat: event.seat ?? null, amount: event.amount, currency: event.currency, at: event.at });
        break;
      }
    }
  }
  /** The ids seen, in the tour's order, then any the tour no longer has. */
  const order = <T extends { id: string }>(items: readonly T[], seen: Iterable<string>): string[] => {
    const ids = new Set(seen);
    const known = items.map((i) => i.id);
    return [...known.filter((id) => ids.has(id)), ...[...ids].filter((id) => !known.includes(id))];
  };
  const title = <T extends { id: string; title: string }>(items: readonly T[], id: string) => items.find((i) => i.id === id)?.title ?? id;
  return {
    viewpoints: order(tour.viewpoints, time.keys()).map((id) => ({ id, title: title(tour.viewpoints, id), visits: time.get(id)!.visits, seconds: Math.round(time.get(id)!.seconds * 10) / 10 })),
    hotspots: order(tour.hotspots, opens.keys()).map((id) => ({ id, title: title(tour.hotspots, id), opens: opens.get(id)! })),
    seats: [...looks].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([id, n]) => ({ id, looks: n })),
    pointers,
    led,
    offers,
  };
}

/** One thing that happened on a tour, in the order it happened, with who did it. */
export interface TourMoment {
  at: string;
  by: 'customer' | 'agent';
  event: TourEvent;
}

/**
 * The tour's timeline: every event of every batch, by the time the sending device gave it (a time at a
 * viewpoint counts from arriving), and then by arrival order for the same time.
 */
export function timelineOf(batches: ReadonlyArray<{ sender: 'customer' | 'assessor'; events: readonly TourEvent[] }>): TourMoment[] {
  const moments = batches.flatMap((batch) => batch.events.map((event): TourMoment => ({ at: event.at, by: batch.sender === 'assessor' ? 'agent' : 'customer', event })));
  return moments.map((moment, order) => ({ moment, order })).sort((a, b) => a.moment.at.localeCompare(b.moment.at) || a.order - b.order).map((m) => m.moment);
}
