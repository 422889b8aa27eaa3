// What a customer was shown on a preview tour, sent in batches by the page that saw it (and the
// agent's console for what the agent did): time at each viewpoint, hotspots opened, seats looked at,
// where the agent pointed and brought the customer, and offers made. Each batch is one signed ledger
// entry, so a "the room was not as shown" dispute can be settled from the bundle; a batch repeats
// harmlessly under the same id.
import { z } from 'zod';
import { Currency } from './money.ts';
import { text } from './text.ts';
import { TourId, Vec3 } from './tour.ts';

/** A client's clock reading (ISO 8601, UTC); the ledger entry carries the server's own. */
const ClientTime = text().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'an ISO 8601 UTC time such as 2026-12-04T10:15:00.000Z');
const SeatId = text().regex(/^[1-9][0-9]{0,2}[A-L]$/, 'a row number and a seat letter, e.g. 23A');

export const TourEvent = z.discriminatedUnion('kind', [
  /** Time spent at a viewpoint, from arriving to leaving (or to the batch being sent). */
  z.object({ kind: z.literal('viewpoint'), viewpoint: TourId, at: ClientTime, seconds: z.number().min(0).max(86_400) }),
  z.object({ kind: z.literal('hotspot'), hotspot: TourId, at: ClientTime }),
  z.object({ kind: z.literal('seat'), seat: SeatId, at: ClientTime }),
  /** The agent pointed at a place in the scene, seen from a viewpoint. */
  z.object({ kind: z.literal('pointer'), viewpoint: TourId, target: Vec3, at: ClientTime }),
  /** The agent brought the customer to a viewpoint ("follow me"). */
  z.object({ kind: z.literal('led'), viewpoint: TourId, at: ClientTime }),
  /** The agent offered an option (a seat of a cabin) at a price. */
  z.object({ kind: z.literal('offer'), option: TourId, seat: SeatId.optional(), amount: z.number().min(0).max(1e9), currency: Currency, at: ClientTime }),
]);
export type TourEvent = z.infer<typeof TourEvent>;

/** Only the agent points, leads and offers. */
export const AGENT_EVENTS: ReadonlySet<TourEvent['kind']> = new Set(['pointer', 'led', 'offer']);

export const TourActivityBody = z.object({
  /** Client-chosen id; the same batch sent twice is stored once. */
  batchId: text().min(8).max(64),
  /** How the customer saw the tour while these events happened. */
  view: z.enum(['3d', 'panorama', 'vr']).optional(),
  events: z.array(TourEvent).min(1).max(500),
});
export type TourActivityBody = z.infer<typeof TourActivityBody>;

export const TourActivityReceipt = z.object({ batchId: text(), ledgerSeq: z.number().int(), created: z.boolean() });
export type TourActivityReceipt = z.infer<typeof TourActivityReceipt>;

/** What a case's customer was shown, added up: for the console, the report and the analytics. */
export const TourExposure = z.object({
  viewpoints: z.array(z.object({ id: text(), title: text(), visits: z.number().int(), seconds: z.number() })),
  hotspots: z.array(z.object({ id: text(), title: text(), opens: z.number().int() })),
  seats: z.array(z.object({ id: text(), looks: z.number().int() })),
  pointers: z.number().int(),
  led: z.number().int(),
  offers: z.array(z.object({ option: text(), title: text(), seat: text().nullable(), amount: z.number(), currency: text(), at: text() })),
});
export type TourExposure = z.infer<typeof TourExposure>;

export const TourAnalytics = z.object({
  tour: TourId,
  cases: z.number().int(),
  exposure: TourExposure,
});
export type TourAnalytics = z.infer<typeof TourAnalytics>;
